/**
 * Model versions whose gate record is a lie or unfinished: a version of a run that ended before
 * the gate decided, a `pending` decision left by a kill during the move, a `promoted` tag on a
 * version `@champion` never pointed at, `@challenger` on a version whose run did not finish.
 * Versions whose run is still being worked on (RUNNING, owner alive) are left alone.
 */
import { isNotFound, type MlflowClient, type ModelVersion } from 'mlflow-js-client';
import { GATE_TAGS } from '../registry/gate-tags.js';
import type { Finding } from './findings.js';
import { orphanReason } from './runs.js';

type RunState = 'finished' | 'live' | 'ended';

function tagsOf(version: ModelVersion): Map<string, string> {
  return new Map(version.tags.map((t) => [t.key, t.value]));
}

async function runState(options: {
  client: MlflowClient;
  runId: string | undefined;
  staleMs: number;
}): Promise<RunState> {
  if (!options.runId) return 'ended';
  try {
    const run = await options.client.runs.get(options.runId);
    if (run.info.status === 'FINISHED') return 'finished';
    if (run.info.status !== 'RUNNING' && run.info.status !== 'SCHEDULED') return 'ended';
    return orphanReason(run, { staleMs: options.staleMs }) === undefined ? 'live' : 'ended';
  } catch (error) {
    if (isNotFound(error)) return 'ended';
    throw error;
  }
}

/** Whether `@champion` points at `v` now or pointed at it before a later promotion. */
function wasChampion(v: ModelVersion, all: readonly ModelVersion[]): boolean {
  if (v.aliases.includes('champion')) return true;
  // Written only after `@champion` was read back on this version.
  if (tagsOf(v).has(GATE_TAGS.promotedAt)) return true;
  return all.some((other) => {
    const tags = tagsOf(other);
    const decision = tags.get(GATE_TAGS.decision);
    const moved = decision === 'promoted' || decision === 'forced' || decision === 'pending';
    // `replaces` is written before each move; older records only name the compared champion.
    return (
      moved && (tags.get(GATE_TAGS.replaces) ?? tags.get(GATE_TAGS.championVersion)) === v.version
    );
  });
}

interface Settlement {
  readonly kind: Finding['kind'];
  readonly problem: string;
  readonly decision: 'promoted' | 'interrupted';
}

function settlement(
  v: ModelVersion,
  all: readonly ModelVersion[],
  state: RunState,
): Settlement | undefined {
  const tags = tagsOf(v);
  const decision = tags.get(GATE_TAGS.decision);
  if (decision === undefined && tags.has('champion.run_id') && state === 'ended') {
    return {
      kind: 'undecided-version',
      problem: 'its training run ended before the promotion gate decided',
      decision: 'interrupted',
    };
  }
  if (decision === 'pending' && state !== 'live') {
    return wasChampion(v, all)
      ? {
          kind: 'pending-version',
          problem: 'the gate was stopped after @champion moved to it, before it was recorded',
          decision: 'promoted',
        }
      : {
          kind: 'pending-version',
          problem: 'the gate was stopped before @champion moved to it',
          decision: 'interrupted',
        };
  }
  if ((decision === 'promoted' || decision === 'forced') && !wasChampion(v, all)) {
    return {
      kind: 'promoted-without-alias',
      problem: `tagged ${decision}, but @champion never pointed at it (no later version replaced it)`,
      decision: 'interrupted',
    };
  }
  return undefined;
}

/** Checks (and with `repair`, settles) the versions of registered model `name`. */
export async function versionFindings(options: {
  client: MlflowClient;
  name: string;
  repair: boolean;
  staleMs: number;
}): Promise<Finding[]> {
  const { client, name } = options;
  // Version search answers without aliases: they come from the registered model.
  const aliases = (await client.registry.models.get(name)).aliases;
  const found = await client.registry.versions.searchAll({
    filter: `name = '${name.replace(/'/g, "\\'")}'`,
  });
  const all = found.map((v) => ({
    ...v,
    aliases: aliases.filter((a) => a.version === v.version).map((a) => a.alias),
  }));
  const findings: Finding[] = [];
  for (const v of all) {
    const tags = tagsOf(v);
    const decision = tags.get(GATE_TAGS.decision);
    const needsRun =
      v.aliases.includes('challenger') ||
      decision === 'pending' ||
      (decision === undefined && tags.has('champion.run_id'));
    const state = needsRun
      ? await runState({ client, runId: v.run_id, staleMs: options.staleMs })
      : 'finished';
    const subject = `${name} v${v.version}`;
    const settle = settlement(v, all, state);
    if (settle) {
      const note = `${new Date().toISOString()} champion doctor: ${settle.problem} (was ${decision ?? 'undecided'})`;
      if (options.repair) {
        const ref = { name, version: v.version };
        await client.registry.versions.setTag(ref, { key: GATE_TAGS.repaired, value: note });
        if (settle.decision === 'promoted' && !tags.has(GATE_TAGS.promotedAt))
          await client.registry.versions.setTag(ref, {
            key: GATE_TAGS.promotedAt,
            value: 'unknown (repaired)',
          });
        await client.registry.versions.setTag(ref, {
          key: GATE_TAGS.decision,
          value: settle.decision,
        });
      }
      findings.push({
        kind: settle.kind,
        subject,
        problem: settle.problem,
        fix: `set ${GATE_TAGS.decision}=${settle.decision} (was ${decision ?? 'unset'}) and record why in ${GATE_TAGS.repaired}`,
        repaired: options.repair,
      });
    }
    if (v.aliases.includes('challenger') && state !== 'finished' && state !== 'live') {
      if (options.repair) await client.registry.aliases.delete({ name, alias: 'challenger' });
      findings.push({
        kind: 'challenger-of-unfinished-run',
        subject,
        problem: `@challenger points at it, but its run ${v.run_id ?? '(none)'} did not finish`,
        fix: 'remove @challenger',
        repaired: options.repair,
      });
    }
  }
  return findings;
}
