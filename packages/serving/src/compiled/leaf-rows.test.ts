/** The warm-up rows must reach every reachable leaf of every tree, and skip the unreachable. */
import { BRANCH_LEQ, BRANCH_MEMBER, type Ensemble, type Split } from './ensemble.js';
import { leafRows } from './leaf-rows.js';

const split = (s: Partial<Split> & Pick<Split, 'feature' | 'trueChild' | 'falseChild'>): Split => ({
  mode: BRANCH_LEQ,
  value: 0,
  members: [],
  missingTrue: false,
  trueIsLeaf: false,
  falseIsLeaf: false,
  ...s,
});

// Tree A: x0 <= 1.5 ? (x1 in {2, 5} or missing ? leaf 1 : (x0 <= -3 ? leaf 2 : leaf 3)) : leaf 0.
// Tree B: x1 <= 10 ? (x1 <= 20 ? leaf 5 : leaf 6, which no value reaches) : leaf 4.
const ensemble: Ensemble = {
  roots: [0, 3],
  columns: [0, 1],
  leafWeights: [0, 1, 2, 3, 4, 5, 6],
  splits: [
    split({ feature: 0, value: 1.5, trueChild: 1, falseChild: 0, falseIsLeaf: true }),
    split({
      feature: 1,
      mode: BRANCH_MEMBER,
      members: [2, 5],
      missingTrue: true,
      trueChild: 1,
      trueIsLeaf: true,
      falseChild: 2,
    }),
    split({
      feature: 0,
      value: -3,
      trueChild: 2,
      trueIsLeaf: true,
      falseChild: 3,
      falseIsLeaf: true,
    }),
    split({ feature: 1, value: 10, trueChild: 4, falseChild: 4, falseIsLeaf: true }),
    split({
      feature: 1,
      value: 20,
      trueChild: 5,
      trueIsLeaf: true,
      falseChild: 6,
      falseIsLeaf: true,
    }),
  ],
};

/** The leaf a row reaches from `root`, deciding as the generated code does. */
function walk(row: Float32Array, root: number): number {
  let node = root;
  for (;;) {
    const s = ensemble.splits[node] as Split;
    const v = row[ensemble.columns[s.feature] as number] as number;
    const member = s.members.some((m) => m === v);
    const yes =
      s.mode === BRANCH_LEQ
        ? s.missingTrue
          ? !(v > s.value)
          : v <= s.value
        : s.missingTrue
          ? v !== v || member
          : member;
    const [next, leaf] = yes ? [s.trueChild, s.trueIsLeaf] : [s.falseChild, s.falseIsLeaf];
    if (leaf) return next;
    node = next;
  }
}

describe('leafRows', () => {
  it('gives one row per reachable leaf, each reaching its leaf', () => {
    const { rows, x } = leafRows(ensemble, 2);
    const reached = new Set<string>();
    for (let r = 0; r < rows; r++) {
      const row = x.subarray(r * 2, r * 2 + 2);
      ensemble.roots.forEach((root, tree) => reached.add(`${tree}:${walk(row, root)}`));
    }
    expect(rows).toBe(6); // leaf 6 of tree B needs x1 > 20 and x1 <= 10 at once
    expect([...reached].sort()).toEqual(['0:0', '0:1', '0:2', '0:3', '1:4', '1:5']);
  });

  it('stays within 2M values however wide the model (first leaves only)', () => {
    // 500,000 inputs: 4 rows fit; the walk stops there instead of building every leaf's row.
    const many: Ensemble = { ...ensemble, roots: Array.from({ length: 1000 }, () => 0) };
    const { rows, x } = leafRows(many, 500_000);
    expect(rows).toBe(4);
    expect(x.length).toBe(2_000_000);
  });
});
