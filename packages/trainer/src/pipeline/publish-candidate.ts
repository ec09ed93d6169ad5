/**
 * One learner's way from its best search candidate to a logged model: refit, evaluate through the
 * ONNX export, log the model folder (MLmodel, ONNX, schema, profile, example) to MLflow, and log
 * its evaluation (test metrics linked to the model and the test split, mlflow/log-evaluation.ts).
 */
import { buildReference, profileScores } from '@champion/tabular';
import type { SignatureType } from '../artifact/signature.js';
import { buildExplainerDoc } from '../explain/explainer-doc.js';
import { LEARNERS } from '../learners/catalog.js';
import { datasetFor } from '../mlflow/dataset.js';
import { logEvaluation } from '../mlflow/log-evaluation.js';
import { loggedModelName, logModel } from '../mlflow/log-model.js';
import type { CandidateResult } from '../search/search.js';
import { CHAMPION_VERSION } from '../version.js';
import { evaluateModel } from './evaluate.js';
import { candidateFairness } from './fairness-step.js';
import { stringValues } from './string-values.js';
import type { PreparedData } from './prepare.js';
import type { TrainedCandidate, TrainOptions } from './train.js';

function firstRows(data: PreparedData, count: number): Record<string, number | string | null>[] {
  const out: Record<string, number | string | null>[] = [];
  for (let i = 0; i < Math.min(count, data.rows.test.length); i++) {
    const row = data.rows.test[i] ?? 0;
    const record: Record<string, number | string | null> = {};
    for (const f of data.features) {
      const column = data.table.columns.find((c) => c.name === f.name);
      if (!column) continue;
      if (column.kind === 'numeric') {
        const v = column.values[row] ?? Number.NaN;
        record[f.name] =
          f.kind === 'categorical'
            ? Number.isNaN(v)
              ? ''
              : String(v)
            : Number.isNaN(v)
              ? null
              : v;
      } else {
        const code = column.codes[row] ?? -1;
        record[f.name] = code < 0 ? '' : (column.dictionary[code] ?? '');
      }
    }
    out.push(record);
  }
  return out;
}

/** What publishCandidate is given: the training, its data, the candidate and the run. */
interface PublishOptions {
  train: TrainOptions;
  data: PreparedData;
  cv: CandidateResult;
  experimentId: string;
  runId: string;
  /** sha256 of the data file (the test split's dataset digest derives from it). */
  fileDigest: string;
  schemaDoc: unknown;
  schemaDigest: string;
  profile: unknown;
  signatureTypes: Readonly<Record<string, SignatureType>>;
}

type FittedModel = ReturnType<(typeof LEARNERS)[keyof typeof LEARNERS]['fit']>;
type Evaluated = Awaited<ReturnType<typeof evaluateModel>>;
type Fairness = Awaited<ReturnType<typeof candidateFairness>>;

interface Fitted {
  readonly model: FittedModel;
  readonly evaluated: Evaluated;
  readonly fairness: Fairness | undefined;
}

/** Refits (unless the search already did), evaluates through the ONNX export, and fairness. */
async function fitAndEvaluate(options: PublishOptions): Promise<Fitted> {
  const { train, data, cv } = options;
  const emit = train.onEvent ?? (() => undefined);
  const learner = LEARNERS[cv.learner];
  if (!cv.model)
    emit({ stage: 'refit', message: `refitting the best ${cv.learner} on the training split` });
  // The user's seed, as in the search: the refit is reproducible from the logged params. A
  // holdout search already fitted exactly this model.
  const model =
    cv.model ??
    learner.fit(data.train, {
      params: cv.params,
      valid: data.valid,
      seed: train.data.seed,
    });
  emit({
    stage: 'evaluate',
    message: `evaluating ${cv.learner} through its ONNX export on ${data.test.rowCount} test rows`,
  });
  const evaluated = await evaluateModel({
    learner,
    model,
    data,
    thresholdFor: train.thresholdFor ?? 'f1',
    costs: train.costs ?? { falseNegative: 5, falsePositive: 1 },
    schemaDigest: options.schemaDigest,
    producerVersion: CHAMPION_VERSION,
  });
  const sensitive = train.sensitive ?? [];
  if (sensitive.length > 0)
    emit({ stage: 'evaluate', message: `fairness of ${cv.learner} by ${sensitive.join(', ')}` });
  const fairness =
    sensitive.length === 0
      ? undefined
      : await candidateFairness({ evaluated, data, sensitive, bootstrap: train.fairnessBootstrap });
  return { model, evaluated, fairness };
}

/** Logs the model folder (ONNX, schema, profile, reference, explainer, figures) to MLflow. */
async function logCandidateModel(
  options: PublishOptions,
  fitted: Fitted,
): Promise<{ modelId: string }> {
  const { train, data, cv } = options;
  const { model, evaluated, fairness } = fitted;
  const emit = train.onEvent ?? (() => undefined);
  emit({ stage: 'log', message: `logging the ${cv.learner} model to MLflow` });
  const profile = {
    ...(options.profile as object),
    scores: profileScores(evaluated.testProbabilities),
  };
  return logModel({
    client: train.client,
    experimentId: options.experimentId,
    runId: options.runId,
    name: loggedModelName(`${train.name}-${cv.learner}`),
    params: stringValues({ learner: cv.learner, ...model.params }),
    tags: { 'champion.learner': cv.learner, 'champion.version': CHAMPION_VERSION },
    onnx: evaluated.onnx,
    features: model.features,
    signatureTypes: options.signatureTypes,
    example:
      train.exampleRows === 'real'
        ? { source: 'real', rows: firstRows(data, 5) }
        : { source: 'synthetic' },
    schema: {
      ...(options.schemaDoc as object),
      threshold: evaluated.threshold.threshold,
      learner: cv.learner,
    },
    profile,
    // Features: the training split (what the model learned from; the largest split, so drift
    // tests are not dominated by the reference's own sampling noise). Scores: the test split
    // (the only rows whose scores are not fitted ones).
    reference: buildReference(data.table, {
      columns: data.features.map((f) => f.name),
      rows: data.rows.train,
      rowsFrom: 'training split (scores: test split)',
      scores: {
        probabilities: evaluated.testProbabilities,
        threshold: evaluated.threshold.threshold,
      },
    }),
    // Covers / term means from the rows the model was fitted on.
    explainer: buildExplainerDoc(model, data.train),
    metrics: evaluated.metrics,
    ...(fairness === undefined ? {} : { fairness }),
    plots: evaluated.plots,
    metadata: {
      threshold: String(evaluated.threshold.threshold),
      positive_label: data.schema.target.positive,
      learner: cv.learner,
      schema_digest: options.schemaDigest,
      producer: `champion ${CHAMPION_VERSION}`,
    },
  });
}

/**
 * Refits the best candidate of a learner (unless the search already fitted it), evaluates it
 * through its ONNX export and logs it to MLflow as a logged model of the run.
 */
export async function publishCandidate(options: PublishOptions): Promise<TrainedCandidate> {
  const { train, data, cv } = options;
  const fitted = await fitAndEvaluate(options);
  const { evaluated, fairness } = fitted;
  const { modelId } = await logCandidateModel(options, fitted);
  await logEvaluation({
    client: train.client,
    experimentId: options.experimentId,
    parentRunId: options.runId,
    learner: cv.learner,
    modelId,
    dataset: datasetFor({
      path: train.data.path,
      digest: options.fileDigest,
      schema: data.schema,
      rows: data.table.rowCount,
      split: { name: 'test', rows: data.rows.test },
    }),
    metrics: evaluated.metrics,
    figures: {
      threshold: evaluated.threshold.threshold,
      cv_roc_auc_mean: cv.meanAuc,
      parity_max_abs_diff: evaluated.parity.maxAbsDiff,
    },
  });
  return { learner: cv.learner, cv, evaluated, modelId, ...(fairness ? { fairness } : {}) };
}
