/**
 * Which process owns a training run or the promotion lease, and whether it still lives. A run
 * records its owner (host, pid, process start time, a random id) as tags when it starts, so a
 * later `champion train` or `champion doctor` can tell a run that is still being worked on from
 * one whose process was killed (SIGKILL, OOM, a lost pod) and stayed RUNNING.
 *
 * On the same host the pid decides (and its start time, so a reused pid is not taken for the
 * owner); on another host only the heartbeat can: a run whose heartbeat is older than the stale
 * limit is taken for orphaned. This module does not guess across hosts beyond that.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

export const OWNER_TAGS = {
  id: 'champion.owner.id',
  host: 'champion.owner.host',
  pid: 'champion.owner.pid',
  started: 'champion.owner.started_at',
  heartbeat: 'champion.owner.heartbeat_at',
  stage: 'champion.stage',
} as const;

/** The process that owns a run or a lease. */
export interface ProcessOwner {
  /** Random per process: two processes never share it, even with a reused pid. */
  readonly id: string;
  readonly host: string;
  readonly pid: number;
  /** When the process started (ms since the epoch). */
  readonly startedAt: number;
}

let self: ProcessOwner | undefined;

/** This process as an owner (the same object for the whole process). */
export function currentOwner(): ProcessOwner {
  self ??= {
    id: randomUUID(),
    host: hostname(),
    pid: process.pid,
    startedAt: Math.round(Date.now() - process.uptime() * 1000),
  };
  return self;
}

/** The owner as run tags, written when a run is created. */
export function ownerTags(owner: ProcessOwner = currentOwner()): Record<string, string> {
  return {
    [OWNER_TAGS.id]: owner.id,
    [OWNER_TAGS.host]: owner.host,
    [OWNER_TAGS.pid]: String(owner.pid),
    [OWNER_TAGS.started]: String(owner.startedAt),
    [OWNER_TAGS.heartbeat]: String(Date.now()),
  };
}

/** The owner recorded in `tags`, or undefined when the run was not started by champion. */
export function ownerFromTags(tags: ReadonlyMap<string, string>): ProcessOwner | undefined {
  const pid = Number(tags.get(OWNER_TAGS.pid));
  const startedAt = Number(tags.get(OWNER_TAGS.started));
  const host = tags.get(OWNER_TAGS.host);
  const id = tags.get(OWNER_TAGS.id);
  if (!host || !id || !Number.isSafeInteger(pid) || pid <= 0 || !Number.isFinite(startedAt))
    return undefined;
  return { id, host, pid, startedAt };
}

/** Linux: when process `pid` started (ms since the epoch), from /proc; undefined elsewhere. */
function procStartedAt(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime, clock ticks since boot) counted after the ")" closing the command.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    const btime = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1];
    // USER_HZ is 100 on every Linux architecture Node supports.
    return btime === undefined || !Number.isFinite(ticks)
      ? undefined
      : Number(btime) * 1000 + ticks * 10;
  } catch {
    return undefined;
  }
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** How far apart a recorded start time and /proc's may be for the same process. */
const START_TOLERANCE_MS = 5_000;

export type OwnerState =
  | { readonly state: 'alive' }
  | { readonly state: 'gone'; readonly why: string }
  | { readonly state: 'unknown'; readonly why: string };

/**
 * Whether `owner` still runs. Same host: by pid and start time. Other hosts: by the heartbeat,
 * gone once it is older than `staleMs`.
 */
export function ownerState(options: {
  owner: ProcessOwner;
  heartbeatAt?: number | undefined;
  staleMs: number;
  now?: number;
}): OwnerState {
  const { owner } = options;
  const now = options.now ?? Date.now();
  if (owner.host === hostname()) {
    if (owner.id === currentOwner().id) return { state: 'alive' };
    if (!pidExists(owner.pid))
      return { state: 'gone', why: `process ${owner.pid} on ${owner.host} is gone` };
    const started = procStartedAt(owner.pid);
    if (started !== undefined && Math.abs(started - owner.startedAt) > START_TOLERANCE_MS) {
      return {
        state: 'gone',
        why: `process ${owner.pid} on ${owner.host} is gone (the pid now belongs to a process started at ${new Date(started).toISOString()})`,
      };
    }
    return { state: 'alive' };
  }
  const beat = options.heartbeatAt ?? owner.startedAt;
  if (now - beat > options.staleMs) {
    return {
      state: 'gone',
      why: `no heartbeat from ${owner.host} (pid ${owner.pid}) since ${new Date(beat).toISOString()}, over ${Math.round(options.staleMs / 60_000)} min ago`,
    };
  }
  return { state: 'unknown', why: `owned by ${owner.host} (pid ${owner.pid}), heartbeat recent` };
}

/** Human name of an owner, for lease holders and reasons. */
export function describeOwner(owner: ProcessOwner): string {
  return `pid ${owner.pid} on ${owner.host}`;
}
