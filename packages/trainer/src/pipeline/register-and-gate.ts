/**
 * The end of `champion train`: register the winner, gate it (compare-and-set on `@champion`, see
 * mlflow/promotion.ts) and record the decision on the run. A stop before the gate's point of no
 * return leaves the version tagged `interrupted`, never undecided. A winner identical to the
 * current `@champion` (same model digest) is not registered at all: it is reported unchanged.
 */
import { isNotFound, type MlflowClient } from 'mlflow-js-client';
import { DEFAULT_GATE, type GateConfig } from '../gate/gate.js';
import { scoreCurrentChampion } from '../mlflow/champion-score.js';
import { runGate, type GateOutcome, type RegisteredVersion } from '../mlflow/promotion.js';
import { registerVersion } from '../mlflow/register.js';
import { GATE_TAGS } from '../registry/gate-tags.js';
import type { LeaseTiming } from '../registry/lease.js';
import { MODEL_DIGEST_TAG, modelDigest } from '../registry/model-digest.js';
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
  /** Decide without moving `@champion` (see GateOptions.hold). */
  readonly hold?: boolean | undefined;
  /** Extra tags on the registered version. */
  readonly tags?: Readonly<Record<string, string>> | undefined;
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

/** The run tag naming the champion version a training found identical to its winner. */
export const UNCHANGED_TAG = 'champion.unchanged_from';

/** A registered and gated winner, or the `@champion` version it is identical to. */
export type RegisterAndGateResult =
  | { readonly version: RegisteredVersion; readonly decision: GateOutcome }
  | { readonly unchanged: RegisteredVersion };

/**
 * The `@champion` version when its recorded model digest equals `digest`. Read from the
 * registered model's alias list, not the alias endpoint: the gate's read of `@champion` stays
 * its first (the race tests hold exactly that read).
 */
async function identicalChampion(options: {
  client: MlflowClient;
  name: string;
  digest: string;
}): Promise<RegisteredVersion | undefined> {
  const { client, name } = options;
  let aliases;
  try {
    ({ aliases } = await client.registry.models.get(name));
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
  const version = aliases.find((a) => a.alias === 'champion')?.version;
  if (version === undefined) return undefined;
  const champion = await client.registry.versions.get({ name, version });
  const recorded = champion.tags.find((t) => t.key === MODEL_DIGEST_TAG)?.value;
  return recorded === options.digest ? { name, version } : undefined;
}

export async function registerAndGate(
  options: RegisterAndGateOptions,
): Promise<RegisterAndGateResult> {
  const { client, winner, data, runId } = options;
  const digest = modelDigest({
    onnx: winner.evaluated.onnx,
    threshold: winner.evaluated.threshold.threshold,
    positiveLabel: data.schema.target.positive,
  });
  const same = await identicalChampion({ client, name: options.name, digest });
  if (same !== undefined) {
    await client.runs.setTag(runId, UNCHANGED_TAG, `${same.name} v${same.version}`);
    options.report({
      stage: 'register',
      message: `identical to ${same.name} v${same.version} (@champion, same model digest): unchanged, no version registered`,
    });
    return { unchanged: same };
  }
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
    tags: {
      ...options.tags,
      'champion.learner': winner.learner,
      'champion.run_id': runId,
      [MODEL_DIGEST_TAG]: digest,
    },
  });
  try {
    options.emit({ stage: 'gate', message: `promotion gate for version ${version.version}` });
    const decision = await runGate({
      client,
      version,
      actor: options.actor,
      config: options.gate ?? DEFAULT_GATE,
      hold: options.hold,
      input: {
        candidate: { version: version.version, metrics: winner.evaluated.metrics },
        parity: { maxAbsDiff: winner.evaluated.parity.maxAbsDiff, tolerance: PARITY_TOLERANCE },
        schemaProblems: winner.evaluated.schemaProblems,
        fairness: winner.fairness,
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
