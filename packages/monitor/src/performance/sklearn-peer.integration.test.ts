/**
 * Peer check: the performance figures against scikit-learn on seeded random data, within 1e-9.
 * scikit-learn comes with MLflow (the project venv, CHAMPION_MLFLOW_PYTHON from the jest global
 * setup) and with `.venv-bench`; the test runs in the integration project to get that Python.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createRng } from '@champion/tabular';
import { PerformanceAccumulator } from './accumulator.js';
import type { Figure } from './figures.js';
import { performanceReport } from './report.js';

const PYTHON_CHECK = `
import json, sys
import numpy as np
from sklearn.calibration import calibration_curve
from sklearn.metrics import (average_precision_score, brier_score_loss, f1_score,
    precision_score, recall_score, roc_auc_score)
d = json.load(sys.stdin)
y, p, pred = np.array(d["y"]), np.array(d["p"]), np.array(d["pred"])
true, mean = calibration_curve(y, p, n_bins=10, strategy="uniform")
bins = np.searchsorted(np.linspace(0, 1, 11)[1:-1], p)
counts = np.bincount(bins, minlength=10)
weights = counts[counts > 0] / len(y)
print(json.dumps({
  "roc_auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p),
  "f1": f1_score(y, pred), "precision": precision_score(y, pred), "recall": recall_score(y, pred),
  "brier": brier_score_loss(y, p), "prob_true": true.tolist(), "prob_pred": mean.tolist(),
  "ece": float(np.sum(weights * np.abs(true - mean))),
}))
`;

/** A Python that imports scikit-learn, or undefined. */
function sklearnPython(): string | undefined {
  const candidates = [
    path.join(process.cwd(), '.venv-bench', 'bin', 'python'),
    process.env['CHAMPION_MLFLOW_PYTHON'],
    process.env['CHAMPION_PEERS_PYTHON'],
  ];
  return candidates.find(
    (python) =>
      python !== undefined &&
      existsSync(python) &&
      spawnSync(python, ['-c', 'import sklearn'], { stdio: 'ignore' }).status === 0,
  );
}

/**
 * Scores with ties (100 distinct values), labels that depend on them, answers at threshold 0.37.
 * The scores sit between calibration bin edges (x.x05): at an exact edge the trainer's calibration
 * curve puts the row in the upper bin, scikit-learn ≥ 1.x (searchsorted, side left) in the lower.
 */
function randomRows(n: number, seed: number) {
  const rng = createRng(seed);
  const acc = new PerformanceAccumulator();
  const y: number[] = [];
  const p: number[] = [];
  const pred: number[] = [];
  for (let i = 0; i < n; i++) {
    const probability = (Math.floor(rng.next() * 100) + 0.5) / 100;
    const actual = rng.next() < 0.15 + 0.6 * probability ? 1 : 0;
    const predicted = probability >= 0.37 ? 1 : 0;
    acc.add({ time: i, probability, predicted, actual });
    y.push(actual);
    p.push(probability);
    pred.push(predicted);
  }
  return { acc, y, p, pred };
}

const value = (figure: Figure): number => {
  if (figure.status !== 'ok') throw new Error(figure.message);
  return figure.value;
};

const python = sklearnPython();
if (python === undefined && process.env['CI'] === 'true')
  throw new Error('No Python with scikit-learn: the jest global setup provisions .venv-mlflow.');

(python === undefined ? describe.skip : describe)('performance figures vs scikit-learn', () => {
  it.each([
    [3000, 7],
    [257, 11],
  ])('agree within 1e-9 on %i random rows (seed %i)', (n, seed) => {
    const { acc, y, p, pred } = randomRows(n, seed);
    const run = spawnSync(python ?? '', ['-c', PYTHON_CHECK], {
      input: JSON.stringify({ y, p, pred }),
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    const peer = JSON.parse(run.stdout) as Record<string, number | number[]>;
    const ours = performanceReport(acc.rows(), { minLabels: 200 }).overall;
    const pairs: [Figure, string][] = [
      [ours.rocAuc, 'roc_auc'],
      [ours.prAuc, 'pr_auc'],
      [ours.f1, 'f1'],
      [ours.precision, 'precision'],
      [ours.recall, 'recall'],
      [ours.brier, 'brier'],
      [ours.ece, 'ece'],
    ];
    // closeTo(x, 9): |ours − sklearn| < 5e-10; the figure's name shows in a failure.
    for (const [figure, name] of pairs)
      expect({ name, value: value(figure) }).toEqual({
        name,
        value: expect.closeTo(peer[name] as number, 9),
      });
    if ('status' in ours.calibration) throw new Error(ours.calibration.message);
    const bins = ours.calibration;
    const trueRates = peer['prob_true'] as number[];
    const meanPredicted = peer['prob_pred'] as number[];
    expect(bins).toHaveLength(trueRates.length);
    bins.forEach((bin, k) => {
      expect(Math.abs(bin.fractionPositive - (trueRates[k] ?? NaN))).toBeLessThan(1e-9);
      expect(Math.abs(bin.meanPredicted - (meanPredicted[k] ?? NaN))).toBeLessThan(1e-9);
    });
  });
});
