/**
 * The end of `champion train`: register the winner, gate it (compare-and-set on `@champion`, see
 * mlflow/promotion.ts) and record the decision on the run. A stop before the gate's point of no
 * return leaves the version tagged `interrupted`, never undecided.
 */
import type { MlflowClient } from 'mlflow-js-client';
import { DEFAULT_GATE, type GateConfig } from '../gate/gate.js';
import { scoreCurrentChampion } from '../mlflow/champion-score.js';
import { runGate, type GateOutcome, type RegisteredVersion } from '../mlflow/promotion.js';
import { registerVersion } from '../mlflow/register.js';
import { GATE_TAGS } from '../registry/gate-tags.js';
import type { LeaseTiming } from '../registry/lease.js';
import type { PreparedData } from './prepare.js';
import type { TrainedCandidate, TrainEvent } from './train.js';

const PARITY_TOLERANCE = 1e-5;

export interface RegisterAndGateOptions {
  readonly client: MlflowClient;
  readonly name: string;
  readonly runId: string;
  readonly winner: TrainedCandidate;
  readonly data: PreparedData;
  readonly gate?: GateConfig | undefined;
  readonly actor: string;
  /** Throws when aborted (before the point of no return). */
  readonly emit: (event: TrainEvent) => void;
  /** Never throws: progress after the point of no return. */
  readonly report: (event: TrainEvent) => void;
  readonly signal?: AbortSignal | undefined;
  readonly leaseTiming?: Partial<LeaseTiming> | undefined;
}

/** Tags a version the gate never settled as `interrupted`, with why (best effort). */
async function markInterrupted(
  client: MlflowClient,
  version: RegisteredVersion,
  error: unknown,
): Promise<void> {
  const why = error instanceof Error ? error.message : String(error);
  const current = await client.registry.versions.get(version);
  const decision = current.tags.find((t) => t.key === GATE_TAGS.decision)?.value;
  // `pending` means the move may have happened: `champion doctor` settles it from the registry.
  if (decision !== undefined) return;
  await client.registry.versions.setTag(version, {
    key: GATE_TAGS.reasons,
    value: `FAIL interrupted: ${why}`.slice(0, 5000),
  });
  await client.registry.versions.setTag(version, { key: GATE_TAGS.decision, value: 'interrupted' });
}

export async function registerAndGate(
  options: RegisterAndGateOptions,
): Promise<{ version: RegisteredVersion; decision: GateOutcome }> {
  const { client, winner, data, runId } = options;
  options.emit({
    stage: 'register',
    message: `registering ${winner.learner} as a new version of '${options.name}'`,
  });
  const version = await registerVersion({
    client,
    name: options.name,
    modelId: winner.modelId,
    runId,
    description: `${winner.learner}, test ROC AUC ${(winner.evaluated.metrics['roc_auc'] ?? Number.NaN).toFixed(4)}`,
    tags: { 'champion.learner': winner.learner, 'champion.run_id': runId },
  });
  try {
    options.emit({ stage: 'gate', message: `promotion gate for version ${version.version}` });
    const decision = await runGate({
      client,
      version,
      actor: options.actor,
      config: options.gate ?? DEFAULT_GATE,
      input: {
        candidate: { version: version.version, metrics: winner.evaluated.metrics },
        parity: { maxAbsDiff: winner.evaluated.parity.maxAbsDiff, tolerance: PARITY_TOLERANCE },
        schemaProblems: winner.evaluated.schemaProblems,
      },
      scoreChampion: () => {
        options.report({ stage: 'gate', message: 'scoring @champion on the same test rows' });
        return scoreCurrentChampion({
          client,
          name: options.name,
          table: data.table,
          rows: data.rows.test,
          labels: data.test.labels,
        });
      },
      signal: options.signal,
      onProgress: (message) => options.report({ stage: 'gate', message }),
      leaseTiming: options.leaseTiming,
    });
    await client.runs.setTag(runId, GATE_TAGS.decision, decision.tag);
    options.report({
      stage: 'gate',
      message: `version ${version.version}: ${decision.tag}`,
    });
    return { version, decision };
  } catch (error) {
    await markInterrupted(client, version, error).catch(() => undefined);
    throw error;
  }
}
