import { checkLabelItems, judgeLabels, matchClass } from './labels.js';

describe('label rules', () => {
  it('matches a label to a class by text, or by number for numeric classes', () => {
    expect(matchClass('bad', ['good', 'bad'])).toBe('bad');
    expect(matchClass(1, ['0', '1'])).toBe('1');
    expect(matchClass('1.0', ['0', '1'])).toBe('1');
    expect(matchClass('', ['0', '1'])).toBeUndefined();
    expect(matchClass('BAD', ['good', 'bad'])).toBeUndefined();
  });

  it('sorts labels into stored, unknown ids and labels outside the classes', () => {
    const classes = new Map<string, readonly [string, string] | null>([
      ['a', ['no', 'yes']],
      ['old', null],
    ]);
    const { store, outcome } = judgeLabels(
      [
        { request_id: 'a', label: 'yes' },
        { request_id: 'a', label: 'perhaps' },
        { request_id: 'old', label: 'anything' },
        { request_id: 'b', label: 'yes' },
      ],
      classes,
      new Date(0),
    );
    expect(store.map((l) => [l.requestId, l.label])).toEqual([
      ['a', 'yes'],
      ['old', 'anything'],
    ]);
    expect(outcome.unknown).toEqual(['b']);
    expect(outcome.invalid).toEqual([
      {
        requestId: 'a',
        label: 'perhaps',
        problem: 'label "perhaps" is not one of the model\'s classes ["no","yes"]',
      },
    ]);
  });

  it('names the first bad item and field', () => {
    expect(() => checkLabelItems([{ request_id: 'a', label: 'x' }, { request_id: 'b' }])).toThrow(
      /^Label 1: label:/,
    );
  });
});
