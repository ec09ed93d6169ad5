import { gridCandidates, randomCandidates } from './space.js';

const space = { a: [1, 2, 3], b: ['x', 'y'] };

describe('search space', () => {
  it('enumerates every combination in a grid', () => {
    const grid = gridCandidates(space);
    expect(grid).toHaveLength(6);
    expect(new Set(grid.map((p) => JSON.stringify(p))).size).toBe(6);
  });

  it('starts random search with the defaults (first values)', () => {
    expect(randomCandidates({ space, count: 3, seed: 7 })[0]).toEqual({ a: 1, b: 'x' });
  });

  it('samples the same distinct candidates for the same seed', () => {
    const one = randomCandidates({ space, count: 4, seed: 42 });
    const two = randomCandidates({ space, count: 4, seed: 42 });
    expect(one).toEqual(two);
    expect(new Set(one.map((p) => JSON.stringify(p))).size).toBe(4);
  });

  it('never returns more candidates than the space holds', () => {
    expect(randomCandidates({ space, count: 100, seed: 1 })).toHaveLength(6);
  });
});
