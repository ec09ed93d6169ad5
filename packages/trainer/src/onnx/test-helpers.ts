/**
 * Test support for the ONNX exporter (not exported from the package): hand-built models, raw
 * rows as serving receives them, the trainer's encoding of those rows, and an ORT runner.
 */
import * as ort from 'onnxruntime-node';
import type { FeatureSpec, GbdtModel, LogRegModel, TreeNode } from '../model/types.js';
import { nextFloat32Down, nextFloat32Up } from '@champion/onnx';
import { mulberry32 } from '@champion/tabular';

/** Raw feature columns: float32 for numeric features, strings ('' = missing) for categorical. */
export type RawColumns = (Float32Array | string[])[];

/** Deterministic uniform [0, 1) generator (tabular's mulberry32), so failures reproduce. */
export const seededRandom: (seed: number) => () => number = mulberry32;

const BIG_CATEGORIES = Array.from({ length: 40 }, (_, i) => `level-${i}`);

/** Two numeric and two categorical features, one with more than 31 categories. */
export const FEATURES: readonly FeatureSpec[] = [
  { name: 'age', kind: 'numeric' },
  { name: 'colour', kind: 'categorical', categories: ['red', 'green', 'blue'] },
  { name: 'income', kind: 'numeric' },
  { name: 'region', kind: 'categorical', categories: BIG_CATEGORIES },
];

const leaf = (value: number): TreeNode => ({ kind: 'leaf', value });

/** A small model written out by hand: numeric and categorical splits, missing left and right. */
export const HAND_GBDT: GbdtModel = {
  kind: 'gbdt',
  features: FEATURES,
  baseScore: -0.3,
  params: { learningRate: 0.1 },
  bestIteration: 4,
  trees: [
    {
      kind: 'numeric',
      feature: 0,
      threshold: Math.fround(35.5),
      missingLeft: true,
      gain: 3,
      left: {
        kind: 'categorical',
        feature: 1,
        leftCategories: [0, 2],
        missingLeft: false,
        gain: 1,
        left: leaf(-0.4),
        right: leaf(0.25),
      },
      right: {
        kind: 'numeric',
        feature: 2,
        threshold: Math.fround(1234.56),
        missingLeft: false,
        gain: 2,
        left: leaf(0.5),
        right: leaf(-0.125),
      },
    },
    {
      kind: 'categorical',
      feature: 3,
      leftCategories: [1, 7, 33, 39],
      missingLeft: true,
      gain: 1,
      left: leaf(0.3),
      right: {
        kind: 'numeric',
        feature: 0,
        threshold: Math.fround(-0.1),
        missingLeft: false,
        gain: 1,
        left: leaf(-0.2),
        right: leaf(0.05),
      },
    },
    {
      kind: 'categorical',
      feature: 1,
      leftCategories: [1],
      missingLeft: true,
      gain: 1,
      left: leaf(0.15),
      right: leaf(-0.15),
    },
    leaf(0.0625),
  ],
};

/** A random ensemble over FEATURES: deep trees, every split kind, empty and big category sets. */
export function randomGbdt(seed: number, treeCount = 30): GbdtModel {
  const random = seededRandom(seed);
  const tree = (depth: number): TreeNode => {
    if (depth === 0 || random() < 0.15) return leaf((random() - 0.5) * 0.4);
    const feature = Math.floor(random() * FEATURES.length);
    const spec = FEATURES[feature];
    const children = {
      missingLeft: random() < 0.5,
      gain: random(),
      left: tree(depth - 1),
      right: tree(depth - 1),
    };
    if (spec?.kind === 'numeric') {
      return { kind: 'numeric', feature, threshold: randomNumeric(random, feature), ...children };
    }
    const count = spec?.categories?.length ?? 0;
    const leftCategories = Array.from({ length: count }, (_, code) => code).filter(
      () => random() < 0.4,
    );
    return { kind: 'categorical', feature, leftCategories, ...children };
  };
  const trees = Array.from({ length: treeCount }, (_, i) =>
    i % 10 === 9 ? leaf(0.01 * i) : tree(5),
  );
  return {
    kind: 'gbdt',
    features: FEATURES,
    baseScore: -0.7,
    params: {},
    bestIteration: treeCount,
    trees,
  };
}

/** A logistic regression over FEATURES with every kind of term. */
export const HAND_LOGREG: LogRegModel = {
  kind: 'logreg',
  features: FEATURES,
  intercept: -0.8,
  numeric: [
    { feature: 0, impute: 41.25, mean: 41.25, scale: 12.5, weight: 0.7 },
    { feature: 2, impute: 2500, mean: 2500, scale: 900.75, weight: -1.3 },
  ],
  categorical: [
    { feature: 1, weights: [0.2, -0.5, 0.9], missingWeight: 0.05 },
    { feature: 3, weights: BIG_CATEGORIES.map((_, i) => Math.sin(i) / 2), missingWeight: -0.25 },
  ],
  params: { l2: 1 },
};

/** Numeric values drawn around the features' ranges, as float32. */
export function randomNumeric(random: () => number, feature: number): number {
  return feature === 0 ? Math.fround(random() * 80 - 5) : Math.fround(random() * 5000);
}

/** Random raw rows: ~10% missing, ~5% unseen categories. */
export function randomRows(seed: number, rowCount: number): RawColumns {
  const random = seededRandom(seed);
  return FEATURES.map((spec, feature) => {
    if (spec.kind === 'numeric') {
      return Float32Array.from({ length: rowCount }, () =>
        random() < 0.1 ? Number.NaN : randomNumeric(random, feature),
      );
    }
    const categories = spec.categories ?? [];
    return Array.from({ length: rowCount }, () => {
      const r = random();
      if (r < 0.1) return '';
      if (r < 0.15) return 'never-seen';
      return categories[Math.floor(random() * categories.length)] ?? '';
    });
  });
}

/**
 * Rows that probe every decision boundary: each numeric threshold, the float32 just above and
 * below it; each category; NaN / '' / unseen in every column; infinities.
 */
export function edgeRows(model: GbdtModel | LogRegModel, seed: number): RawColumns {
  const probes: { feature: number; value: number | string }[] = [];
  const thresholds = model.kind === 'gbdt' ? collectThresholds(model.trees) : [];
  for (const { feature, threshold } of thresholds) {
    for (const value of [threshold, nextFloat32Up(threshold), nextFloat32Down(threshold)]) {
      probes.push({ feature, value });
    }
  }
  FEATURES.forEach((spec, feature) => {
    const values =
      spec.kind === 'numeric'
        ? [Number.NaN, Infinity, -Infinity, 0, -0]
        : [...(spec.categories ?? []), '', 'never-seen', 'RED', ' red'];
    for (const value of values) probes.push({ feature, value });
  });
  // Every probe row varies one feature; the others come from a random row.
  const filler = randomRows(seed, probes.length);
  return filler.map((column, feature) => {
    const values = Array.from({ length: column.length }, (_, row): number | string => {
      const probe = probes[row];
      return probe?.feature === feature ? probe.value : (column[row] ?? '');
    });
    return column instanceof Float32Array ? Float32Array.from(values, Number) : values.map(String);
  });
}

function collectThresholds(trees: readonly TreeNode[]): { feature: number; threshold: number }[] {
  const found: { feature: number; threshold: number }[] = [];
  const pending = [...trees];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node.kind === 'leaf') continue;
    if (node.kind === 'numeric') found.push({ feature: node.feature, threshold: node.threshold });
    pending.push(node.left, node.right);
  }
  return found;
}

/** The trainer's encoding: numeric as is, categories to their code, '' and unseen to NaN. */
export function encodeRows(features: readonly FeatureSpec[], raw: RawColumns): Float32Array[] {
  return features.map((spec, feature) => {
    const column = raw[feature] ?? [];
    if (column instanceof Float32Array) return column;
    const codes = new Map((spec.categories ?? []).map((category, code) => [category, code]));
    return Float32Array.from(column, (value) =>
      value === '' ? Number.NaN : (codes.get(value) ?? Number.NaN),
    );
  });
}

export interface OrtPrediction {
  readonly probability: Float32Array;
  readonly label: BigInt64Array;
}

/** Runs an exported model on raw rows, one rank-1 tensor per feature. */
export async function runOnnx(bytes: Uint8Array, raw: RawColumns): Promise<OrtPrediction> {
  const session = await ort.InferenceSession.create(bytes);
  try {
    const feeds: Record<string, ort.Tensor> = {};
    FEATURES.forEach((spec, feature) => {
      const column = raw[feature] ?? [];
      feeds[spec.name] =
        column instanceof Float32Array
          ? new ort.Tensor('float32', column, [column.length])
          : new ort.Tensor('string', column, [column.length]);
    });
    const out = await session.run(feeds);
    const probability = out.probability?.data;
    const label = out.label?.data;
    if (!(probability instanceof Float32Array) || !(label instanceof BigInt64Array)) {
      throw new Error('the session did not return float32 probability and int64 label');
    }
    return { probability, label };
  } finally {
    await session.release();
  }
}

/** Largest |a[i] - b[i]|. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
  return max;
}
