/**
 * `champion rollback`: moves `@champion` back to `@previous` (the version the last move replaced;
 * when the alias is missing, the current champion's `replaces` tag) under the promotion lease.
 * Both versions record the rollback; `@previous` then steps one further back (the restored
 * version's own `replaces`), so rolling back twice walks back through the promotions.
 */
import { isNotFound, type MlflowClient } from 'mlflow-js-client';
import { TrainerError } from '../errors.js';
import { aliasVersion } from '../mlflow/previous-alias.js';
import { whoami } from '../mlflow/run-tags.js';
import { moveChampion } from '../registry/champion-move.js';
import { GATE_TAGS, PREVIOUS_ALIAS } from '../registry/gate-tags.js';
import type { LeaseTiming } from '../registry/lease.js';

export interface RollbackOptions {
  readonly client: MlflowClient;
  readonly name: string;
  /** Who rolls back. @default the OS user and host */
  readonly actor?: string | undefined;
  readonly leaseTiming?: Partial<LeaseTiming> | undefined;
}

async function tagOf(
  client: MlflowClient,
  ref: { name: string; version: string },
  key: string,
): Promise<string | undefined> {
  const found = (await client.registry.versions.get(ref)).tags.find((t) => t.key === key)?.value;
  return found === '' ? undefined : found;
}

/** Where `@champion` goes back to from `current`. */
async function previousOf(options: RollbackOptions, current: string | undefined): Promise<string> {
  const { client, name } = options;
  if (current === undefined)
    throw new TrainerError('CONFIG', `'${name}' has no @champion: nothing to roll back`);
  const previous =
    (await aliasVersion(client, { name, alias: PREVIOUS_ALIAS })) ??
    (await tagOf(client, { name, version: current }, GATE_TAGS.replaces));
  if (previous === undefined || previous === current)
    throw new TrainerError(
      'CONFIG',
      `'${name}' has no @previous version to roll back to from v${current} (no earlier promotion recorded)`,
    );
  return previous;
}

export async function rollbackChampion(
  options: RollbackOptions,
): Promise<{ readonly from: string; readonly to: string }> {
  const { client, name } = options;
  const who = options.actor ?? whoami();
  const at = new Date().toISOString();
  const moved = await moveChampion({
    client,
    name,
    actor: 'champion rollback',
    leaseTiming: options.leaseTiming,
    target: (current) => previousOf(options, current),
  });
  const from = moved.from ?? '';
  await client.registry.versions.setTag(
    { name, version: from },
    { key: GATE_TAGS.rolledBack, value: `${at} by ${who}: @champion moved back to v${moved.to}` },
  );
  await client.registry.versions.setTag(
    { name, version: moved.to },
    { key: GATE_TAGS.restored, value: `${at} by ${who}: @champion restored from v${from}` },
  );
  const before = await tagOf(client, { name, version: moved.to }, GATE_TAGS.replaces);
  if (before === undefined)
    await client.registry.aliases
      .delete({ name, alias: PREVIOUS_ALIAS })
      .catch((error: unknown) => {
        if (!isNotFound(error)) throw error;
      });
  else await client.registry.aliases.set({ name, alias: PREVIOUS_ALIAS }, before);
  return { from, to: moved.to };
}
