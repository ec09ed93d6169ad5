/**
 * ONNX parity on a real data set (data/credit_data.csv in the repository): every learner's exported graph must give the in-memory model's probabilities and
 * labels on the held-out rows and the edge rows.
 */
import { join } from 'node:path';
import type { MlflowClient } from 'mlflow-js-client';
import { train, type TrainSummary } from '../index.js';
import { integrationClient, uniqueName } from '../../test/integration.js';
import { findRepoRoot } from '@champion/mlflow-server';

const CREDIT = join(findRepoRoot(), 'data', 'credit_data.csv');

describe('champion train on the credit_data set', () => {
  let client: MlflowClient;
  let summary: TrainSummary;

  beforeAll(async () => {
    client = integrationClient();
    summary = await train({
      client,
      name: uniqueName('it-credit'),
      data: { path: CREDIT, target: 'Status', positive: 'bad', idColumns: ['rownames'], seed: 3 },
      candidates: 1,
      folds: 2,
      timeBudgetSeconds: 60,
      register: false,
    });
  });

  afterAll(async () => {
    await client.close();
  });

  it('evaluates one model per learner', () => {
    expect(summary.models.map((m) => m.learner).sort()).toEqual(['gbdt', 'logreg']);
  });

  it('checks parity on every test row and on edge rows', () => {
    for (const m of summary.models) {
      expect({ learner: m.learner, rows: m.evaluated.parity.rows }).toEqual({
        learner: m.learner,
        rows: summary.rows.test,
      });
      expect(m.evaluated.parity.edgeRows).toBeGreaterThan(0);
    }
  });

  it.each(['gbdt', 'logreg'])(
    'gives %s ONNX probabilities within 1e-5 of the in-memory model',
    (learner) => {
      const parity = summary.models.find((m) => m.learner === learner)?.evaluated.parity;
      expect(parity?.maxAbsDiff).toBeLessThanOrEqual(1e-5);
    },
  );

  it.each(['gbdt', 'logreg'])(
    'gives %s ONNX labels equal to the in-memory model’s at its threshold',
    (learner) => {
      const parity = summary.models.find((m) => m.learner === learner)?.evaluated.parity;
      expect(parity?.labelMismatches).toBe(0);
    },
  );
});
