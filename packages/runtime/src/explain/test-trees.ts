/** Hand-written and random explainer trees for the explain tests (not used by sources). */
import type { ExplainerFeature, ExplainerTree, TreeExplainerFile } from './explainer-file.js';

export type TestNode =
  | { readonly leaf: number; readonly cover: number }
  | {
      readonly feature: number;
      /** Numeric split threshold, or the categorical codes going left. */
      readonly split: number | readonly number[];
      readonly missingLeft: boolean;
      readonly left: TestNode;
      readonly right: TestNode;
    };

function coverOf(node: TestNode): number {
  return 'leaf' in node ? node.cover : coverOf(node.left) + coverOf(node.right);
}

/** A nested test tree in the file's pre-order arrays, covers summed from the leaves. */
export function flatten(root: TestNode): ExplainerTree {
  const t = {
    feature: [] as number[],
    threshold: [] as (number | null)[],
    left_categories: [] as (number[] | null)[],
    missing_left: [] as boolean[],
    left: [] as number[],
    right: [] as number[],
    value: [] as number[],
    cover: [] as number[],
  };
  const add = (node: TestNode): number => {
    const id = t.feature.length;
    const leaf = 'leaf' in node;
    t.feature.push(leaf ? -1 : node.feature);
    t.threshold.push(!leaf && typeof node.split === 'number' ? node.split : null);
    t.left_categories.push(!leaf && typeof node.split !== 'number' ? [...node.split] : null);
    t.missing_left.push(!leaf && node.missingLeft);
    t.left.push(-1);
    t.right.push(-1);
    t.value.push(leaf ? node.leaf : 0);
    t.cover.push(coverOf(node));
    if (!leaf) {
      t.left[id] = add(node.left);
      t.right[id] = add(node.right);
    }
    return id;
  };
  add(root);
  return t;
}

export function treesFile(options: {
  features: readonly ExplainerFeature[];
  trees: readonly TestNode[];
  baseScore?: number;
}): TreeExplainerFile {
  return {
    format: 'champion-explainer',
    version: 1,
    kind: 'trees',
    features: [...options.features],
    rows: 100,
    base_score: options.baseScore ?? 0,
    trees: options.trees.map(flatten),
  };
}

/** A seeded uniform generator in [0, 1) (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random tree over `features` (numeric ones split on [0,1) thresholds, categorical on codes). */
export function randomTree(options: {
  random: () => number;
  features: readonly ExplainerFeature[];
  depth: number;
}): TestNode {
  const { random, features } = options;
  const grow = (depth: number): TestNode => {
    if (depth === 0 || random() < 0.15)
      return { leaf: random() * 2 - 1, cover: 1 + Math.floor(random() * 50) };
    const feature = Math.floor(random() * features.length);
    const categories = features[feature]?.categories;
    const split = categories
      ? categories.map((_, c) => c).filter(() => random() < 0.5)
      : Math.fround(random());
    return {
      feature,
      split,
      missingLeft: random() < 0.5,
      left: grow(depth - 1),
      right: grow(depth - 1),
    };
  };
  return grow(options.depth);
}
