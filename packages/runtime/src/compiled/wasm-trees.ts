/**
 * The trees of an ensemble as a WebAssembly module: comparisons in double on the float32 inputs
 * (NaN down the branch each node says), leaf weights added in double in tree order, so the sums
 * are onnxruntime's exactly. Built and compiled in milliseconds, ahead of scoring, and shared
 * between threads: a `WebAssembly.Module` posted to a worker is not compiled again. (Trees
 * generated as JavaScript, as before, were optimised by V8 mid-file in every worker: the first
 * blocks of the uci file took 0.3-0.5 s instead of 0.035.)
 *
 * Each tree is nested `if`s down to subtrees of at most BRANCHLESS_LEAVES leaves, which are
 * evaluated without branches: every condition of the subtree is computed and `select`s pick the
 * reached leaf's weight from a table (written into memory at `leafAt` by the module's data
 * segment). Mispredicted branches were most of the trees' time: 1M uci rows through 110 trees of
 * 31 leaves on one thread took 1.44 s with an `if` per node; with branchless subtrees of up to 2
 * leaves 1.28 s, 4: 1.11 s, 8: 0.94 s, 16: 0.86 s, 24: 0.93 s, whole trees (32): 1.16 s.
 *
 * The module imports its memory (`env.memory`) and exports `trees(x, rows, acc)`: `x` is the byte
 * offset of a row-major float32 matrix of `rows` rows and `width` columns, `acc` that of `rows`
 * doubles, to which each row's leaf weights are added.
 */
import { NotCompilable } from './attributes.js';
import { BRANCH_LEQ, type Ensemble, type Split } from './ensemble.js';
import { Bytes, F64, I32, OP, VOID } from './wasm-bytes.js';

/** Interior nodes per function (as score-function.ts): features are loaded into locals once per group. */
const NODES_PER_FUNCTION = 600;
/** Subtrees of at most this many leaves are evaluated without branches (see above). */
const BRANCHLESS_LEAVES = 16;

/** `local.get local; f64.const value` then the comparison `op`. */
function compare(out: Bytes, value: number, [local, op]: [number, number]): void {
  out.byte(OP.localGet).u32(local).byte(OP.f64Const).f64(value).byte(op);
}

/** The condition of `split` on the input held in `local`, leaving an i32 (true branch: 1). */
function condition(out: Bytes, split: Split, local: number): void {
  if (split.mode === BRANCH_LEQ) {
    if (split.missingTrue) {
      // !(x > t): NaN takes the true branch.
      compare(out, split.value, [local, OP.f64Gt]);
      out.byte(OP.i32Eqz);
    } else compare(out, split.value, [local, OP.f64Le]);
    return;
  }
  if (split.members.length === 0) out.byte(OP.i32Const).s32(0);
  split.members.forEach((m, i) => {
    compare(out, m, [local, OP.f64Eq]);
    if (i > 0) out.byte(OP.i32Or);
  });
  if (split.missingTrue) {
    out.byte(OP.localGet).u32(local).byte(OP.localGet).u32(local).byte(OP.f64Ne, OP.i32Or);
  }
}

/** A group of trees: the function body and how many interior nodes it holds. */
interface Group {
  readonly roots: number[];
  readonly features: Map<number, number>; // graph input -> local index
  splits: number;
}

/**
 * The body of a group's function `(x, from, to, acc)`: for each row, its inputs into locals, its
 * accumulator into `s`, the trees, and `s` back.
 */
function groupBody(ensemble: Ensemble, group: Group, layout: TreesLayout): Bytes {
  const { width, leafAt } = layout;
  // Params: 0 x, 1 from (the row, counting up), 2 to, 3 acc. Locals: 4 b (row's byte offset),
  // 5 s, then one f64 per input the group reads.
  const B = 4;
  const S = 5;
  const body = new Bytes();
  body.u32(3).u32(1).byte(I32).u32(1).byte(F64).u32(group.features.size).byte(F64);
  body.byte(OP.block, VOID);
  body.byte(OP.localGet).u32(1).byte(OP.localGet).u32(2).byte(OP.i32GeU, OP.brIf).u32(0);
  body.byte(OP.loop, VOID);
  // b = x + from * width * 4
  body.byte(OP.localGet).u32(0).byte(OP.localGet).u32(1);
  body
    .byte(OP.i32Const)
    .s32(width * 4)
    .byte(OP.i32Mul, OP.i32Add, OP.localSet)
    .u32(B);
  for (const [input, local] of group.features) {
    // Alignment 2 (4 bytes), offset input * 4.
    body
      .byte(OP.localGet)
      .u32(B)
      .byte(OP.f32Load)
      .u32(2)
      .u32(input * 4);
    body.byte(OP.f64PromoteF32, OP.localSet).u32(local);
  }
  const accAddress = (): void => {
    body.byte(OP.localGet).u32(3).byte(OP.localGet).u32(1);
    body.byte(OP.i32Const).s32(3).byte(OP.i32Shl, OP.i32Add);
  };
  accAddress();
  body.byte(OP.f64Load).u32(3).u32(0).byte(OP.localSet).u32(S);
  const tree = { ensemble, locals: group.features, s: S, leafAt };
  for (const root of group.roots) treeCode(body, tree, root);
  accAddress();
  body.byte(OP.localGet).u32(S).byte(OP.f64Store).u32(3).u32(0);
  // from++; loop while from < to
  body.byte(OP.localGet).u32(1).byte(OP.i32Const).s32(1).byte(OP.i32Add, OP.localTee).u32(1);
  body.byte(OP.localGet).u32(2).byte(OP.i32LtU, OP.brIf).u32(0);
  body.byte(OP.end, OP.end, OP.end);
  return body;
}

/** The number of leaves under each interior node of the tree at `root` (iteratively). */
function leafCounts(ensemble: Ensemble, nodes: readonly number[]): Map<number, number> {
  const counts = new Map<number, number>();
  // treeNodes lists parents before children: children are counted first when walked backwards.
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i] as number;
    const split = ensemble.splits[node] as Split;
    const side = (child: number, leaf: boolean): number => (leaf ? 1 : (counts.get(child) ?? 0));
    counts.set(
      node,
      side(split.trueChild, split.trueIsLeaf) + side(split.falseChild, split.falseIsLeaf),
    );
  }
  return counts;
}

/** What the code of one tree needs: where its inputs and sum are, and the leaf table. */
interface TreeContext {
  readonly ensemble: Ensemble;
  readonly locals: ReadonlyMap<number, number>;
  /** The local holding the row's sum. */
  readonly s: number;
  readonly leafAt: number;
}

/** Leaves the byte address of the leaf `node`'s subtree reaches: conditions and selects only. */
function leafAddress(out: Bytes, tree: TreeContext, node: number): void {
  const { ensemble } = tree;
  const split = ensemble.splits[node] as Split;
  for (const [child, leaf] of [
    [split.trueChild, split.trueIsLeaf],
    [split.falseChild, split.falseIsLeaf],
  ] as const) {
    if (leaf) out.byte(OP.i32Const).s32(tree.leafAt + child * 8);
    else leafAddress(out, tree, child);
  }
  condition(out, split, tree.locals.get(ensemble.columns[split.feature] as number) as number);
  out.byte(OP.select);
}

/** One tree adding the reached leaf's weight to local `s`: `if`s down to small subtrees. */
function treeCode(out: Bytes, tree: TreeContext, root: number): void {
  const { ensemble, s } = tree;
  const leaves = leafCounts(ensemble, treeNodes(ensemble, root));
  // Iterative (deep trees must not overflow the stack): pending nodes, leaves and opcodes.
  type Item = { node: number; leaf: boolean } | number;
  const stack: Item[] = [{ node: root, leaf: false }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (typeof item === 'number') {
      out.byte(item);
      continue;
    }
    if (item.leaf) {
      const weight = ensemble.leafWeights[item.node] as number;
      out.byte(OP.localGet).u32(s).byte(OP.f64Const).f64(weight);
      out.byte(OP.f64Add, OP.localSet).u32(s);
      continue;
    }
    if ((leaves.get(item.node) ?? Infinity) <= BRANCHLESS_LEAVES) {
      // s += leaf weight at the selected address (align 3, offset 0)
      out.byte(OP.localGet).u32(s);
      leafAddress(out, tree, item.node);
      out.byte(OP.f64Load).u32(3).u32(0).byte(OP.f64Add, OP.localSet).u32(s);
      continue;
    }
    const split = ensemble.splits[item.node] as Split;
    condition(out, split, tree.locals.get(ensemble.columns[split.feature] as number) as number);
    out.byte(OP.if, VOID);
    stack.push(OP.end, { node: split.falseChild, leaf: split.falseIsLeaf });
    stack.push(OP.else, { node: split.trueChild, leaf: split.trueIsLeaf });
  }
}

/** The nodes of the tree at `root` (to size groups and list their inputs), or a cycle error. */
function treeNodes(ensemble: Ensemble, root: number): number[] {
  const nodes: number[] = [];
  const seen = new Set<number>();
  const stack = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (seen.has(node)) throw new NotCompilable(`TreeEnsemble: node ${node} is reached twice`);
    seen.add(node);
    nodes.push(node);
    const split = ensemble.splits[node] as Split;
    if (!split.trueIsLeaf) stack.push(split.trueChild);
    if (!split.falseIsLeaf) stack.push(split.falseChild);
  }
  return nodes;
}

/** Rows of `width` float32 inputs; the leaf table at byte `leafAt` (score-function.ts's treesMemory). */
export interface TreesLayout {
  readonly width: number;
  readonly leafAt: number;
}

/** The module's bytes for `ensemble`. */
export function treesModule(ensemble: Ensemble, layout: TreesLayout): Uint8Array {
  const groups: Group[] = [];
  let group: Group | undefined;
  for (const root of ensemble.roots) {
    const nodes = treeNodes(ensemble, root);
    if (
      group === undefined ||
      (group.splits > 0 && group.splits + nodes.length > NODES_PER_FUNCTION)
    ) {
      group = { roots: [], features: new Map(), splits: 0 };
      groups.push(group);
    }
    group.roots.push(root);
    group.splits += nodes.length;
    for (const node of nodes) {
      const input = ensemble.columns[(ensemble.splits[node] as Split).feature] as number;
      if (!group.features.has(input)) group.features.set(input, 6 + group.features.size);
    }
  }
  const module = new Bytes().byte(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00);
  // Types: 0 = (i32 i32 i32 i32) -> (), the groups; 1 = (i32 i32 i32) -> (), `trees`.
  const types = new Bytes().u32(2);
  types.byte(0x60).u32(4).byte(I32, I32, I32, I32).u32(0);
  types.byte(0x60).u32(3).byte(I32, I32, I32).u32(0);
  module.byte(1).sized(types);
  // Import: env.memory, at least one page.
  const imports = new Bytes().u32(1).name('env').name('memory').byte(0x02, 0x00).u32(1);
  module.byte(2).sized(imports);
  const functions = new Bytes().u32(groups.length + 1);
  for (let g = 0; g < groups.length; g++) functions.u32(0);
  functions.u32(1);
  module.byte(3).sized(functions);
  const exports = new Bytes().u32(1).name('trees').byte(0x00).u32(groups.length);
  module.byte(7).sized(exports);
  const code = new Bytes().u32(groups.length + 1);
  for (const g of groups) code.sized(groupBody(ensemble, g, layout));
  code.sized(driverBody(groups.length));
  module.byte(10).sized(code);
  // Data: the leaf weights at leafAt (an active segment of memory 0, written at instantiation).
  const table = new Bytes();
  for (const weight of ensemble.leafWeights) table.f64(weight);
  const data = new Bytes().u32(1).byte(0x00, OP.i32Const).s32(layout.leafAt).byte(OP.end);
  module.byte(11).sized(data.sized(table));
  return module.bytes();
}

/**
 * `trees(x, rows, acc)`: every group over all rows, in order (so each row's leaf weights are
 * added in tree order). The caller passes rows few enough to stay in cache (score-function.ts).
 */
function driverBody(groups: number): Bytes {
  const body = new Bytes().u32(0);
  for (let g = 0; g < groups; g++) {
    body.byte(OP.localGet).u32(0).byte(OP.i32Const).s32(0).byte(OP.localGet).u32(1);
    body.byte(OP.localGet).u32(2).byte(OP.call).u32(g);
  }
  body.byte(OP.end);
  return body;
}
