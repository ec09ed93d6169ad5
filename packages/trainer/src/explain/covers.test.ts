import type { EncodedDataset, TreeNode } from '../model/types.js';
import { treeCovers } from './covers.js';
import { buildExplainerDoc } from './explainer-doc.js';
import { flatTree } from './flat-tree.js';

const leaf = (value: number): TreeNode => ({ kind: 'leaf', value });

// x0 <= 0.5 (missing left) → [colour in {0, 2} (missing right) → A | B] | C
const TREE: TreeNode = {
  kind: 'numeric',
  feature: 0,
  threshold: Math.fround(0.5),
  missingLeft: true,
  gain: 1,
  left: {
    kind: 'categorical',
    feature: 1,
    leftCategories: [0, 2],
    missingLeft: false,
    gain: 1,
    left: leaf(1),
    right: leaf(2),
  },
  right: leaf(3),
};

function data(x0: number[], colour: number[]): EncodedDataset {
  return {
    features: [
      { name: 'x0', kind: 'numeric' },
      { name: 'colour', kind: 'categorical', categories: ['red', 'green', 'blue'] },
    ],
    rowCount: x0.length,
    columns: [Float32Array.from(x0), Float32Array.from(colour)],
    labels: new Uint8Array(x0.length),
  };
}

describe('covers', () => {
  it('count the rows reaching each node with the model’s routing (missing values included)', () => {
    const flat = flatTree(TREE);
    // Pre-order: 0 root, 1 colour split, 2 A, 3 B, 4 C.
    const rows = data([0.5, 0.1, NaN, 0.9, 0.2, NaN], [0, 1, 2, 0, NaN, NaN]);
    // 0.5 <= 0.5 left, colour 0 → A; 0.1 left, colour 1 → B; NaN left, colour 2 → A;
    // 0.9 → C; 0.2 left, colour missing → right → B; NaN left, missing → B.
    expect([...treeCovers({ tree: flat, data: rows })]).toEqual([6, 5, 2, 3, 1]);
  });

  it('are written for every tree of a model, the root holding every training row', () => {
    const rows = data([0.5, 0.1, NaN, 0.9], [0, 1, 2, 0]);
    const doc = buildExplainerDoc(
      {
        kind: 'gbdt',
        features: rows.features,
        baseScore: -1,
        trees: [TREE, leaf(0.5)],
        params: {},
        bestIteration: 2,
      },
      rows,
    );
    if (doc.kind !== 'trees') throw new Error('a gbdt gives trees');
    expect(doc.trees.map((t) => t.cover[0])).toEqual([4, 4]);
    expect(doc).toMatchObject({
      base_score: -1,
      rows: 4,
      features: [{ name: 'x0' }, { name: 'colour', categories: ['red', 'green', 'blue'] }],
    });
  });
});
