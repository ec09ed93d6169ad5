import { schemaDifferences, type ComparedSchema } from './schema-diff.js';

const schema = (target: string, ...features: [string, string][]): ComparedSchema => ({
  target: { name: target },
  features: features.map(([name, type]) => ({ name, type })),
});

describe('schemaDifferences', () => {
  it('finds nothing when only the feature order differs', () => {
    const a = schema('y', ['a', 'numeric'], ['b', 'categorical']);
    const b = schema('y', ['b', 'categorical'], ['a', 'numeric']);
    expect(schemaDifferences(a, b)).toEqual([]);
  });

  it('lists added, removed and retyped columns and a new target', () => {
    const before = schema('default', ['age', 'numeric'], ['income', 'numeric'], ['x', 'numeric']);
    const after = schema('bad', ['income', 'categorical'], ['x', 'numeric'], ['bonus', 'numeric']);
    expect(schemaDifferences(before, after)).toEqual([
      "target changed: 'default' → 'bad'",
      "columns added (1): 'bonus'",
      "columns removed (1): 'age'",
      "columns retyped (1): 'income' numeric → categorical",
    ]);
  });

  it('names the first twelve of a long list and counts the rest', () => {
    const many = Array.from({ length: 20 }, (_, i): [string, string] => [`c${i}`, 'numeric']);
    const [line] = schemaDifferences(schema('y'), schema('y', ...many));
    expect(line).toMatch(/^columns added \(20\): 'c0', .*'c11' and 8 more$/);
  });
});
