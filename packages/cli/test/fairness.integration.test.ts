/**
 * Acceptance: fairness on the UCI credit-default data, all real: `champion train --sensitive`
 * (a GBDT on data/uci_credit_default.csv through the CLI, the integration MLflow server) logs the
 * figures and stores champion/fairness.json in the model folder; a fairness gate rule that fails
 * keeps the candidate from @champion; `champion fairness --json` on the registered model equals
 * fairlearn's MetricFrame on the same labels and decisions within 1e-9.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findRepoRoot } from '@champion/mlflow-server';
import { fairnessReportSchema, type FairnessReport } from '@champion/trainer';
import { integrationClient, tempDir, uniqueName } from '@champion/trainer/test-support';
import type { MlflowClient } from 'mlflow-js-client';
import { champion, type CliRun } from './run-cli.js';

const UCI = join(findRepoRoot(), 'data', 'uci_credit_default.csv');
const TARGET = 'default.payment.next.month';

const FAIRLEARN = String.raw`
import json, sys, warnings
import numpy as np, pandas as pd
from fairlearn.metrics import (MetricFrame, selection_rate, true_positive_rate,
    false_positive_rate, demographic_parity_difference, equalized_odds_difference)
warnings.simplefilter("ignore")
data_file, rows_file, target = sys.argv[1:4]
columns = sys.argv[4].split(",")
data = pd.read_csv(data_file)
rows = pd.read_csv(rows_file)
y_true = (data[target] == 1).astype(int).to_numpy()
y_pred = rows["y_pred"].to_numpy()
out = {"labels_agree": bool((rows["y_true"].to_numpy() == y_true).all()), "sensitive": {}}
for col in columns:
    groups = data[col].astype(str)
    mf = MetricFrame(metrics={"selection_rate": selection_rate, "tpr": true_positive_rate,
        "fpr": false_positive_rate}, y_true=y_true, y_pred=y_pred, sensitive_features=groups)
    out["sensitive"][col] = {
        "groups": {str(k): {m: float(v) for m, v in row.items()} for k, row in mf.by_group.iterrows()},
        "demographic_parity_difference": float(demographic_parity_difference(y_true, y_pred, sensitive_features=groups)),
        "equalized_odds_difference": float(equalized_odds_difference(y_true, y_pred, sensitive_features=groups)),
    }
print(json.dumps(out))
`;

interface FairlearnFigures {
  labels_agree: boolean;
  sensitive: Record<
    string,
    {
      groups: Record<string, { selection_rate: number; tpr: number; fpr: number }>;
      demographic_parity_difference: number;
      equalized_odds_difference: number;
    }
  >;
}

function fairlearnPython(): string | undefined {
  const python = process.env['CHAMPION_PEERS_PYTHON'];
  if (python === undefined || !existsSync(python)) return undefined;
  const probe = spawnSync(python, ['-c', 'import fairlearn'], { stdio: 'ignore' });
  return probe.status === 0 ? python : undefined;
}

function trainArgs(name: string, extra: readonly string[]): string[] {
  return [
    '--json',
    'train',
    '--data',
    UCI,
    '--target',
    TARGET,
    '--id-cols',
    'ID',
    '--exclude',
    'EDUCATION',
    '--learners',
    'gbdt',
    '--candidates',
    '1',
    '--folds',
    '2',
    '--sensitive',
    'SEX,EDUCATION',
    '--name',
    name,
    ...extra,
  ];
}

function lastJson(run: CliRun): Record<string, unknown> {
  if (run.code !== 0) throw new Error(`champion exited ${run.code}: ${run.stderr}`);
  const lines = run.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1] ?? '{}') as Record<string, unknown>;
}

describe('fairness on the UCI credit-default champion', () => {
  let client: MlflowClient;
  let temp: Awaited<ReturnType<typeof tempDir>>;
  const name = uniqueName('it-fair');
  let first: Record<string, unknown>;

  beforeAll(async () => {
    client = integrationClient();
    temp = await tempDir('champion-fairness');
    first = lastJson(await champion(trainArgs(name, ['--max-equalized-odds-diff', '1'])));
  }, 600_000);

  afterAll(async () => {
    await client.close();
    await temp.cleanup();
  });

  it('promotes the first model, whose gate recorded the fairness figures', async () => {
    expect(first['promoted']).toBe(true);
    const version = await client.registry.versions.get({ name, version: '1' });
    const tag = version.tags.find(
      (t) => t.key === 'champion.gate.fairness_SEX_equalized_odds_difference',
    );
    expect(Number(tag?.value)).toBeGreaterThanOrEqual(0);
  });

  it('stores champion/fairness.json in the model folder and logs the figures on the run', async () => {
    const resolved = await client.resolveModelUri(`models:/${name}/1`, join(temp.dir, 'model'));
    const text = await readFile(join(resolved.localPath, 'champion', 'fairness.json'), 'utf8');
    const report = fairnessReportSchema.parse(JSON.parse(text));
    expect(Object.keys(report.sensitive)).toEqual(['SEX', 'EDUCATION']);
    // EDUCATION is excluded from the features and still reported; SEX is flipped.
    expect(report.sensitive['EDUCATION']).toMatchObject({ is_model_input: false, flip: null });
    expect(report.sensitive['SEX']?.is_model_input).toBe(true);
    expect(report.sensitive['SEX']?.flip?.rows).toBe(report.rows);
    const run = await client.runs.get(String(first['runId']));
    const metric = run.data.metrics.find(
      (m) => m.key === 'fairness.SEX.demographic_parity_difference',
    );
    expect(metric?.value).toBeCloseTo(
      report.sensitive['SEX']?.demographic_parity_difference ?? NaN,
      12,
    );
  });

  it('keeps @champion when a fairness rule fails', async () => {
    const second = lastJson(
      await champion(
        trainArgs(name, ['--seed', '5', '--margin', '-1', '--max-equalized-odds-diff', '0.0001']),
      ),
    );
    expect(second['promoted']).toBe(false);
    expect((second['reasons'] as string[]).join('\n')).toMatch(
      /FAIL fairness: SEX equalized_odds_difference \d\.\d+ breaks at most 0\.0001/,
    );
    const champ = await client.registry.aliases.getVersion({ name, alias: 'champion' });
    expect(champ.version).toBe('1');
  }, 600_000);

  it('names an unknown sensitive column and the columns there are', async () => {
    const run = await champion([
      'fairness',
      '--model',
      `models:/${name}@champion`,
      '--data',
      UCI,
      '--target',
      TARGET,
      '--sensitive',
      'SEX,GENDER',
    ]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(
      /sensitive column 'GENDER' not found; its columns are: ID, LIMIT_BAL/,
    );
    expect(run.stdout.trim()).toBe('');
  }, 120_000);

  it('refuses a positive label the target does not hold', async () => {
    const run = await champion([
      'fairness',
      '--model',
      `models:/${name}@champion`,
      '--data',
      UCI,
      '--target',
      TARGET,
      '--positive',
      'yes',
      '--sensitive',
      'SEX',
    ]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/positive label 'yes' is not a class of target/);
  }, 120_000);

  it('equals fairlearn on SEX and EDUCATION within 1e-9', async () => {
    // The jest global setup provisions the peers' venv with fairlearn: no silent skip.
    const python = fairlearnPython();
    if (python === undefined) throw new Error('CHAMPION_PEERS_PYTHON has no fairlearn');
    const rowsOut = join(temp.dir, 'rows.csv');
    const run = await champion([
      '--json',
      'fairness',
      '--model',
      `models:/${name}/1`,
      '--data',
      UCI,
      '--target',
      TARGET,
      '--sensitive',
      'SEX,EDUCATION',
      '--rows-out',
      rowsOut,
    ]);
    const ours: FairnessReport = fairnessReportSchema.parse(lastJson(run));
    const peer = spawnSync(python, ['-c', FAIRLEARN, UCI, rowsOut, TARGET, 'SEX,EDUCATION'], {
      encoding: 'utf8',
    });
    if (peer.status !== 0) throw new Error(peer.stderr);
    const theirs = JSON.parse(peer.stdout) as FairlearnFigures;
    expect(theirs.labels_agree).toBe(true);
    let maxDiff = 0;
    const diff = (a: number | null | undefined, b: number | undefined): number =>
      Math.abs((a ?? 0) - (b ?? NaN));
    for (const column of ['SEX', 'EDUCATION']) {
      const o = ours.sensitive[column];
      const t = theirs.sensitive[column];
      expect(Object.keys(o?.groups ?? {}).sort()).toEqual(Object.keys(t?.groups ?? {}).sort());
      for (const [group, figures] of Object.entries(t?.groups ?? {})) {
        const g = o?.groups[group];
        // fairlearn gives a rate it cannot compute (no positives) as 0; we give null.
        maxDiff = Math.max(
          maxDiff,
          diff(g?.selection_rate, figures.selection_rate),
          diff(g?.tpr, figures.tpr),
          diff(g?.fpr, figures.fpr),
        );
      }
      maxDiff = Math.max(
        maxDiff,
        diff(o?.demographic_parity_difference, t?.demographic_parity_difference),
        diff(o?.equalized_odds_difference, t?.equalized_odds_difference),
      );
    }
    expect(maxDiff).toBeLessThanOrEqual(1e-9);
  }, 300_000);
});
