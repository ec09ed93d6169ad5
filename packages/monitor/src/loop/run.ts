/**
 * One turn of the loop (`champion monitor run`): read the window after the last checkpoint,
 * measure drift and performance against `@champion`, log the monitoring run, apply the policy
 * with the state read back from earlier runs, retrain when it fires. An empty window logs no run
 * (there is nothing to record, and a run of zeros would count as a quiet window): the result says
 * so and the checkpoint stays where it was.
 */
import { aliasVersion, type TrainEvent } from '@champion/trainer';
import type { MlflowClient } from 'mlflow-js-client';
import type { Policy } from '../policy/index.js';
import { decide, type Decision } from './decide.js';
import { MonitorLoopError } from './errors.js';
import { retrainingElsewhere } from './busy.js';
import { lastCheckpoint, readHistory } from './history.js';
import type { LoopPorts, ModelUnderWatch, Window } from './ports.js';
import { failMonitoringRun, logFigures, logReports, startMonitoringRun } from './record.js';
import type { LoopAction, MonitorResult } from './result.js';
import { retrain, type RetrainResult } from './retrain.js';
import { MONITOR_TAGS, monitoringExperiment } from './tags.js';
import { weightedShare } from './weighted-share.js';

export interface MonitorRunOptions {
  readonly client: MlflowClient;
  readonly name: string;
  readonly policy: Policy;
  readonly ports: LoopPorts;
  /** An explicit window (ISO 8601) instead of the one after the last checkpoint. */
  readonly since?: string | undefined;
  readonly until?: string | undefined;
  /** Retrain by hand (skips agreement and cooldown). */
  readonly force?: boolean | undefined;
  /** Training data instead of the one `@champion` records. */
  readonly data?: string | undefined;
  readonly now?: (() => number) | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly onEvent?:
    | ((event: TrainEvent | { stage: 'monitor'; message: string; runId?: string }) => void)
    | undefined;
}

async function watchedModel(
  client: MlflowClient,
  name: string,
): Promise<ModelUnderWatch & { registeredAt?: number }> {
  const version = await aliasVersion(client, { name, alias: 'champion' });
  if (version === undefined)
    throw new MonitorLoopError(
      'CONFIG',
      `'${name}' has no @champion: train one first (champion train --name ${name})`,
    );
  const registered = await client.registry.versions.get({ name, version });
  return {
    name,
    version,
    ...(registered.creation_timestamp === undefined
      ? {}
      : { registeredAt: registered.creation_timestamp }),
  };
}

function windowOf(window: Window): MonitorResult['window'] {
  return {
    from: window.from ?? null,
    to: window.to ?? null,
    rows: window.rows,
    labelled: window.labelled,
    checkpoint: window.checkpoint,
    fingerprint: window.fingerprint,
    foreign: window.foreign ?? 0,
  };
}

function emptyResult(model: ModelUnderWatch, window: Window, explicit: boolean): MonitorResult {
  return {
    run_id: null,
    model: { name: model.name, version: model.version },
    window: windowOf(window),
    drift: null,
    performance: null,
    decision: {
      fired: false,
      signals: { drift: false, performance: false, age: false },
      reasons: [
        `empty window: no served records ${explicit ? 'in the given time range' : 'since the last checkpoint'}; no monitoring run logged`,
      ],
      action: 'none',
      version: null,
      gate: null,
      gate_reasons: [],
      training_run_id: null,
    },
  };
}

/** Runs one monitoring turn; see the module header. */
export async function runMonitor(options: MonitorRunOptions): Promise<MonitorResult> {
  const { client, name, ports } = options;
  const say = (message: string): void => options.onEvent?.({ stage: 'monitor', message });
  const model = await watchedModel(client, name);
  const experiment = await client.experiments.getOrCreate({ name: monitoringExperiment(name) });
  const explicit = options.since !== undefined || options.until !== undefined;
  const checkpoint = explicit ? undefined : await lastCheckpoint(client, experiment.experiment_id);
  say(`reading the served records of ${name} v${model.version}`);
  const window = await ports.readWindow({
    name,
    checkpoint,
    since: options.since,
    until: options.until,
  });
  if (window.rows === 0) {
    const result = emptyResult(model, window, explicit);
    say(result.decision.reasons.join('; '));
    return result;
  }
  const started = await startMonitoringRun({
    client,
    experimentId: experiment.experiment_id,
    version: model.version,
    window,
    explicitRange: explicit,
  });
  options.onEvent?.({
    stage: 'monitor',
    message: `${window.rows} records; measuring drift and performance`,
    runId: started.runId,
  });
  try {
    const result = await measureAndDecide({
      ...options,
      model,
      window,
      experimentId: experiment.experiment_id,
      ...started,
    });
    await client.runs.finish(started.runId, 'FINISHED');
    say(`decision: ${result.decision.action}`);
    return result;
  } catch (error) {
    await failMonitoringRun({
      client,
      runId: started.runId,
      error,
      aborted: options.signal?.aborted === true,
    });
    throw error;
  }
}

interface Turn extends MonitorRunOptions {
  readonly model: ModelUnderWatch & { registeredAt?: number };
  readonly window: Window;
  readonly experimentId: string;
  readonly runId: string;
  readonly artifactUri: string;
}

async function importanceShare(
  turn: Turn,
  columns: Parameters<typeof weightedShare>[0],
): Promise<number | undefined> {
  if (turn.policy.drift?.weighting !== 'importance') return undefined;
  const weights = await turn.ports.importances?.(turn.model);
  return weights === undefined ? undefined : weightedShare(columns, weights);
}

async function measureAndDecide(turn: Turn): Promise<MonitorResult> {
  const { client, policy, window, model, runId } = turn;
  const drift = await turn.ports.drift({ model, window });
  const performance = await turn.ports.performance({ model, window });
  const weighted = await importanceShare(turn, drift.columns);
  await logFigures({ client, runId, window, drift, weightedShare: weighted, performance });
  const history = await readHistory({
    client,
    experimentId: turn.experimentId,
    version: model.version,
    fingerprint: window.fingerprint,
    windows: policy.agree.n - 1,
  });
  const decision = decide({
    policy,
    now: (turn.now ?? Date.now)(),
    force: turn.force === true,
    driftShare: weighted ?? drift.share,
    performance,
    modelRegisteredAt: model.registeredAt,
    history,
  });
  const notes =
    policy.drift?.weighting === 'importance' && weighted === undefined
      ? [
          'drift: importance weighting asked, but the model has no feature importances; the plain share was used',
        ]
      : [];
  const acted = await act(turn, decision);
  const result: MonitorResult = {
    run_id: runId,
    model: { name: model.name, version: model.version },
    window: windowOf(window),
    drift: {
      share: drift.share,
      drifted: drift.drifted,
      weighted_share: weighted ?? null,
      columns: drift.columns,
      prediction: drift.prediction,
    },
    performance: {
      labelled: performance.labelled,
      metrics: performance.metrics,
      insufficient: performance.insufficient ?? null,
    },
    decision: {
      fired: decision.fired,
      signals: decision.signals,
      reasons: [...notes, ...decision.reasons, ...acted.notes],
      action: acted.action,
      version: acted.retrained?.version ?? null,
      gate: acted.retrained?.gate ?? null,
      gate_reasons: acted.retrained?.reasons ?? [],
      training_run_id: acted.retrained?.trainingRunId ?? null,
    },
  };
  // The report is the result plus the policy that decided it (what an auditor asks first).
  await logReports({
    client,
    artifactUri: turn.artifactUri,
    report: {
      ...result,
      policy,
      ...(drift.histograms === undefined ? {} : { histograms: drift.histograms }),
    },
    html: drift.html,
  });
  await client.runs.logBatch(runId, {
    tags: {
      [MONITOR_TAGS.signalDrift]: String(decision.signals.drift),
      [MONITOR_TAGS.signalPerformance]: String(decision.signals.performance),
      [MONITOR_TAGS.signalAge]: String(decision.signals.age),
      [MONITOR_TAGS.fired]: String(decision.fired),
      [MONITOR_TAGS.action]: acted.action,
      [MONITOR_TAGS.reasons]: result.decision.reasons.join('\n').slice(0, 5000),
    },
  });
  return result;
}

/** Carries out the verdict: nothing, the cooldown, or a retraining. */
async function act(
  turn: Turn,
  decision: Decision,
): Promise<{ action: LoopAction; notes: string[]; retrained?: RetrainResult }> {
  if (decision.verdict !== 'retrain') return { action: decision.verdict, notes: [] };
  const rows = await turn.window.labelledRows();
  const needed = turn.policy.retrain.minLabels;
  if (rows.length < needed)
    return {
      action: 'none',
      notes: [
        `retrain: only ${rows.length} labelled production rows (the policy needs ${needed}); not retrained on the same data as @champion`,
      ],
    };
  const { client, runId } = turn;
  const busy = await retrainingElsewhere({ client, experimentId: turn.experimentId, runId });
  if (busy !== undefined)
    return {
      action: 'cooldown',
      notes: [`retrain: monitoring run ${busy.runId} is retraining (since ${busy.since})`],
    };
  await client.runs.logBatch(runId, {
    tags: {
      [MONITOR_TAGS.retraining]: 'true',
      [MONITOR_TAGS.retrainedAt]: String((turn.now ?? Date.now)()),
    },
  });
  turn.onEvent?.({
    stage: 'monitor',
    message: `policy fired: retraining on ${rows.length} labelled production rows`,
  });
  const retrained = await retrain({
    client,
    name: turn.name,
    champion: turn.model.version,
    policy: turn.policy,
    rows,
    monitoringRunId: runId,
    reasons: decision.reasons,
    data: turn.data,
    signal: turn.signal,
    onEvent: turn.onEvent,
  });
  await client.runs.logBatch(runId, {
    tags: {
      [MONITOR_TAGS.retrained]: 'true',
      [MONITOR_TAGS.retrainedVersion]: retrained.version ?? `unchanged (v${turn.model.version})`,
    },
  });
  return { action: retrained.action, notes: [], retrained };
}
