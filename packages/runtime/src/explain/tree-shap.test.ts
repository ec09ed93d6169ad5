import {
  parseExplainerFile,
  type ExplainerFeature,
  type TreeExplainerFile,
} from './explainer-file.js';
import {
  buildForest,
  forestExpectedValue,
  forestRawScore,
  goesLeft,
  type Forest,
} from './forest.js';
import { treeShap, treeShapScratch } from './tree-shap.js';
import { randomTree, seeded, treesFile, type TestNode } from './test-trees.js';

const NUMERIC = (name: string) => ({ name, type: 'numeric' as const });

function shap(forest: Forest, row: readonly number[]): Float64Array {
  const phi = new Float64Array(forest.featureCount);
  treeShap({ forest, x: Float64Array.from(row), phi, scratch: treeShapScratch(forest) });
  return phi;
}

/**
 * The definition, by brute force: E[f(x) | x_S] the path-dependent way (features in S follow
 * the row, the others split by cover), and Shapley values as the weighted average over subsets.
 */
function conditional(forest: Forest, x: readonly number[], inS: (f: number) => boolean): number {
  const at = (node: number): number => {
    const f = forest.feature[node] ?? -1;
    if (f < 0) return forest.value[node] ?? 0;
    const left = forest.left[node] ?? 0;
    const right = forest.right[node] ?? 0;
    if (inS(f)) return at(goesLeft(forest, node, x[f] ?? NaN) ? left : right);
    const c = forest.cover[node] ?? 1;
    return ((forest.cover[left] ?? 0) * at(left) + (forest.cover[right] ?? 0) * at(right)) / c;
  };
  return [...forest.roots].reduce((sum, root) => sum + at(root), forest.baseScore);
}

function factorial(n: number): number {
  return n <= 1 ? 1 : n * factorial(n - 1);
}

function bruteForceShap(forest: Forest, x: readonly number[]): number[] {
  const m = forest.featureCount;
  const phi = new Array<number>(m).fill(0);
  for (let i = 0; i < m; i++) {
    for (let mask = 0; mask < 1 << m; mask++) {
      if (mask & (1 << i)) continue;
      let size = 0;
      for (let b = 0; b < m; b++) if (mask & (1 << b)) size++;
      const weight = (factorial(size) * factorial(m - size - 1)) / factorial(m);
      const withI = conditional(forest, x, (f) => f === i || (mask & (1 << f)) !== 0);
      const without = conditional(forest, x, (f) => (mask & (1 << f)) !== 0);
      phi[i] = (phi[i] ?? 0) + weight * (withI - without);
    }
  }
  return phi;
}

function forestOf(file: TreeExplainerFile): Forest {
  // Through the parser: the tests' files must pass the checks the runtime applies.
  const parsed = parseExplainerFile(JSON.stringify(file));
  if (parsed.kind !== 'trees') throw new Error('not a tree file');
  return buildForest(parsed);
}

describe('TreeSHAP on one split', () => {
  // x <= 0.5 → 2 (30 training rows), else → -1 (10 rows): E[f] = (30·2 + 10·(−1)) / 40 = 1.25.
  const stump: TestNode = {
    feature: 0,
    split: 0.5,
    missingLeft: false,
    left: { leaf: 2, cover: 30 },
    right: { leaf: -1, cover: 10 },
  };
  const forest = forestOf(treesFile({ features: [NUMERIC('a'), NUMERIC('b')], trees: [stump] }));

  it('gives the split feature its leaf minus the cover-weighted mean, the other feature 0', () => {
    expect(forestExpectedValue(forest)).toBeCloseTo(1.25, 12);
    expect([...shap(forest, [0.2, 7])]).toEqual([2 - 1.25, 0]);
    expect([...shap(forest, [0.9, 7])]).toEqual([-1 - 1.25, 0]);
  });

  it('sends a missing value the missing direction (here right)', () => {
    expect(shap(forest, [NaN, 0])[0]).toBeCloseTo(-2.25, 12);
  });
});

describe('TreeSHAP on two features (AND of two splits)', () => {
  // f = 1 when a <= 0 and b <= 0 (covers 25/25/50): by hand, with p = P(a<=0) = 0.5 and
  // q = P(b<=0 | a<=0) = 0.5, a row with a<=0, b<=0 gets φ_a = φ_b = (1 − pq)/2 = 0.375.
  const and: TestNode = {
    feature: 0,
    split: 0,
    missingLeft: true,
    left: {
      feature: 1,
      split: 0,
      missingLeft: true,
      left: { leaf: 1, cover: 25 },
      right: { leaf: 0, cover: 25 },
    },
    right: { leaf: 0, cover: 50 },
  };
  const forest = forestOf(treesFile({ features: [NUMERIC('a'), NUMERIC('b')], trees: [and] }));

  it('splits the credit equally between the two features', () => {
    const phi = shap(forest, [-1, -1]);
    expect(phi[0]).toBeCloseTo(0.375, 12);
    expect(phi[1]).toBeCloseTo(0.375, 12);
  });

  it('equals the brute-force Shapley values of the path-dependent expectation', () => {
    for (const row of [
      [-1, 1],
      [1, -1],
      [1, 1],
      [NaN, 1],
      [-1, NaN],
    ]) {
      const phi = [...shap(forest, row)];
      bruteForceShap(forest, row).forEach((v, i) => expect(phi[i]).toBeCloseTo(v, 12));
    }
  });
});

describe('TreeSHAP on random forests with numeric and categorical splits', () => {
  const features: ExplainerFeature[] = [
    NUMERIC('n0'),
    NUMERIC('n1'),
    { name: 'c0', type: 'categorical' as const, categories: ['a', 'b', 'c', 'd'] },
    NUMERIC('n2'),
    { name: 'c1', type: 'categorical' as const, categories: ['x', 'y'] },
  ];
  const random = seeded(11);
  const forest = forestOf(
    treesFile({
      features,
      trees: Array.from({ length: 12 }, () => randomTree({ random, features, depth: 6 })),
      baseScore: -1.3,
    }),
  );
  const rows = Array.from({ length: 40 }, () =>
    features.map((f) => {
      if (random() < 0.15) return NaN;
      return f.categories ? Math.floor(random() * f.categories.length) : Math.fround(random());
    }),
  );

  it('adds up: expected value + Σ contributions = the raw score, for every row', () => {
    const base = forestExpectedValue(forest);
    for (const row of rows) {
      const sum = shap(forest, row).reduce((a, b) => a + b, base);
      expect(Math.abs(sum - forestRawScore(forest, Float64Array.from(row)))).toBeLessThan(1e-10);
    }
  });

  it('equals the brute-force Shapley values (repeated features on a path included)', () => {
    for (const row of rows.slice(0, 10)) {
      const phi = [...shap(forest, row)];
      bruteForceShap(forest, row).forEach((v, i) =>
        expect(Math.abs((phi[i] ?? NaN) - v)).toBeLessThan(1e-10),
      );
    }
  });
});
