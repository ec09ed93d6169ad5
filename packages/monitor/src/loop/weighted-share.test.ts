import { weightedShare } from './weighted-share.js';

const columns = [
  { name: 'income', score: 0.3, drifted: true },
  { name: 'age', score: 0.01, drifted: false },
  { name: 'zip', score: 0.4, drifted: true },
];

describe('weightedShare', () => {
  it('weighs drifted columns by importance', () => {
    expect(weightedShare(columns, { income: 3, age: 6, zip: 1 })).toBeCloseTo(0.4);
  });

  it('counts columns without an importance as 0, and has no share without weights', () => {
    expect(weightedShare(columns, { age: 1 })).toBe(0);
    expect(weightedShare(columns, {})).toBeUndefined();
  });
});
