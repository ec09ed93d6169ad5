/**
 * Rows that reach every leaf of every tree, one per leaf, as the matrix the generated code reads
 * (inputs in graph order, categories as their codes). A worker runs them before it scores a file
 * because V8 compiles a function from what it has seen run: a comparison or an addition that
 * never ran is compiled as "give up here", and reaching it later throws the trees back to the
 * interpreter until they are compiled again. Measured: after warming up on the verification rows
 * alone, every group of trees was deoptimized that way on the first blocks of a real file.
 */
import { BRANCH_LEQ, type Ensemble, type Split } from './ensemble.js';
import { float32Step } from './float32.js';

/**
 * At most this many values (rows × inputs, 8 MB as float32): a huge or wide ensemble warms up on
 * its first leaves only, and the rows stay small enough to copy to every worker.
 */
const MAX_VALUES = 2_000_000;

/** Whether `split` sends a row whose input is `v` down its true branch (as codegen.ts writes it). */
function goesTrue(split: Split, v: number): boolean {
  if (split.mode === BRANCH_LEQ) return split.missingTrue ? !(v > split.value) : v <= split.value;
  const member = split.members.some((m) => m === v);
  return split.missingTrue ? v !== v || member : member;
}

/** Float32 values worth trying for an input split by `splits`. */
function candidates(splits: readonly Split[]): number[] {
  const values = [0];
  for (const split of splits) {
    if (split.mode === BRANCH_LEQ) {
      values.push(
        Math.fround(split.value),
        float32Step(split.value, true),
        float32Step(split.value, false),
      );
    } else values.push(...split.members.map((m) => Math.fround(m)), -1);
  }
  return values;
}

/** One row per reachable leaf (a leaf whose path no float32 value satisfies is skipped). */
export function leafRows(ensemble: Ensemble, width: number): { rows: number; x: Float32Array } {
  const out: number[][] = [];
  const maxRows = Math.floor(MAX_VALUES / Math.max(1, width));
  // The decisions from the root to the node being visited, as a stack shared by the whole walk.
  const path: [Split, boolean][] = [];
  for (const root of ensemble.roots) {
    // Depth first, iteratively: each item is a node (or leaf) and its depth below the root.
    const stack: { node: number; leaf: boolean; depth: number; branch?: [Split, boolean] }[] = [
      { node: root, leaf: false, depth: 0 },
    ];
    for (let item = stack.pop(); item !== undefined && out.length < maxRows; item = stack.pop()) {
      path.length = item.depth;
      if (item.branch !== undefined) path.push(item.branch);
      if (item.leaf) {
        const row = rowFor(path, ensemble, width);
        if (row !== undefined) out.push(row);
        continue;
      }
      const split = ensemble.splits[item.node];
      if (split === undefined || path.length > ensemble.splits.length) continue;
      const depth = path.length;
      stack.push(
        { node: split.falseChild, leaf: split.falseIsLeaf, depth, branch: [split, false] },
        { node: split.trueChild, leaf: split.trueIsLeaf, depth, branch: [split, true] },
      );
    }
  }
  const x = new Float32Array(out.length * width);
  out.forEach((row, r) => x.set(row, r * width));
  return { rows: out.length, x };
}

/** A row taking every decision of `path`, or undefined when none does. */
function rowFor(
  path: readonly [Split, boolean][],
  ensemble: Ensemble,
  width: number,
): number[] | undefined {
  const row = new Array<number>(width).fill(0);
  const decided = new Set<number>();
  for (const [first] of path) {
    const input = ensemble.columns[first.feature] as number;
    if (decided.has(input)) continue;
    decided.add(input);
    const steps = path.filter(([split]) => ensemble.columns[split.feature] === input);
    const value = candidates(steps.map(([split]) => split)).find((v) =>
      steps.every(([split, branch]) => goesTrue(split, v) === branch),
    );
    if (value === undefined) return undefined;
    row[input] = value;
  }
  return row;
}
