/**
 * Grows one tree best-first (leaf-wise, like LightGBM's serial tree learner): the leaf with the
 * largest split gain is split next. Each leaf owns a contiguous range of a row-index partition;
 * only the smaller child's histogram is built, the larger one is parent minus smaller.
 */
import type { BinMapper, BinnedMatrix } from './binning.js';
import type { HistogramBuilder } from './histogram.js';
import { subtractHistogram } from './histogram.js';
import type { SplitCandidate, SplitConfig } from './split.js';
import { findBestSplit, leafOutput } from './split.js';

/** Buffers reused by every tree (shared memory when workers read them). */
export interface Workspace {
  readonly rows: Int32Array;
  readonly scratch: Int32Array;
  /** `numLeaves` histogram slots of `slotSize` values. */
  readonly hist: Float64Array;
  /** Values per histogram slot (see `histogramSlotSize`). */
  readonly slotSize: number;
}

/** Everything fixed for the whole training run. */
export interface LearnerSetup {
  readonly matrix: BinnedMatrix;
  readonly mappers: readonly BinMapper[];
  readonly split: SplitConfig;
  readonly numLeaves: number;
  /** <= 0: unlimited. */
  readonly maxDepth: number;
  readonly workspace: Workspace;
  readonly builder: HistogramBuilder;
}

export interface TreeInput {
  /** Interleaved gradients and hessians by row (see computeGradients). */
  readonly gradHess: Float64Array;
  /** Sorted in-bag rows; undefined = all rows. */
  readonly bag: Int32Array | undefined;
  /** Features this tree may use, ascending. */
  readonly features: Int32Array;
}

export interface BuiltNode {
  readonly split: SplitCandidate;
  /** `>= 0`: internal node index; `< 0`: `~leafIndex`. */
  left: number;
  right: number;
}

export interface BuiltTree {
  readonly nodes: readonly BuiltNode[];
  /** Leaf values before the learning rate. */
  readonly leafOutput: Float64Array;
  readonly leafBegin: Int32Array;
  readonly leafCount: Int32Array;
  readonly numLeaves: number;
}

interface LeafState {
  begin: number;
  count: number;
  sumGrad: number;
  sumHess: number;
  depth: number;
  slot: number;
  best: SplitCandidate | undefined;
}

class TreeGrower {
  private readonly leaves: LeafState[] = [];
  private readonly leafParent: number[] = [];
  private readonly nodes: BuiltNode[] = [];
  private readonly slotSize: number;

  constructor(
    private readonly setup: LearnerSetup,
    private readonly input: TreeInput,
  ) {
    this.slotSize = setup.workspace.slotSize;
  }

  grow(): BuiltTree {
    this.setup.builder.useFeatures(this.input.features);
    const root = this.initRoot();
    this.leaves.push(root);
    this.leafParent.push(-1);
    if (this.canSplit(root)) {
      this.buildHistogram(root);
      root.best = this.findBest(root);
    }
    while (this.leaves.length < this.setup.numLeaves) {
      const index = this.pickLeaf();
      if (index < 0) break;
      this.splitLeaf(index);
    }
    const n = this.leaves.length;
    const out = new Float64Array(n);
    const begin = new Int32Array(n);
    const count = new Int32Array(n);
    const rootOutput = leafOutput({
      sumGrad: root.sumGrad,
      sumHess: root.sumHess,
      l1: this.setup.split.lambdaL1,
      l2: this.setup.split.lambdaL2,
    });
    this.leaves.forEach((leaf, i) => {
      begin[i] = leaf.begin;
      count[i] = leaf.count;
      out[i] = this.leafValues[i] ?? rootOutput;
    });
    return { nodes: this.nodes, leafOutput: out, leafBegin: begin, leafCount: count, numLeaves: n };
  }

  private readonly leafValues: number[] = [];

  private initRoot(): LeafState {
    const { rows } = this.setup.workspace;
    const { gradHess, bag } = this.input;
    let count: number;
    let sumGrad = 0;
    let sumHess = 0;
    if (bag === undefined) {
      count = this.setup.matrix.rowCount;
      for (let i = 0; i < count; i++) {
        rows[i] = i;
        sumGrad += gradHess[2 * i] as number;
        sumHess += gradHess[2 * i + 1] as number;
      }
    } else {
      count = bag.length;
      rows.set(bag);
      for (let i = 0; i < count; i++) {
        const r = bag[i] as number;
        sumGrad += gradHess[2 * r] as number;
        sumHess += gradHess[2 * r + 1] as number;
      }
    }
    return { begin: 0, count, sumGrad, sumHess, depth: 0, slot: 0, best: undefined };
  }

  private canSplit(leaf: LeafState): boolean {
    const { split, maxDepth } = this.setup;
    if (maxDepth > 0 && leaf.depth >= maxDepth) return false;
    return (
      leaf.count >= 2 * split.minDataInLeaf &&
      leaf.count >= 2 &&
      leaf.sumHess >= 2 * split.minSumHessianInLeaf
    );
  }

  private buildHistogram(leaf: LeafState): void {
    const { workspace: ws, builder } = this.setup;
    const histBase = leaf.slot * this.slotSize;
    ws.hist.fill(0, histBase, histBase + this.slotSize);
    builder.build({
      rows: ws.rows,
      begin: leaf.begin,
      count: leaf.count,
      gradHess: this.input.gradHess,
      hist: ws.hist,
      histBase,
    });
  }

  private findBest(leaf: LeafState): SplitCandidate | undefined {
    const { mappers, workspace, split } = this.setup;
    const { binOffsets } = this.setup.matrix;
    const histBase = leaf.slot * this.slotSize;
    let best: SplitCandidate | undefined;
    for (const f of this.input.features) {
      const mapper = mappers[f];
      if (mapper === undefined) continue;
      const candidate = findBestSplit(
        {
          feature: f,
          mapper,
          hist: workspace.hist,
          base: histBase + (binOffsets[f] as number) * 2,
          sumGrad: leaf.sumGrad,
          sumHess: leaf.sumHess,
          count: leaf.count,
        },
        split,
      );
      if (candidate !== undefined && (best === undefined || candidate.gain > best.gain))
        best = candidate;
    }
    return best;
  }

  private pickLeaf(): number {
    let index = -1;
    let gain = 0;
    this.leaves.forEach((leaf, i) => {
      if (leaf.best !== undefined && leaf.best.gain > gain) {
        gain = leaf.best.gain;
        index = i;
      }
    });
    return index;
  }

  private partition(leaf: LeafState, split: SplitCandidate): number {
    const { rows, scratch } = this.setup.workspace;
    const column = this.setup.matrix.columns[split.feature];
    if (column === undefined) throw new Error(`no binned column for feature ${split.feature}`);
    const goLeft = split.goLeft;
    const end = leaf.begin + leaf.count;
    let l = leaf.begin;
    let r = 0;
    // Branch-free (goLeft holds 0/1): the direction of consecutive rows is unpredictable.
    for (let i = leaf.begin; i < end; i++) {
      const row = rows[i] as number;
      const left = goLeft[column[row] as number] as number;
      rows[l] = row;
      scratch[r] = row;
      l += left;
      r += 1 - left;
    }
    rows.set(scratch.subarray(0, r), l);
    return l - leaf.begin;
  }

  private splitLeaf(index: number): void {
    const leaf = this.leaves[index];
    const split = leaf?.best;
    if (leaf === undefined || split === undefined) return;
    const leftCount = this.partition(leaf, split);
    const rightIndex = this.leaves.length;
    const nodeIndex = this.nodes.length;
    const parent = this.leafParent[index] ?? -1;
    const parentNode = this.nodes[parent];
    if (parentNode !== undefined) {
      if (parentNode.left === ~index) parentNode.left = nodeIndex;
      else parentNode.right = nodeIndex;
    }
    this.nodes.push({ split, left: ~index, right: ~rightIndex });
    this.leafParent[index] = nodeIndex;
    this.leafParent.push(nodeIndex);
    const depth = leaf.depth + 1;
    const left: LeafState = {
      begin: leaf.begin,
      count: leftCount,
      sumGrad: split.left.sumGrad,
      sumHess: split.left.sumHess,
      depth,
      slot: leaf.slot,
      best: undefined,
    };
    const right: LeafState = {
      begin: leaf.begin + leftCount,
      count: leaf.count - leftCount,
      sumGrad: split.right.sumGrad,
      sumHess: split.right.sumHess,
      depth,
      slot: rightIndex,
      best: undefined,
    };
    this.leaves[index] = left;
    this.leaves.push(right);
    this.leafValues[index] = split.left.output;
    this.leafValues[rightIndex] = split.right.output;
    // After the last split of the tree no leaf is split again: skip its histograms.
    if (this.leaves.length >= this.setup.numLeaves) return;
    const splitLeft = this.canSplit(left);
    const splitRight = this.canSplit(right);
    if (!splitLeft && !splitRight) return;
    // The parent's histogram sits in the left child's slot: build the smaller child into a free
    // slot and turn the parent's slot into the larger child by subtraction.
    const smaller = left.count <= right.count ? left : right;
    const larger = smaller === left ? right : left;
    const parentSlot = leaf.slot;
    smaller.slot = rightIndex;
    larger.slot = parentSlot;
    this.buildHistogram(smaller);
    subtractHistogram({
      hist: this.setup.workspace.hist,
      parentBase: parentSlot * this.slotSize,
      siblingBase: smaller.slot * this.slotSize,
      length: this.slotSize,
    });
    if (splitLeft) left.best = this.findBest(left);
    if (splitRight) right.best = this.findBest(right);
  }
}

/** Grows one tree on the current gradients. */
export function growTree(setup: LearnerSetup, input: TreeInput): BuiltTree {
  return new TreeGrower(setup, input).grow();
}
