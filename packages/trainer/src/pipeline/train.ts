/**
 * `champion train`, end to end: prepare the data (failing before any run exists), settle what a
 * killed earlier training of this model left (doctor/), open a parent run that records its owner
 * process, search candidates as child runs, refit and evaluate the best of each learner through
 * its ONNX export, log them as MLflow 3 logged models, register the winner, let the promotion gate
 * decide about `@champion` (compare-and-set, mlflow/promotion.ts), finish the run, and only then
 * point `@challenger` at the version. A run that fails ends FAILED with the reason.
 */
import type { MlflowClient } from 'mlflow-js-client';
import { TrainerError } from '../errors.js';
import type { Finding } from '../doctor/index.js';
import type { GateConfig } from '../gate/gate.js';
import type { BootstrapOptions, FairnessReport } from '../fairness/index.js';
import { sensitiveColumns } from '../fairness/index.js';
import { LEARNERS, type LearnerName } from '../learners/catalog.js';
import type { ErrorCosts } from '../metrics/index.js';
import { saveCompareView } from '../mlflow/compare-view.js';
import { fileDigest } from '../mlflow/dataset.js';
import { runTags } from '../mlflow/run-tags.js';
import { bestCandidates, type CandidateResult } from '../search/search.js';
import type { GateOutcome } from '../mlflow/promotion.js';
import { markChallenger } from '../mlflow/register.js';
import { ownerTags } from '../registry/owner.js';
import type { LeaseTiming } from '../registry/lease.js';
import { createHeartbeat } from './heartbeat.js';
import { endFailedRun } from './end-failed-run.js';
import { logTrainingRun } from './log-training-run.js';
import { logWinner } from './log-winner.js';
import { logFairness } from './log-fairness.js';
import { modelFacts } from './model-facts.js';
import { searchCandidates } from './search-candidates.js';
import { trainEvents } from './train-events.js';
import { registerAndGate } from './register-and-gate.js';
import type { EvaluatedModel } from './evaluate.js';
import { publishCandidate } from './publish-candidate.js';
import { repairLeftovers } from './repair-leftovers.js';
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
  /** The MLflow run of this training, on the event reporting its creation. */
  readonly runId?: string;
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
  /**
   * Columns whose groups the fairness report compares on the test split (`--sensitive`); they
   * may be features or excluded columns. @default none (no report)
   */
  readonly sensitive?: readonly string[] | undefined;
  /** The fairness report's bootstrap intervals. @default DEFAULT_BOOTSTRAP */
  readonly fairnessBootstrap?: Partial<BootstrapOptions> | undefined;
  /**
   * Gate without moving `@champion`: a winner that passes is tagged `awaiting-approval` and waits
   * as `@challenger` for `champion promote --approve`. @default false
   */
  readonly hold?: boolean | undefined;
  /** Extra tags on the training run and on the registered version (e.g. what asked for it). */
  readonly tags?: Readonly<Record<string, string>> | undefined;
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
  /** Its fairness report on the test split, with `sensitive`. */
  readonly fairness?: FairnessReport;
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

type Emit = (event: TrainEvent) => void;
type PreparedData = Awaited<ReturnType<typeof prepareData>>;

/** What the data step found: the table and splits, the file's digest, the schema comparison. */
interface TrainingInput {
  readonly data: PreparedData;
  readonly digest: string;
  readonly schemaChange: SchemaChange;
}

/** The parent run and what the repair before it settled. */
interface TrainingRun {
  readonly experimentId: string;
  readonly runId: string;
  readonly artifactUri: string;
  readonly repaired: readonly Finding[];
}

/** Reads and checks the data; every refusal here comes before any MLflow run exists. */
async function readTrainingInput(options: TrainOptions, emit: Emit): Promise<TrainingInput> {
  emit({ stage: 'data', message: `reading ${options.data.path}` });
  const data = await prepareData(options.data);
  // An unknown sensitive column fails now, before any run exists.
  sensitiveColumns({
    table: data.table,
    names: options.sensitive ?? [],
    rows: [],
    source: options.data.path,
  });
  const digest = await fileDigest(options.data.path);
  emit({
    stage: 'data',
    message: `${data.table.rowCount} rows, ${data.features.length} features, target '${data.schema.target.name}' (positive '${data.schema.target.positive}')`,
  });
  const schemaChange: SchemaChange =
    options.register === false
      ? { changes: [] }
      : await checkSchemaChange({
          client: options.client,
          name: options.name,
          schema: data.schema,
          allow: options.allowSchemaChange === true,
          emit,
        });
  return { data, digest, schemaChange };
}

/** The experiment, the repair of what a killed earlier training left, and the parent run. */
async function openTrainingRun(options: TrainOptions, emit: Emit): Promise<TrainingRun> {
  const { client } = options;
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
      ...options.tags,
    },
  });
  return {
    experimentId,
    runId: parent.info.run_id,
    artifactUri: parent.info.artifact_uri,
    repaired,
  };
}

interface TrainedModels {
  readonly candidates: readonly CandidateResult[];
  readonly models: readonly TrainedCandidate[];
  readonly winner: TrainedCandidate;
}

/** Searches candidates, publishes the best of each learner, logs the winner and its figures. */
async function trainCandidates(options: {
  readonly train: TrainOptions;
  readonly input: TrainingInput;
  readonly run: TrainingRun;
}): Promise<TrainedModels> {
  const { train: trainOptions, input, run } = options;
  const { client } = trainOptions;
  const { data, digest, schemaChange } = input;
  const { experimentId, runId } = run;
  const learners = (trainOptions.learners ?? ['gbdt', 'logreg']).map((n) => LEARNERS[n]);
  const folds = trainOptions.folds ?? (data.train.rowCount > 200_000 ? 1 : 3);
  const facts = await modelFacts({ data, path: trainOptions.data.path });
  await logTrainingRun({
    client,
    runId,
    options: trainOptions,
    data,
    digest,
    folds,
    learners,
    schemaChange,
  });
  const candidates = await searchCandidates({
    client,
    experimentId,
    runId,
    options: trainOptions,
    data,
    learners,
    folds,
  });
  const best = bestCandidates(candidates);
  const models: TrainedCandidate[] = [];
  for (const cv of best.perLearner) {
    models.push(
      await publishCandidate({
        train: trainOptions,
        data,
        cv,
        experimentId,
        runId,
        fileDigest: digest,
        ...facts,
      }),
    );
  }
  const winner = models.find((m) => m.learner === best.overall.learner) ?? models[0];
  if (!winner) throw new TrainerError('TRAINING', 'no candidate finished within the budget');
  await logWinner({ client, runId, winner, models, candidates });
  await uploadEvaluation({ client, artifactUri: run.artifactUri, models });
  if (winner.fairness) {
    await logFairness({ client, runId, artifactUri: run.artifactUri, report: winner.fairness });
  }
  return { candidates, models, winner };
}

type Gated = Awaited<ReturnType<typeof registerAndGate>>;

function summarize(options: {
  readonly started: number;
  readonly input: TrainingInput;
  readonly run: TrainingRun;
  readonly trained: TrainedModels;
  readonly gated: Gated | undefined;
}): TrainSummary {
  const { input, run, trained, gated } = options;
  const { data } = input;
  const registered = gated !== undefined && 'decision' in gated ? gated : undefined;
  const unchanged = gated !== undefined && 'unchanged' in gated ? gated.unchanged : undefined;
  return {
    experimentId: run.experimentId,
    runId: run.runId,
    rows: {
      train: data.train.rowCount,
      validation: data.valid.rowCount,
      test: data.test.rowCount,
      setAside: data.read.setAside.length,
    },
    features: data.features.length,
    candidates: trained.candidates,
    models: trained.models,
    winner: trained.winner,
    ...(registered === undefined
      ? {}
      : { version: registered.version.version, decision: registered.decision }),
    ...(unchanged === undefined ? {} : { unchanged: unchanged.version }),
    repaired: run.repaired,
    schemaChange: input.schemaChange,
    seconds: (performance.now() - options.started) / 1000,
  };
}

/** Trains, logs, registers and gates; see the module header. */
export async function train(options: TrainOptions): Promise<TrainSummary> {
  const started = performance.now();
  const heartbeat = createHeartbeat({ client: options.client });
  const { emit, report } = trainEvents({ options, heartbeat });
  options = { ...options, onEvent: emit };
  const { client } = options;
  checkTrainOptions(options);
  const input = await readTrainingInput(options, emit);
  const run = await openTrainingRun(options, emit);
  const { runId } = run;
  heartbeat.start(runId);
  report({ stage: 'log', message: `MLflow run ${runId}`, runId });
  let finished = false;
  try {
    const trained = await trainCandidates({ train: options, input, run });
    const gated =
      options.register === false
        ? undefined
        : await registerAndGate({
            client,
            name: options.name,
            runId,
            winner: trained.winner,
            data: input.data,
            gate: options.gate,
            hold: options.hold,
            tags: options.tags,
            actor: options.command ?? 'champion train',
            emit,
            report,
            signal: options.signal,
            leaseTiming: options.leaseTiming,
          });
    await heartbeat.stop();
    await client.runs.finish(runId, 'FINISHED');
    finished = true;
    // Only now: @challenger never points at a version of a run that did not finish.
    if (gated !== undefined && 'decision' in gated) await markChallenger(client, gated.version);
    report({ stage: 'done', message: 'done' });
    return summarize({ started, input, run, trained, gated });
  } catch (error) {
    await heartbeat.stop();
    // A finished run stays FINISHED (its gate decision stands); only the error is reported.
    if (!finished) await endFailedRun(client, runId, error);
    throw error;
  }
}
