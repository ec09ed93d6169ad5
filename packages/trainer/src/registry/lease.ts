/**
 * The promotion lease: MLflow has no compare-and-set on aliases, so moving `@champion` is guarded
 * by a lease held in a registered-model tag (`champion.lease`: owner, holder, expiry).
 *
 * Acquiring follows Fischer's timed mutual exclusion: read the tag; if it is free (absent,
 * expired, or held by a process on this host that is gone) write our own lease, wait `settleMs`,
 * and read it again: we own it only if it still names us. Two writers that both saw it free both
 * write, and the later write wins for both readers. This is safe as long as no writer takes longer
 * than `settleMs` between reading "free" and its write landing (one HTTP round trip); the
 * holder re-verifies before moving the alias and the gate checks the alias after the move, so a
 * writer paused beyond that is detected instead of silently winning.
 *
 * What it does not do: fence a holder paused beyond the lease's TTL. The TTL (default 2 min)
 * covers the critical section (a re-score of the champion, a few tag writes and the move).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { isNotFound, MlflowError, type MlflowClient } from 'mlflow-js-client';
import { z } from 'zod';
import { TrainerError } from '../errors.js';
import { currentOwner, describeOwner, ownerState, type ProcessOwner } from './owner.js';

export const LEASE_TAG = 'champion.lease';

const leaseSchema = z.object({
  owner: z.object({
    id: z.string().min(1),
    host: z.string().min(1),
    pid: z.number().int().positive(),
    startedAt: z.number(),
  }),
  holder: z.string(),
  expiresAt: z.number(),
});
export type LeaseRecord = z.infer<typeof leaseSchema>;

/** Timing of the lease; the defaults suit a real MLflow server. */
export interface LeaseTiming {
  /** How long a lease lasts unless renewed (ms). @default 120000 */
  readonly ttlMs: number;
  /** Wait between writing the lease and re-reading it (ms). @default 1500 */
  readonly settleMs: number;
  /** Give up waiting for another holder after this long (ms). @default 600000 */
  readonly waitMs: number;
  /** Poll interval while another process holds it (ms). @default 1000 */
  readonly pollMs: number;
}

export const DEFAULT_LEASE_TIMING: LeaseTiming = {
  ttlMs: 120_000,
  settleMs: 1_500,
  waitMs: 600_000,
  pollMs: 1_000,
};

/** The lease currently recorded on `name` (undefined when none or unreadable). */
export async function readLease(
  client: MlflowClient,
  name: string,
): Promise<LeaseRecord | undefined> {
  const model = await client.registry.models.get(name);
  const raw = model.tags.find((t) => t.key === LEASE_TAG)?.value;
  if (raw === undefined || raw === '') return undefined;
  try {
    return leaseSchema.parse(JSON.parse(raw));
  } catch {
    // An unreadable lease guards nothing: treat it as free (it is overwritten on acquire).
    return undefined;
  }
}

/** Why a recorded lease no longer guards anything, or undefined while it does. */
export function leaseIsStale(lease: LeaseRecord, now = Date.now()): string | undefined {
  if (lease.expiresAt <= now) return `expired at ${new Date(lease.expiresAt).toISOString()}`;
  const state = ownerState({ owner: lease.owner, staleMs: Number.POSITIVE_INFINITY, now });
  return state.state === 'gone' ? state.why : undefined;
}

/** A held lease: renew it, check it is still ours, release it. */
export class PromotionLease {
  private readonly client: MlflowClient;
  readonly name: string;
  private record: LeaseRecord;
  private readonly timing: LeaseTiming;

  private constructor(held: {
    client: MlflowClient;
    name: string;
    record: LeaseRecord;
    timing: LeaseTiming;
  }) {
    this.client = held.client;
    this.name = held.name;
    this.record = held.record;
    this.timing = held.timing;
  }

  /**
   * Waits until the lease of `name` is free, takes it and confirms it. Throws TrainerError GATE
   * when another holder keeps it beyond `waitMs`, ABORTED when `signal` fires while waiting.
   */
  static async acquire(options: {
    client: MlflowClient;
    name: string;
    /** Who holds it, for the humans reading the tag (e.g. "champion train of run 1a2b…"). */
    holder: string;
    timing?: Partial<LeaseTiming> | undefined;
    signal?: AbortSignal | undefined;
    onWait?: ((holder: LeaseRecord) => void) | undefined;
  }): Promise<PromotionLease> {
    const timing = { ...DEFAULT_LEASE_TIMING, ...options.timing };
    const { client, name } = options;
    const owner = currentOwner();
    const deadline = Date.now() + timing.waitMs;
    let reported: string | undefined;
    for (;;) {
      if (options.signal?.aborted) throw abortedWhileWaiting(options.signal);
      const seen = await readLease(client, name);
      if (seen && seen.owner.id !== owner.id && leaseIsStale(seen) === undefined) {
        if (reported !== seen.owner.id) options.onWait?.(seen);
        reported = seen.owner.id;
        if (Date.now() > deadline) {
          throw new TrainerError(
            'GATE',
            `the promotion lease of '${name}' is held by ${seen.holder} (${describeOwner(seen.owner)}) until ${new Date(seen.expiresAt).toISOString()}; waited ${Math.round(timing.waitMs / 1000)} s`,
          );
        }
        await sleep(timing.pollMs, undefined, { signal: options.signal }).catch(() => undefined);
        continue;
      }
      let record: LeaseRecord;
      try {
        record = await writeLease({ client, name, owner, holder: options.holder, timing });
      } catch (error) {
        if (!isConcurrentInsert(error)) throw error;
        // Another writer created the tag in the same instant: it may hold it now; look again.
        await sleep(Math.random() * timing.pollMs);
        continue;
      }
      await sleep(timing.settleMs);
      const confirmed = await readLease(client, name);
      if (confirmed?.owner.id === owner.id)
        return new PromotionLease({ client, name, record, timing });
    }
  }

  /** When the lease runs out unless renewed (ms since the epoch). */
  get expiresAt(): number {
    return this.record.expiresAt;
  }

  /**
   * Throws TrainerError GATE unless the registry still names us as holder with at least
   * `minRemainingMs` left; renews the lease first when less than half its TTL is left.
   */
  async verify(minRemainingMs = 30_000): Promise<void> {
    const seen = await readLease(this.client, this.name);
    if (seen?.owner.id !== currentOwner().id) {
      throw new TrainerError(
        'GATE',
        `lost the promotion lease of '${this.name}'${seen ? ` to ${seen.holder} (${describeOwner(seen.owner)})` : ' (released by someone else)'}`,
      );
    }
    if (seen.expiresAt - Date.now() < this.timing.ttlMs / 2) {
      this.record = await writeLease({
        client: this.client,
        name: this.name,
        owner: currentOwner(),
        holder: this.record.holder,
        timing: this.timing,
      });
    }
    if (this.record.expiresAt - Date.now() < minRemainingMs) {
      throw new TrainerError('GATE', `the promotion lease of '${this.name}' is about to expire`);
    }
  }

  /** Gives the lease back if it is still ours (never removes another holder's). */
  async release(): Promise<void> {
    const seen = await readLease(this.client, this.name);
    if (seen?.owner.id === currentOwner().id)
      await this.client.registry.models.deleteTag(this.name, LEASE_TAG);
  }
}

async function writeLease(options: {
  client: MlflowClient;
  name: string;
  owner: ProcessOwner;
  holder: string;
  timing: LeaseTiming;
}): Promise<LeaseRecord> {
  const record: LeaseRecord = {
    owner: { ...options.owner },
    holder: options.holder,
    expiresAt: Date.now() + options.timing.ttlMs,
  };
  await options.client.registry.models.setTag(options.name, LEASE_TAG, JSON.stringify(record));
  return record;
}

/**
 * MLflow inserts a registered-model tag that does not exist yet, so two writers creating it at
 * once make the database refuse one of them (a unique constraint: HTTP 400 on sqlite and
 * PostgreSQL). That is a lost race for the lease, not a failure.
 */
function isConcurrentInsert(error: unknown): boolean {
  return (
    error instanceof MlflowError &&
    /unique constraint|integrityerror|duplicate key/i.test(error.message)
  );
}

function abortedWhileWaiting(signal: AbortSignal): TrainerError {
  return new TrainerError(
    'ABORTED',
    `interrupted while waiting for the promotion lease (${String(signal.reason ?? 'aborted')})`,
  );
}

/** Removes a lease whose holder is gone or expired; returns why, or undefined if it was kept. */
export async function clearStaleLease(
  client: MlflowClient,
  name: string,
): Promise<string | undefined> {
  let lease: LeaseRecord | undefined;
  try {
    lease = await readLease(client, name);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
  const stale = lease && leaseIsStale(lease);
  if (!lease || !stale) return undefined;
  await client.registry.models.deleteTag(name, LEASE_TAG);
  return `lease held by ${lease.holder} (${describeOwner(lease.owner)}) ${stale}`;
}
