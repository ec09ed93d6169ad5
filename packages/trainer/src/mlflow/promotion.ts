/**
 * The promotion gate with compare-and-set. MLflow moves aliases last-writer-wins, so two
 * trainers that both beat the same `@champion` would both move it. Here the move happens only
 * under the promotion lease (registry/lease.ts), against the champion read under that lease:
 *
 * 1. score `@champion` on the candidate's rows and decide (no lease: a rejection needs none);
 * 2. to promote, take the lease; read `@champion` again and, if it moved since step 1, score the
 *    new one on the same rows and decide again (`superseded` when the candidate no longer wins);
 * 3. write the figures, then `decision=pending` and `replaces`, verify the lease, move the alias;
 * 4. read the alias back: ours → `promoted`; another writer's → `superseded` (theirs stands);
 *    ours but the lease was lost meanwhile → restore the previous target, `superseded`.
 *
 * Step 3's write of `pending` is the point of no return: an abort (SIGTERM) before it ends the
 * gate with nothing moved; after it the gate finishes.
 */
import { isNotFound, type MlflowClient } from 'mlflow-js-client';
import { TrainerError } from '../errors.js';
import {
  decidePromotion,
  type GateConfig,
  type GateDecision,
  type GateInput,
} from '../gate/gate.js';
import { GATE_TAGS, type GateDecisionTag } from '../registry/gate-tags.js';
import { PromotionLease, type LeaseTiming } from '../registry/lease.js';
import { describeOwner } from '../registry/owner.js';
import type { ChampionScore } from './champion-score.js';
import { whoami } from './run-tags.js';
import { keepPrevious } from './previous-alias.js';

/** A registered model version. */
export interface RegisteredVersion {
  readonly name: string;
  readonly version: string;
}

/** What the gate concluded and what it left in the registry. */
export interface GateOutcome extends GateDecision {
  /** The decision tag written on the version. */
  readonly tag: GateDecisionTag;
  /** The version `@champion` pointed at before a move (undefined: none, or no move). */
  readonly replaced?: string | undefined;
}

export interface GateOptions {
  readonly client: MlflowClient;
  readonly version: RegisteredVersion;
  readonly config: GateConfig;
  /** Who or what asked (e.g. "champion train"). */
  readonly actor: string;
  /** Skip the gate's verdict (manual promotion with --force); the checks are still recorded. */
  readonly force?: boolean | undefined;
  /**
   * Decide only: a passing candidate is tagged `awaiting-approval` and `@champion` stays where it
   * is until a person approves it (approval mode of the retraining loop).
   */
  readonly hold?: boolean | undefined;
  /** The candidate's side of the comparison. */
  readonly input: Omit<GateInput, 'champion'>;
  /** Scores the current `@champion` on the candidate's rows (undefined: there is none). */
  readonly scoreChampion: () => Promise<ChampionScore | undefined>;
  /** Stops the gate before its point of no return. */
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((message: string) => void) | undefined;
  readonly leaseTiming?: Partial<LeaseTiming> | undefined;
}

async function currentChampion(client: MlflowClient, name: string): Promise<string | undefined> {
  try {
    return (await client.registry.aliases.getVersion({ name, alias: 'champion' })).version;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

function decide(options: GateOptions, score: ChampionScore | undefined): GateDecision {
  const champion = score && score.version !== options.version.version ? score : undefined;
  return decidePromotion({ ...options.input, ...(champion ? { champion } : {}) }, options.config);
}

/** Whether the alias should move: the gate passed, or the user forced it. */
function wanted(options: GateOptions, decision: GateDecision): boolean {
  return decision.promote || options.force === true;
}

async function writeTags(
  options: GateOptions,
  tags: Readonly<Record<string, string>>,
): Promise<void> {
  const { client, version } = options;
  for (const [key, value] of Object.entries(tags))
    await client.registry.versions.setTag(
      { name: version.name, version: version.version },
      { key, value },
    );
}

function recordTags(options: GateOptions, decision: GateDecision): Record<string, string> {
  const tags: Record<string, string> = {
    [GATE_TAGS.reasons]: decision.reasons.join('\n').slice(0, 5000),
    [GATE_TAGS.by]: `${options.actor} (${whoami()})`,
    [GATE_TAGS.at]: new Date().toISOString(),
    'champion.gate.primary_metric': options.config.primaryMetric,
    'champion.gate.margin': String(options.config.margin),
    'champion.gate.floors': JSON.stringify(options.config.floors),
  };
  for (const [key, value] of Object.entries(decision.figures)) tags[`champion.gate.${key}`] = value;
  return tags;
}

function aborted(signal: AbortSignal): TrainerError {
  return new TrainerError(
    'ABORTED',
    `training interrupted during the promotion gate, before @champion moved (${String(signal.reason ?? 'aborted')})`,
  );
}

/** Ends the gate without a move: writes the record and the decision, returns the outcome. */
async function settle(
  options: GateOptions,
  outcome: {
    decision: GateDecision;
    tag: 'rejected' | 'superseded' | 'awaiting-approval';
    extra?: Readonly<Record<string, string>>;
  },
): Promise<GateOutcome> {
  const { decision, tag, extra = {} } = outcome;
  await writeTags(options, {
    ...recordTags(options, decision),
    ...extra,
    [GATE_TAGS.decision]: tag,
  });
  return { ...decision, promote: false, tag };
}

/** Applies the gate with compare-and-set on `@champion`; see the module header. */
export async function runGate(options: GateOptions): Promise<GateOutcome> {
  const { client, version, signal } = options;
  const say = options.onProgress ?? (() => undefined);
  const first = await options.scoreChampion();
  let decision = decide(options, first);
  if (signal?.aborted) throw aborted(signal);
  if (!wanted(options, decision)) return settle(options, { decision, tag: 'rejected' });
  if (options.hold === true) return settle(options, { decision, tag: 'awaiting-approval' });

  const lease = await PromotionLease.acquire({
    client,
    name: version.name,
    // The actor can be a whole command line: the holder names the process and the version.
    holder: `${options.actor.split(' ').slice(0, 2).join(' ')} of v${version.version} (${whoami()})`,
    timing: options.leaseTiming,
    signal,
    onWait: (held) =>
      say(`waiting for the promotion lease held by ${held.holder} (${describeOwner(held.owner)})`),
  });
  try {
    let compared = first?.version;
    let replaced = await currentChampion(client, version.name);
    for (let attempt = 0; replaced !== compared; attempt++) {
      if (attempt >= 3)
        throw new TrainerError(
          'GATE',
          `@champion of '${version.name}' keeps moving outside the promotion lease`,
        );
      say(`@champion moved to v${replaced ?? '(none)'} since the comparison: comparing again`);
      const again = await options.scoreChampion();
      const redo = decide(options, again);
      if (!wanted(options, redo)) {
        const winner = again?.version ?? '(none)';
        return await settle(options, {
          decision: {
            ...redo,
            reasons: [
              `FAIL superseded: @champion moved from v${compared ?? '(none)'} to v${winner} while this gate ran; compared again against v${winner}`,
              ...redo.reasons,
            ],
          },
          tag: 'superseded',
          extra: { [GATE_TAGS.supersededBy]: winner },
        });
      }
      decision = redo;
      compared = again?.version;
      replaced = await currentChampion(client, version.name);
    }
    if (signal?.aborted) throw aborted(signal);
    return await move({ options, lease, decision, replaced });
  } finally {
    await lease.release().catch(() => undefined);
  }
}

/** Steps 3 and 4 of the module header: past the point of no return. */
async function move(context: {
  options: GateOptions;
  lease: PromotionLease;
  decision: GateDecision;
  replaced: string | undefined;
}): Promise<GateOutcome> {
  const { options, lease, decision, replaced } = context;
  const { client, version } = options;
  const ref = { name: version.name, alias: 'champion' };
  // A forced move records that the gate itself refused.
  const done: GateDecisionTag = decision.promote ? 'promoted' : 'forced';
  await writeTags(options, {
    ...recordTags(options, decision),
    [GATE_TAGS.replaces]: replaced ?? '',
    [GATE_TAGS.decision]: 'pending',
  });
  try {
    await lease.verify();
  } catch (error) {
    return settle(options, { decision: withReason(decision, error), tag: 'superseded' });
  }
  options.onProgress?.(`moving @champion from v${replaced ?? '(none)'} to v${version.version}`);
  await client.registry.aliases.set(ref, version.version);
  const now = await currentChampion(client, version.name);
  if (now !== version.version) {
    return settle(options, {
      decision: withReason(
        decision,
        `after the move @champion pointed at v${now ?? '(none)'}: another writer moved it`,
      ),
      tag: 'superseded',
      extra: { [GATE_TAGS.supersededBy]: now ?? '' },
    });
  }
  try {
    await lease.verify(0);
  } catch (error) {
    // Another process may have compared against the previous champion meanwhile: undo our move.
    if (replaced === undefined) await client.registry.aliases.delete(ref);
    else await client.registry.aliases.set(ref, replaced);
    return settle(options, {
      decision: withReason(
        decision,
        `${errorText(error)}; @champion restored to v${replaced ?? '(none)'}`,
      ),
      tag: 'superseded',
    });
  }
  await keepPrevious(client, { name: version.name, replaced });
  await writeTags(options, {
    [GATE_TAGS.promotedAt]: new Date().toISOString(),
    [GATE_TAGS.decision]: done,
  });
  return { ...decision, promote: true, tag: done, replaced };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function withReason(decision: GateDecision, why: unknown): GateDecision {
  return {
    ...decision,
    promote: false,
    reasons: [`FAIL superseded: ${errorText(why)}`, ...decision.reasons],
  };
}
