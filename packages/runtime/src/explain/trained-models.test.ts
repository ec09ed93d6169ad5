/**
 * Explainers of models the trainer fits (its explainer file, read back as the runtime reads it):
 * contributions add up to the trainer's own log-odds, numeric and categorical features, with
 * missing values and unseen categories.
 */
import {
  buildExplainerDoc,
  LEARNERS,
  type EncodedDataset,
  type FeatureSpec,
  type Model,
} from '@champion/trainer';
import type { FeatureBatch } from '../types.js';
import { parseExplainerFile } from './explainer-file.js';
import { buildExplainer, explainBatch } from './explainer.js';
import { seeded } from './test-trees.js';

const CATEGORIES = ['north', 'south', 'east', 'west'];
const FEATURES: FeatureSpec[] = [
  { name: 'age', kind: 'numeric' },
  { name: 'region', kind: 'categorical', categories: CATEGORIES },
  { name: 'income', kind: 'numeric' },
];

/** Rows with a signal in every feature, 10% missing values. */
function data(rows: number, seed: number): EncodedDataset {
  const random = seeded(seed);
  const columns = FEATURES.map(() => new Float32Array(rows));
  const labels = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) {
    const age = random() < 0.1 ? NaN : Math.fround(18 + random() * 60);
    const region = random() < 0.1 ? NaN : Math.floor(random() * CATEGORIES.length);
    const income = random() < 0.1 ? NaN : Math.fround(random() * 100);
    [age, region, income].forEach((v, f) => ((columns[f] as Float32Array)[r] = v));
    const z = (Number.isNaN(age) ? 0 : (age - 45) / 10) + (region === 1 ? 1.5 : 0) - income / 50;
    labels[r] = random() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  return { features: FEATURES, rowCount: rows, columns, labels };
}

/** The dataset as a FeatureBatch: category names (unseen ones for code 3 = 'west' if asked). */
function batchOf(d: EncodedDataset, unseen: string | undefined): FeatureBatch {
  return {
    rows: d.rowCount,
    columns: FEATURES.map((f, i) => {
      const column = d.columns[i] as Float32Array;
      if (f.kind === 'numeric') return column;
      return Array.from(column, (code) =>
        Number.isNaN(code)
          ? ''
          : code === 3 && unseen !== undefined
            ? unseen
            : (CATEGORIES[code] ?? ''),
      );
    }),
  };
}

const logit = (p: number): number => Math.log(p / (1 - p));

async function worstIdentity(
  model: Model,
  train: EncodedDataset,
  test: EncodedDataset,
): Promise<number> {
  const file = parseExplainerFile(JSON.stringify(buildExplainerDoc(model, train)));
  const explainer = buildExplainer(file);
  const out = await explainBatch(explainer, batchOf(test, undefined));
  const p = LEARNERS[model.kind].predict(model, test);
  let worst = 0;
  for (let r = 0; r < test.rowCount; r++) {
    let sum = out.baseValue;
    for (let f = 0; f < FEATURES.length; f++)
      sum += out.contributions[r * FEATURES.length + f] ?? NaN;
    worst = Math.max(worst, Math.abs(sum - logit(p[r] ?? NaN)));
  }
  return worst;
}

describe('explainers of trained models', () => {
  const train = data(2000, 1);
  const test = data(300, 2);

  it('gbdt: base + Σ contributions = the model’s log-odds on every held-out row', async () => {
    const model = LEARNERS.gbdt.fit(train, {
      params: { n_estimators: 40, num_leaves: 15 },
      seed: 3,
    });
    expect(await worstIdentity(model, train, test)).toBeLessThan(1e-9);
  });

  it('logreg: base + Σ contributions = the model’s log-odds on every held-out row', async () => {
    const model = LEARNERS.logreg.fit(train, { params: {}, seed: 3 });
    expect(await worstIdentity(model, train, test)).toBeLessThan(1e-9);
  });

  it('logreg: each feature’s contribution averages zero over the training rows', async () => {
    const model = LEARNERS.logreg.fit(train, { params: {}, seed: 3 });
    const explainer = buildExplainer(
      parseExplainerFile(JSON.stringify(buildExplainerDoc(model, train))),
    );
    const out = await explainBatch(explainer, batchOf(train, undefined));
    FEATURES.forEach((_, f) => {
      let sum = 0;
      for (let r = 0; r < train.rowCount; r++)
        sum += out.contributions[r * FEATURES.length + f] ?? NaN;
      expect(Math.abs(sum / train.rowCount)).toBeLessThan(1e-9);
    });
  });

  it('treats a category unseen in training as missing', async () => {
    const model = LEARNERS.gbdt.fit(train, { params: { n_estimators: 10 }, seed: 3 });
    const explainer = buildExplainer(
      parseExplainerFile(JSON.stringify(buildExplainerDoc(model, train))),
    );
    const missing = {
      ...test,
      columns: [
        test.columns[0],
        Float32Array.from(test.columns[1] as Float32Array, (c) => (c === 3 ? NaN : c)),
        test.columns[2],
      ] as Float32Array[],
    };
    const asMissing = await explainBatch(explainer, batchOf(missing, undefined));
    const asUnseen = await explainBatch(explainer, batchOf(test, 'atlantis'));
    expect([...asUnseen.contributions]).toEqual([...asMissing.contributions]);
  });
});
