import type { TreeNode } from '../../model/types.js';
import { featureImportance, predictProba, predictRaw, trainGbdt } from './index.js';
import { makeDataset, uniform } from './test-fixtures.js';

const signal = (seed: number, rows = 2000) =>
  makeDataset({
    rows,
    seed,
    columns: [uniform('x'), uniform('noise1'), uniform('noise2')],
    label: ([x]) => (x as number) > 0.3,
  });

function accuracy(p: Float64Array, labels: Uint8Array): number {
  let ok = 0;
  p.forEach((v, i) => (ok += (v > 0.5 ? 1 : 0) === labels[i] ? 1 : 0));
  return ok / p.length;
}

function splitNodes(node: TreeNode): Exclude<TreeNode, { kind: 'leaf' }>[] {
  return node.kind === 'leaf' ? [] : [node, ...splitNodes(node.left), ...splitNodes(node.right)];
}

describe('trainGbdt', () => {
  it('learns a separable signal and predicts unseen rows correctly', () => {
    const model = trainGbdt(signal(1), { params: { n_estimators: 30 } });
    const test = signal(2);
    expect(accuracy(predictProba(model, test), test.labels)).toBeGreaterThan(0.98);
  });

  it('routes missing values the way training found predictive', () => {
    const data = makeDataset({
      rows: 3000,
      seed: 3,
      columns: [
        {
          spec: { name: 'x', kind: 'numeric' },
          draw: (rng) => (rng.next() < 0.4 ? NaN : rng.next()),
        },
      ],
      label: ([x], rng) => (Number.isNaN(x) ? rng.next() < 0.9 : rng.next() < 0.1),
    });
    const model = trainGbdt(data, { params: { n_estimators: 20 } });
    const probe = {
      ...data,
      rowCount: 2,
      columns: [Float32Array.of(NaN, 0.5)],
      labels: Uint8Array.of(1, 0),
    };
    const [pMissing, pPresent] = predictProba(model, probe);
    expect(pMissing).toBeGreaterThan(0.8);
    expect(pPresent).toBeLessThan(0.2);
  });

  it('learns a signal carried only by a categorical feature', () => {
    const positive = new Set([1, 4, 7]);
    const data = makeDataset({
      rows: 4000,
      seed: 4,
      columns: [
        {
          spec: { name: 'c', kind: 'categorical', categories: [...'abcdefghij'] },
          draw: (rng) => rng.int(10),
        },
        uniform('noise'),
      ],
      label: ([c]) => positive.has(c as number),
    });
    const model = trainGbdt(data, { params: { n_estimators: 20 } });
    const codes = Float32Array.from({ length: 10 }, (_, i) => i);
    const probe = {
      ...data,
      rowCount: 10,
      columns: [codes, new Float32Array(10)],
      labels: new Uint8Array(10),
    };
    const p = predictProba(model, probe);
    codes.forEach((code) => {
      if (positive.has(code)) expect(p[code]).toBeGreaterThan(0.9);
      else expect(p[code]).toBeLessThan(0.1);
    });
    expect(model.trees[0]?.kind).toBe('categorical');
  });

  it('gives the same model for the same seed', () => {
    const params = {
      n_estimators: 10,
      bagging_fraction: 0.7,
      bagging_freq: 1,
      feature_fraction: 0.67,
    };
    const a = trainGbdt(signal(5), { params, seed: 9 });
    const b = trainGbdt(signal(5), { params, seed: 9 });
    expect(a).toEqual(b);
  });

  it('changes the model with bagging and feature sampling, deterministically per seed', () => {
    const data = signal(6);
    const plain = trainGbdt(data, { params: { n_estimators: 5 } });
    const bagged = trainGbdt(data, {
      params: { n_estimators: 5, bagging_fraction: 0.5, bagging_freq: 1 },
      seed: 1,
    });
    const sampled = trainGbdt(data, {
      params: { n_estimators: 5, feature_fraction: 0.34 },
      seed: 1,
    });
    const sampledOtherSeed = trainGbdt(data, {
      params: { n_estimators: 5, feature_fraction: 0.34 },
      seed: 2,
    });
    expect(bagged.trees).not.toEqual(plain.trees);
    expect(sampled.trees).not.toEqual(plain.trees);
    expect(sampledOtherSeed.trees).not.toEqual(sampled.trees);
    expect(
      trainGbdt(data, { params: { n_estimators: 5, feature_fraction: 0.34 }, seed: 1 }),
    ).toEqual(sampled);
  });

  it('keeps only the trees up to the best validation round when early stopping', () => {
    const noisy = (seed: number) =>
      makeDataset({
        rows: 600,
        seed,
        columns: [uniform('x'), uniform('n1'), uniform('n2'), uniform('n3')],
        label: ([x], rng) => rng.next() < ((x as number) > 0 ? 0.7 : 0.3),
      });
    const losses: number[] = [];
    const model = trainGbdt(noisy(7), {
      params: {
        n_estimators: 300,
        learning_rate: 0.3,
        num_leaves: 63,
        min_data_in_leaf: 2,
        early_stopping_rounds: 10,
      },
      valid: noisy(8),
      onIteration: (info) => losses.push(info.validLoss ?? NaN),
    });
    const best = losses.indexOf(Math.min(...losses)) + 1;
    expect(losses.length).toBeLessThan(300);
    expect(losses.length).toBe(best + 10);
    expect(model.trees).toHaveLength(best);
    expect(model.bestIteration).toBe(best);
  });

  it('computes probabilities as sigmoid(baseScore + sum of leaves)', () => {
    const data = signal(10, 300);
    const model = trainGbdt(data, { params: { n_estimators: 3 } });
    const leafOf = (node: TreeNode, row: number): number => {
      if (node.kind === 'leaf') return node.value;
      const x = (data.columns[node.feature] as Float32Array)[row] as number;
      const left = Number.isNaN(x)
        ? node.missingLeft
        : node.kind === 'numeric' && x <= node.threshold;
      return leafOf(left ? node.left : node.right, row);
    };
    const raw = predictRaw(model, data);
    const proba = predictProba(model, data);
    for (let r = 0; r < data.rowCount; r++) {
      const expected = model.baseScore + model.trees.reduce((s, t) => s + leafOf(t, r), 0);
      expect(raw[r]).toBeCloseTo(expected, 12);
      expect(proba[r]).toBeCloseTo(1 / (1 + Math.exp(-expected)), 12);
    }
  });

  it('keeps probabilities calibrated to the true prior when positives are up-weighted', () => {
    const data = makeDataset({
      rows: 5000,
      seed: 11,
      columns: [uniform('x')],
      label: ([x], rng) => rng.next() < ((x as number) > 0 ? 0.2 : 0.05),
    });
    const prior = data.labels.reduce((s, y) => s + y, 0) / data.rowCount;
    const params = { n_estimators: 30, scale_pos_weight: 8 };
    const meanOf = (p: Float64Array) => p.reduce((s, v) => s + v, 0) / p.length;
    const corrected = meanOf(predictProba(trainGbdt(data, { params }), data));
    const weighted = meanOf(
      predictProba(trainGbdt(data, { params: { ...params, calibrate_to_prior: false } }), data),
    );
    expect(Math.abs(corrected - prior)).toBeLessThan(0.02);
    expect(weighted).toBeGreaterThan(prior + 0.2);
  });

  it('reports feature importance that favours the informative feature', () => {
    const model = trainGbdt(signal(12), { params: { n_estimators: 10 } });
    const [x, n1, n2] = featureImportance(model);
    expect(x?.gain).toBeGreaterThan((n1?.gain ?? 0) + (n2?.gain ?? 0));
    const splits = featureImportance(model).reduce((s, f) => s + f.splits, 0);
    expect(splits).toBe(model.trees.flatMap(splitNodes).length);
  });
});
