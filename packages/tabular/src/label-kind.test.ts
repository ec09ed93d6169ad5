import { labelKind, typedLabel } from './label-kind.js';

describe('label kind', () => {
  it('is integer for a numeric 0/1 (or 1/2) target', () => {
    expect(labelKind({ positive: '1', negative: '0', type: 'numeric' })).toBe('integer');
    expect(labelKind({ positive: '2', negative: '1', type: 'numeric' })).toBe('integer');
  });

  it('is number for a numeric target with fractional classes', () => {
    expect(labelKind({ positive: '0.5', negative: '-1', type: 'numeric' })).toBe('number');
  });

  it('is text for a text target, even when its classes look like numbers', () => {
    expect(labelKind({ positive: 'bad', negative: 'good', type: 'text' })).toBe('text');
    expect(labelKind({ positive: '1', negative: '0', type: 'text' })).toBe('text');
  });

  it('reads an older schema without a type from how its classes are written', () => {
    expect(labelKind({ positive: '1', negative: '0' })).toBe('integer');
    expect(labelKind({ positive: 'yes', negative: 'no' })).toBe('text');
    expect(labelKind({ positive: '1.0', negative: '0.0' })).toBe('text');
  });

  it('types a label text by its kind', () => {
    expect(typedLabel('integer', '1')).toBe(1);
    expect(typedLabel('number', '0.5')).toBe(0.5);
    expect(typedLabel('text', '1')).toBe('1');
  });
});
