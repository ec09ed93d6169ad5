/**
 * `champion train`, end to end: prepare the data (failing before any run exists), settle what a
 * killed earlier training of this model left (doctor/), open a parent run that records its owner
 * process, search candidates as child runs, refit and evaluate the best of each learner through
 * its ONNX export, log them as MLflow 3 logged models, register the winner, let the promotion gate
 * decide about `@champion` (compare-and-set, mlflow/promotion.ts), finish the run, and only then
 * point `@challenger` at the version. A run that fails ends FAILED with the reason.
 */
import { createHash } from 'node:crypto';
import { buildProfile, schemaFacts } from '@champion/tabular';
import type { MlflowClient } from 'mlflow-js-client';
import { takeTableRows } from '../data/take-table-rows.js';
import { TrainerError } from '../errors.js';
import type { Finding } from '../doctor/index.js';
import type { GateConfig } from '../gate/gate.js';
import { LEARNERS, type LearnerName } from '../learners/catalog.js';
import type { ErrorCosts } from '../metrics/index.js';
import { saveCompareView } from '../mlflow/compare-view.js';
import { datasetFor, fileDigest } from '../mlflow/dataset.js';
import { integerTextColumns } from '../artifact/integer-text.js';
import { signatureTypes } from '../artifact/signature.js';
import type { GateOutcome } from '../mlflow/promotion.js';
import { markChallenger } from '../mlflow/register.js';
import { runTags } from '../mlflow/run-tags.js';
import { ownerTags } from '../registry/owner.js';
import type { LeaseTiming } from '../registry/lease.js';
import { createHeartbeat } from './heartbeat.js';
import { registerAndGate } from './register-and-gate.js';
import { bestCandidates, runSearch, type CandidateResult } from '../search/search.js';
import type { EvaluatedModel } from './evaluate.js';
import { publishCandidate } from './publish-candidate.js';
import { repairLeftovers } from './repair-leftovers.js';
import { stringValues } from './string-values.js';
import { uploadEvaluation } from './upload-evaluation.js';
import { prepareData, type DataOptions } from './prepare.js';
import { checkTrainOptions } from './train-options.js';
import { checkSchemaChange, type SchemaChange } from './schema-change.js';

export interface TrainEvent {
  readonly stage:
    'data' | 'repair' | 'search' | 'refit' | 'evaluate' | 'log' | 'register' | 'gate' | 'done';
  readonly message: string;
  /** Progress within the stage, 0..1, when known. */
  readonly fraction?: number;
}

export interface TrainOptions {
  readonly client: MlflowClient;
  readonly data: DataOptions;
  /** Registered model name (and experiment name unless `experiment` is given). */
  readonly name: string;
  readonly experiment?: string | undefined;
  /** @default ['gbdt', 'logreg'] */
  readonly learners?: readonly LearnerName[] | undefined;
  /** Candidates per learner. @default 6 */
  readonly candidates?: number | undefined;
  /** @default 300 */
  readonly timeBudgetSeconds?: number | undefined;
  /** Folds for CV; default 3, or holdout validation (1) above 200,000 training rows. */
  readonly folds?: number | undefined;
  /** @default 'f1' */
  readonly thresholdFor?: 'f1' | 'cost' | undefined;
  /** @default { falseNegative: 5, falsePositive: 1 } */
  readonly costs?: ErrorCosts | undefined;
  readonly gate?: GateConfig | undefined;
  /** Register and gate the winner. @default true */
  readonly register?: boolean | undefined;
  /**
   * Register even when the data's schema differs from the registered model's (its `@champion`, or
   * its latest version); without it such a training fails before any run exists. @default false
   */
  readonly allowSchemaChange?: boolean | undefined;
  readonly command?: string | undefined;
  readonly onEvent?: ((event: TrainEvent) => void) | undefined;
  /** Timing of the promotion lease (tests shorten it). */
  readonly leaseTiming?: Partial<LeaseTiming> | undefined;
  /**
   * The model's input_example.json: a synthetic record (medians, most frequent categories) or,
   * opted in, the first rows of the test split (personal data, if the data holds any).
   * @default 'synthetic'
   */
  readonly exampleRows?: 'synthetic' | 'real' | undefined;
  /**
   * Aborts between stages and candidates (e.g. on Ctrl-C); the run then ends KILLED. Once the gate
   * has decided to move `@champion` (its point of no return) the abort is ignored and training
   * finishes: the alias never moves under a run that then ends KILLED.
   */
  readonly signal?: AbortSignal | undefined;
}

export interface TrainedCandidate {
  readonly learner: LearnerName;
  readonly cv: CandidateResult;
  readonly evaluated: EvaluatedModel;
  readonly modelId: string;
}

export interface TrainSummary {
  readonly experimentId: string;
  readonly runId: string;
  readonly rows: {
    readonly train: number;
    readonly validation: number;
    readonly test: number;
    readonly setAside: number;
  };
  readonly features: number;
  readonly candidates: readonly CandidateResult[];
  readonly models: readonly TrainedCandidate[];
  readonly winner: TrainedCandidate;
  readonly version?: string;
  readonly decision?: GateOutcome;
  /**
   * The `@champion` version the winner is identical to (same model digest): nothing was
   * registered and the gate did not run.
   */
  readonly unchanged?: string;
  /** What the repair before training found and fixed (runs and versions of killed trainings). */
  readonly repaired: readonly Finding[];
  /** The schema compared with the registered model's (no changes when nothing was registered). */
  readonly schemaChange: SchemaChange;
  readonly seconds: number;
}

/** Trains, logs, registers and gates; see the module header. */
export async function train(options: TrainOptions): Promise<TrainSummary> {
  const started = performance.now();
  const listener = options.onEvent;
  const heartbeat = createHeartbeat({ client: options.client });
  // `report` never throws: it is what the gate uses past its point of no return.
  const report = (event: TrainEvent): void => {
    heartbeat.stage(event.stage);
    listener?.(event);
  };
  const emit = (event: TrainEvent): void => {
    if (options.signal?.aborted) {
      throw new TrainerError(
        'ABORTED',
        `training interrupted (${String(options.signal.reason ?? 'aborted')})`,
      );
    }
    report(event);
  };
  options = { ...options, onEvent: emit };
  const { client } = options;
  checkTrainOptions(options);
  emit({ stage: 'data', message: `reading ${options.data.path}` });
  const data = await prepareData(options.data);
  const digest = await fileDigest(options.data.path);
  emit({
    stage: 'data',
    message: `${data.table.rowCount} rows, ${data.features.length} features, target '${data.schema.target.name}' (positive '${data.schema.target.positive}')`,
  });
  const schemaChange: SchemaChange =
    options.register === false
      ? { changes: [] }
      : await checkSchemaChange({
          client,
          name: options.name,
          schema: data.schema,
          allow: options.allowSchemaChange === true,
          emit,
        });

  const experiment = await client.experiments.getOrCreate({
    name: options.experiment ?? options.name,
  });
  const experimentId = experiment.experiment_id;
  await saveCompareView(client, experiment);
  const repaired = await repairLeftovers({ client, name: options.name, experimentId, emit });
  const parent = await client.runs.create({
    experimentId,
    runName: `train-${new Date().toISOString().slice(0, 19)}`,
    tags: {
      ...runTags({ source: options.data.path, command: options.command ?? 'champion train' }),
      ...ownerTags(),
    },
  });
  const runId = parent.info.run_id;
  heartbeat.start(runId);
  let finished = false;
  try {
    const learners = (options.learners ?? ['gbdt', 'logreg']).map((n) => LEARNERS[n]);
    const folds = options.folds ?? (data.train.rowCount > 200_000 ? 1 : 3);
    const trainTable = takeTableRows(data.table, data.rows.train);
    const schemaDoc = schemaFacts(trainTable, data.schema);
    const schemaDigest = createHash('sha256').update(JSON.stringify(schemaDoc)).digest('hex');
    const profile = buildProfile(trainTable, data.schema);
    const types = signatureTypes({
      table: data.table,
      features: data.features,
      integerText: await integerTextColumns(
        options.data.path,
        data.features.map((f) => f.name),
      ),
    });
    await client.runs.logInputs({
      runId,
      datasets: [
        {
          dataset: datasetFor({
            path: options.data.path,
            digest,
            schema: data.schema,
            rows: data.table.rowCount,
          }),
          context: 'training',
        },
      ],
    });
    await client.runs.logBatch(runId, {
      params: stringValues({
        data: options.data.path,
        target: data.schema.target.name,
        positive_label: data.schema.target.positive,
        id_columns: data.schema.idColumns.join(',') || '(none)',
        excluded: data.schema.excluded.join(',') || '(none)',
        features: data.features.length,
        rows_train: data.train.rowCount,
        rows_validation: data.valid.rowCount,
        rows_test: data.test.rowCount,
        rows_set_aside: data.read.setAside.length,
        seed: options.data.seed,
        cv_folds: folds,
        learners: learners.map((l) => l.name).join(','),
        threshold_for: options.thresholdFor ?? 'f1',
      }),
      tags: {
        'champion.schema.notes': data.schema.notes.join('\n').slice(0, 5000) || '(none)',
        ...(schemaChange.changes.length === 0
          ? {}
          : {
              'champion.schema.change':
                `from ${schemaChange.comparedWith ?? '?'}: ${schemaChange.changes.join('; ')}`.slice(
                  0,
                  5000,
                ),
            }),
      },
    });

    const candidates = await runSearch({
      learners,
      train: data.train,
      valid: data.valid,
      folds,
      candidatesPerLearner: options.candidates ?? 6,
      timeBudgetSeconds: options.timeBudgetSeconds ?? 300,
      seed: options.data.seed,
      onStart: ({ learner, index, total }) =>
        emit({
          stage: 'search',
          message: `${learner} candidate ${index + 1}/${total}`,
          fraction: index / total,
        }),
      onCandidate: async (result) => {
        const child = await client.runs.create({
          experimentId,
          runName: `${result.learner}-${result.index + 1}`,
          parentRunId: runId,
          tags: { 'champion.learner': result.learner, ...ownerTags() },
        });
        try {
          await client.runs.logBatch(child.info.run_id, {
            params: stringValues({ learner: result.learner, ...result.params }),
            metrics: [
              { key: 'cv_roc_auc_mean', value: result.meanAuc },
              { key: 'cv_roc_auc_std', value: result.stdAuc },
              { key: 'duration_seconds', value: result.seconds },
              ...result.foldAuc.map((value, step) => ({ key: 'cv_roc_auc_fold', value, step })),
              ...(result.bestIteration === undefined
                ? []
                : [{ key: 'best_iteration', value: result.bestIteration }]),
            ],
          });
        } catch (error) {
          // A half-logged candidate must not look like a finished (or a still running) one.
          await client.runs.finish(child.info.run_id, 'FAILED').catch(() => undefined);
          throw error;
        }
        await client.runs.finish(child.info.run_id);
      },
    });
    const best = bestCandidates(candidates);
    const models: TrainedCandidate[] = [];
    for (const cv of best.perLearner) {
      models.push(
        await publishCandidate({
          train: options,
          data,
          cv,
          experimentId,
          runId,
          fileDigest: digest,
          schemaDoc,
          schemaDigest,
          profile,
          signatureTypes: types,
        }),
      );
    }
    const winner = models.find((m) => m.learner === best.overall.learner) ?? models[0];
    if (!winner) throw new TrainerError('TRAINING', 'no candidate finished within the budget');
    await client.runs.logBatch(runId, {
      metrics: [
        ...Object.entries(winner.evaluated.metrics).map(([key, value]) => ({
          key: `test_${key}`,
          value,
        })),
        { key: 'cv_roc_auc_mean', value: winner.cv.meanAuc },
        { key: 'threshold', value: winner.evaluated.threshold.threshold },
        { key: 'parity_max_abs_diff', value: winner.evaluated.parity.maxAbsDiff },
        ...models
          .map((m) => ({
            key: `test_roc_auc_${m.learner}`,
            value: m.evaluated.metrics['roc_auc'] ?? Number.NaN,
          }))
          .filter((m) => Number.isFinite(m.value)),
      ],
      tags: {
        'champion.winner.learner': winner.learner,
        'champion.winner.model_id': winner.modelId,
        'champion.winner.params': JSON.stringify(winner.cv.params),
        'champion.comparison': JSON.stringify(
          candidates.map((c) => ({
            learner: c.learner,
            params: c.params,
            cv_auc: Number(c.meanAuc.toFixed(5)),
          })),
        ).slice(0, 5000),
      },
    });
    await uploadEvaluation({ client, artifactUri: parent.info.artifact_uri, models });

    const gated =
      options.register === false
        ? undefined
        : await registerAndGate({
            client,
            name: options.name,
            runId,
            winner,
            data,
            gate: options.gate,
            actor: options.command ?? 'champion train',
            emit,
            report,
            signal: options.signal,
            leaseTiming: options.leaseTiming,
          });
    await heartbeat.stop();
    await client.runs.finish(runId, 'FINISHED');
    finished = true;
    const registered = gated !== undefined && 'decision' in gated ? gated : undefined;
    const unchanged = gated !== undefined && 'unchanged' in gated ? gated.unchanged : undefined;
    // Only now: @challenger never points at a version of a run that did not finish.
    if (registered) await markChallenger(client, registered.version);
    report({ stage: 'done', message: 'done' });
    const summary: TrainSummary = {
      experimentId,
      runId,
      rows: {
        train: data.train.rowCount,
        validation: data.valid.rowCount,
        test: data.test.rowCount,
        setAside: data.read.setAside.length,
      },
      features: data.features.length,
      candidates,
      models,
      winner,
      ...(registered === undefined
        ? {}
        : { version: registered.version.version, decision: registered.decision }),
      ...(unchanged === undefined ? {} : { unchanged: unchanged.version }),
      repaired,
      schemaChange,
      seconds: (performance.now() - started) / 1000,
    };
    return summary;
  } catch (error) {
    await heartbeat.stop();
    // A finished run stays FINISHED (its gate decision stands); only the error is reported.
    if (finished) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    await client.runs
      .setTag(runId, 'champion.failure', reason.slice(0, 5000))
      .catch(() => undefined);
    const aborted = error instanceof TrainerError && error.code === 'ABORTED';
    await client.runs.finish(runId, aborted ? 'KILLED' : 'FAILED').catch(() => undefined);
    throw error;
  }
}
