/**
 * Turns a fitted model into a servable, evaluated artifact: threshold chosen on the validation
 * split, ONNX export, test metrics computed from the exported graph in onnxruntime-node (the
 * served model's numbers), the parity and schema checks, and the evaluation plots.
 */
import type { Learner } from '../learners/catalog.js';
import { featureImportance } from '../learners/gbdt/index.js';
import {
  binaryMetrics,
  calibrationCurve,
  chooseThreshold,
  confusionMatrix,
  prCurve,
  rocCurve,
  type ErrorCosts,
  type ThresholdChoice,
} from '../metrics/index.js';
import type { Model } from '../model/types.js';
import { checkOnnxSignature, exportOnnx, inspectOnnx } from '../onnx/index.js';
import {
  calibrationSvg,
  confusionMatrixSvg,
  featureImportanceSvg,
  prCurveSvg,
  rocCurveSvg,
  type FeatureImportance,
} from '../plots/index.js';
import { OnnxScorer } from '../runtime/onnx-session.js';
import { checkParity, type ParityReport } from '../runtime/parity.js';
import { rawColumns } from '../runtime/raw-columns.js';
import type { PreparedData } from './prepare.js';

export interface EvaluatedModel {
  readonly model: Model;
  readonly onnx: Uint8Array;
  readonly threshold: ThresholdChoice;
  /** Test-split metrics from the ONNX graph's outputs. */
  readonly metrics: Readonly<Record<string, number>>;
  readonly testProbabilities: Float32Array;
  readonly parity: ParityReport;
  readonly schemaProblems: readonly string[];
  readonly importance: readonly FeatureImportance[];
  /** File name → SVG. */
  readonly plots: Readonly<Record<string, string>>;
}

export interface EvaluateOptions {
  readonly learner: Learner;
  readonly model: Model;
  readonly data: PreparedData;
  readonly thresholdFor: 'f1' | 'cost';
  readonly costs: ErrorCosts;
  readonly schemaDigest: string;
  readonly producerVersion: string;
}

export function modelImportance(model: Model): FeatureImportance[] {
  if (model.kind === 'gbdt')
    return featureImportance(model).map((f) => ({ name: f.feature, value: f.gain }));
  const values = new Float64Array(model.features.length);
  for (const term of model.numeric) values[term.feature] = term.weight;
  for (const term of model.categorical) {
    // A categorical feature's importance: its largest one-hot coefficient in absolute value.
    values[term.feature] = Math.max(...term.weights.map(Math.abs), Math.abs(term.missingWeight));
  }
  return model.features.map((f, i) => ({ name: f.name, value: values[i] ?? 0 }));
}

function plotsFor(options: {
  labels: Uint8Array;
  probs: Float32Array;
  threshold: number;
  classes: [string, string];
  importance: readonly FeatureImportance[];
  metrics: Record<string, number>;
}): Record<string, string> {
  const { labels, probs, threshold } = options;
  const positives = labels.reduce((a, b) => a + b, 0);
  return {
    'roc.svg': rocCurveSvg({
      curve: rocCurve({ labels, probs }),
      auc: options.metrics['roc_auc'] ?? Number.NaN,
    }),
    'pr.svg': prCurveSvg({
      curve: prCurve({ labels, probs }),
      averagePrecision: options.metrics['pr_auc'] ?? Number.NaN,
      positiveRate: positives / labels.length,
    }),
    'calibration.svg': calibrationSvg({
      bins: calibrationCurve({ labels, probs, bins: 10, strategy: 'quantile' }),
    }),
    'confusion_matrix.svg': confusionMatrixSvg({
      matrix: confusionMatrix({ labels, probs, threshold }),
      threshold,
      classNames: options.classes,
    }),
    'feature_importance.svg': featureImportanceSvg({
      importances: options.importance,
      valueLabel: 'Importance (gain or coefficient)',
    }),
  };
}

export async function evaluateModel(options: EvaluateOptions): Promise<EvaluatedModel> {
  const { learner, model, data } = options;
  const threshold = chooseThreshold({
    labels: data.valid.labels,
    probs: learner.predict(model, data.valid),
    objective: options.thresholdFor,
    costs: options.costs,
  });
  const onnx = exportOnnx(model, {
    threshold: threshold.threshold,
    positiveLabel: data.schema.target.positive,
    schemaDigest: options.schemaDigest,
    producerVersion: options.producerVersion,
  });
  const schemaProblems = checkOnnxSignature(inspectOnnx(onnx), model.features).map(
    (p) => `${p.path}: ${p.problem}`,
  );
  const scorer = await OnnxScorer.create(onnx, model.features);
  try {
    const rawTest = rawColumns({
      table: data.table,
      features: model.features,
      rows: data.rows.test,
    });
    const scored = await scorer.score(rawTest);
    const labels = data.test.labels;
    const metrics = binaryMetrics({
      labels,
      probs: scored.probability,
      threshold: threshold.threshold,
      costs: options.costs,
    });
    const parity = await checkParity({
      model,
      scorer,
      rows: rawTest,
      threshold: threshold.threshold,
    });
    const importance = modelImportance(model);
    const plots = plotsFor({
      labels,
      probs: scored.probability,
      threshold: threshold.threshold,
      classes: [data.schema.target.negative, data.schema.target.positive],
      importance,
      metrics,
    });
    return {
      model,
      onnx,
      threshold,
      metrics,
      testProbabilities: scored.probability,
      parity,
      schemaProblems,
      importance,
      plots,
    };
  } finally {
    await scorer.release();
  }
}
