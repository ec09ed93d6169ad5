/**
 * Moving `@champion` outside the gate (an approval, a rollback) with the same guarantees as the
 * gate's own move (mlflow/promotion.ts): under the promotion lease, against the champion read
 * under that lease, the alias read back after the move, and undone if the lease was lost.
 */
import type { MlflowClient } from 'mlflow-js-client';
import { TrainerError } from '../errors.js';
import { aliasVersion } from '../mlflow/previous-alias.js';
import { whoami } from '../mlflow/run-tags.js';
import { PromotionLease, type LeaseTiming } from './lease.js';

export interface ChampionMoveOptions {
  readonly client: MlflowClient;
  readonly name: string;
  /** Who moves it (e.g. "champion rollback"). */
  readonly actor: string;
  /**
   * Given the current `@champion` (read under the lease), returns the version to move it to;
   * throws to refuse. It may write tags (e.g. `pending`) before the move.
   */
  readonly target: (current: string | undefined) => Promise<string>;
  readonly leaseTiming?: Partial<LeaseTiming> | undefined;
}

/** Moves `@champion` under the lease; returns where it pointed before and where it points now. */
export async function moveChampion(
  options: ChampionMoveOptions,
): Promise<{ readonly from: string | undefined; readonly to: string }> {
  const { client, name } = options;
  const ref = { name, alias: 'champion' };
  const lease = await PromotionLease.acquire({
    client,
    name,
    holder: `${options.actor} (${whoami()})`,
    timing: options.leaseTiming,
  });
  try {
    const from = await aliasVersion(client, ref);
    const to = await options.target(from);
    await lease.verify();
    await client.registry.aliases.set(ref, to);
    const now = await aliasVersion(client, ref);
    if (now !== to)
      throw new TrainerError(
        'GATE',
        `after moving @champion of '${name}' to v${to} it pointed at v${now ?? '(none)'}: another writer moved it`,
      );
    try {
      await lease.verify(0);
    } catch (error) {
      if (from === undefined) await client.registry.aliases.delete(ref);
      else await client.registry.aliases.set(ref, from);
      throw error;
    }
    return { from, to };
  } finally {
    await lease.release().catch(() => undefined);
  }
}
