/**
 * `champion doctor`: finds what interrupted training left behind in MLflow (runs RUNNING without
 * a process, versions without a settled gate decision, `promoted` without the alias, `@challenger`
 * on a version of an unfinished run, a promotion lease whose holder is gone) and, with `repair`,
 * settles each. `champion train` runs the repair for its own model name before it starts.
 */
import { isNotFound, type MlflowClient } from 'mlflow-js-client';
import { clearStaleLease, leaseIsStale, readLease } from '../registry/lease.js';
import { describeOwner } from '../registry/owner.js';
import { DEFAULT_STALE_MS, type DoctorOptions, type Finding } from './findings.js';
import { orphanedRuns } from './runs.js';
import { versionFindings } from './versions.js';

export interface DoctorReport {
  readonly models: readonly string[];
  readonly experimentIds: readonly string[];
  readonly findings: readonly Finding[];
}

async function modelNames(client: MlflowClient, name: string | undefined): Promise<string[]> {
  if (name === undefined) return (await client.registry.models.searchAll()).map((m) => m.name);
  try {
    await client.registry.models.get(name);
    return [name];
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
}

/**
 * The experiments to search: the one named after each model (champion's default) and, unless
 * `followVersions` is off, the ones the model's versions were trained in.
 */
async function experimentsOf(options: {
  client: MlflowClient;
  names: readonly string[];
  extra: readonly string[];
  followVersions: boolean;
}): Promise<string[]> {
  const { client } = options;
  const ids = new Set(options.extra);
  for (const name of options.names) {
    const named = await client.experiments.findByName(name);
    if (named) ids.add(named.experiment_id);
    if (!options.followVersions) continue;
    const versions = await client.registry.versions.searchAll({
      filter: `name = '${name.replace(/'/g, "\\'")}'`,
    });
    const runIds = new Set(versions.map((v) => v.run_id).filter((id): id is string => !!id));
    for (const runId of runIds) {
      try {
        ids.add((await client.runs.get(runId)).info.experiment_id);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
  }
  return [...ids];
}

async function leaseFinding(options: {
  client: MlflowClient;
  name: string;
  repair: boolean;
}): Promise<Finding | undefined> {
  const lease = await readLease(options.client, options.name);
  const stale = lease && leaseIsStale(lease);
  if (!lease || !stale) return undefined;
  const why = options.repair ? await clearStaleLease(options.client, options.name) : stale;
  return {
    kind: 'stale-lease',
    subject: `${options.name} promotion lease`,
    problem: `held by ${lease.holder} (${describeOwner(lease.owner)}), ${why ?? stale}`,
    fix: 'remove the lease tag (the next promotion would take it over anyway)',
    repaired: options.repair && why !== undefined,
  };
}

/** Runs the checks (runs first: a version's state depends on whether its run ended). */
export async function doctor(client: MlflowClient, options: DoctorOptions): Promise<DoctorReport> {
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
  const models = await modelNames(client, options.name);
  const experimentIds = await experimentsOf({
    client,
    // A model never registered (its first training killed early) still has its experiment.
    names: options.name === undefined ? models : [options.name],
    extra: options.experimentIds ?? [],
    followVersions: options.followVersions !== false,
  });
  const findings: Finding[] = await orphanedRuns({
    client,
    experimentIds,
    repair: options.repair,
    staleMs,
  });
  for (const name of models) {
    findings.push(...(await versionFindings({ client, name, repair: options.repair, staleMs })));
    const lease = await leaseFinding({ client, name, repair: options.repair });
    if (lease) findings.push(lease);
  }
  return { models, experimentIds, findings };
}
