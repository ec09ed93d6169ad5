/**
 * A ModelHost for HTTP tests: a fixed credit-style model scored by a simple deterministic
 * function (no ONNX), with switches to simulate loading, failures, slow scoring and swaps.
 */
import type {
  BatchScores,
  ExplainedScores,
  FeatureBatch,
  ModelHealth,
  ModelHost,
  ServedModel,
} from '@champion/runtime';

export const FAKE_MODEL: ServedModel = {
  name: 'credit-default',
  version: '3',
  alias: 'champion',
  modelId: 'm-123',
  runId: 'r-456',
  features: [
    { name: 'age', type: 'numeric', min: 18, max: 90 },
    { name: 'income', type: 'numeric', min: 0, max: 250000 },
    { name: 'region', type: 'categorical', categories: ['north', 'south', 'east'] },
    { name: 'plan', type: 'categorical', categories: ['1', '2', '3'] },
  ],
  engine: { kind: 'onnxruntime' },
  target: { name: 'default', positive: 'yes', negative: 'no' },
  threshold: 0.5,
  metrics: { roc_auc: 0.81, f1: 0.52 },
  params: { learner: 'gbdt', max_depth: '4' },
  inputExample: {
    columns: ['age', 'income', 'region', 'plan'],
    data: [
      [35, 52000, 'north', 2],
      [61, null, 'east', 1],
    ],
  },
  dir: '/nonexistent',
  loadedAt: new Date('2025-01-02T03:04:05Z'),
};

const REGION_WEIGHT: Readonly<Record<string, number>> = { north: 0.5, south: -0.5, east: 0 };

interface FakeRow {
  age: number;
  income: number;
  region: string;
  plan: string;
}

/** The fake model's log-odds terms, one per feature (NaN / '' count as 0 / neutral). */
export function fakeTerms(row: FakeRow): [number, number, number, number] {
  const age = Number.isNaN(row.age) ? 0 : row.age;
  const income = Number.isNaN(row.income) ? 0 : row.income;
  return [
    0.05 * (age - 40),
    -income / 100000,
    REGION_WEIGHT[row.region] ?? 0,
    row.plan === '3' ? 1 : 0,
  ];
}

/** The fake model's probability for one row. */
export function fakeProbability(row: FakeRow): number {
  const z = fakeTerms(row).reduce((a, b) => a + b, 0);
  return 1 / (1 + Math.exp(-z));
}

function rowOf(batch: FeatureBatch, i: number): FakeRow {
  const [age, income, region, plan] = batch.columns as [
    Float32Array,
    Float32Array,
    string[],
    string[],
  ];
  return {
    age: age[i] ?? NaN,
    income: income[i] ?? NaN,
    region: region[i] ?? '',
    plan: plan[i] ?? '',
  };
}

export class FakeHost implements ModelHost {
  model: ServedModel | undefined;
  /** When set, score() rejects with it. */
  failWith: Error | undefined;
  /** When set, score() waits for it (simulate a slow model / an in-flight request). */
  gate: Promise<void> | undefined;
  scored: FeatureBatch[] = [];
  /** When set, explain() reports explanations unavailable for this reason. */
  explainUnavailable: string | undefined;
  checks = 0;
  stopped = false;
  readonly #listeners: ((next: ServedModel, previous: ServedModel | undefined) => void)[] = [];

  constructor(model: ServedModel | undefined = FAKE_MODEL) {
    this.model = model;
  }

  current(): ServedModel | undefined {
    return this.model;
  }

  health(): ModelHealth {
    return {
      state: this.model === undefined ? 'loading' : 'ready',
      ...(this.model === undefined
        ? {}
        : {
            serving: {
              version: this.model.version,
              loadedAt: this.model.loadedAt.toISOString(),
              source: 'mlflow' as const,
            },
          }),
      pollIntervalMs: 30000,
    };
  }

  async score(batch: FeatureBatch): Promise<BatchScores> {
    const model = this.model;
    if (model === undefined) throw new Error('no model');
    if (this.gate !== undefined) await this.gate;
    if (this.failWith !== undefined) throw this.failWith;
    this.scored.push(batch);
    const probability = new Float32Array(batch.rows);
    const label = new BigInt64Array(batch.rows);
    for (let i = 0; i < batch.rows; i++) {
      probability[i] = fakeProbability(rowOf(batch, i));
      label[i] = (probability[i] ?? 0) >= model.threshold ? 1n : 0n;
    }
    return { probability, label, model };
  }

  /** Explains with the fake model's own terms (base value 0), unless `explainUnavailable`. */
  async explain(batch: FeatureBatch): Promise<ExplainedScores> {
    const scores = await this.score(batch);
    if (this.explainUnavailable !== undefined)
      return { ...scores, explanations: { available: false, reason: this.explainUnavailable } };
    const contributions = new Float64Array(batch.rows * 4);
    const rawScores = new Float64Array(batch.rows);
    for (let i = 0; i < batch.rows; i++) {
      const terms = fakeTerms(rowOf(batch, i));
      contributions.set(terms, i * 4);
      rawScores[i] = terms.reduce((a, b) => a + b, 0);
    }
    return {
      ...scores,
      explanations: { available: true, value: { baseValue: 0, contributions, rawScores } },
    };
  }

  checkNow(): Promise<{ changed: boolean; version?: string }> {
    this.checks++;
    return Promise.resolve({
      changed: false,
      ...(this.model === undefined ? {} : { version: this.model.version }),
    });
  }

  onSwap(listener: (next: ServedModel, previous: ServedModel | undefined) => void): void {
    this.#listeners.push(listener);
  }

  /** Makes `next` the current model and tells the listeners, as a real swap would. */
  swap(next: ServedModel): void {
    const previous = this.model;
    this.model = next;
    for (const l of this.#listeners) l(next, previous);
  }

  stop(): Promise<void> {
    this.stopped = true;
    return Promise.resolve();
  }
}
