import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { currentOwner, ownerFromTags, ownerState, ownerTags } from './owner.js';
import { leaseIsStale } from './lease.js';

function endedPid(): number {
  const out = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(out.stdout);
}

describe('the owner of a run', () => {
  it('round-trips through run tags', () => {
    const tags = new Map(Object.entries(ownerTags()));
    expect(ownerFromTags(tags)).toEqual(currentOwner());
  });

  it('is unknown when the tags were not written by champion', () => {
    expect(ownerFromTags(new Map([['champion.owner.pid', '12']]))).toBeUndefined();
  });

  it('is alive while it is this process', () => {
    expect(ownerState({ owner: currentOwner(), staleMs: 1 })).toEqual({ state: 'alive' });
  });

  it('is gone when its pid on this host has ended', () => {
    const owner = { ...currentOwner(), id: 'other', pid: endedPid() };
    expect(ownerState({ owner, staleMs: 1 })).toEqual({
      state: 'gone',
      why: `process ${owner.pid} on ${hostname()} is gone`,
    });
  });

  it('is gone when its pid now belongs to a process started at another time', () => {
    // The parent of this test runner is alive but did not start when the recorded owner did.
    const owner = { ...currentOwner(), id: 'other', pid: process.ppid, startedAt: 0 };
    expect(ownerState({ owner, staleMs: 1 }).state).toBe(
      process.platform === 'linux' ? 'gone' : 'alive',
    );
  });

  it('on another host, is judged by its heartbeat only', () => {
    const owner = { ...currentOwner(), id: 'far', host: 'elsewhere.example' };
    const now = Date.now();
    expect(ownerState({ owner, heartbeatAt: now - 60_000, staleMs: 30 * 60_000, now }).state).toBe(
      'unknown',
    );
    expect(
      ownerState({ owner, heartbeatAt: now - 31 * 60_000, staleMs: 30 * 60_000, now }).state,
    ).toBe('gone');
  });
});

describe('a promotion lease', () => {
  const owner = { ...currentOwner(), id: 'holder' };

  it('guards while it has not expired and its holder lives', () => {
    expect(leaseIsStale({ owner, holder: 'x', expiresAt: Date.now() + 60_000 })).toBeUndefined();
  });

  it('is stale once expired', () => {
    expect(leaseIsStale({ owner, holder: 'x', expiresAt: Date.now() - 1 })).toMatch(/^expired at /);
  });

  it('is stale at once when its holder on this host is gone', () => {
    const gone = { ...owner, pid: endedPid() };
    expect(leaseIsStale({ owner: gone, holder: 'x', expiresAt: Date.now() + 60_000 })).toMatch(
      /is gone$/,
    );
  });
});
