/**
 * Server processes for the serving bench: started in their own process group, awaited on an
 * HTTP readiness path, measured for peak RSS (VmHWM summed over the group), then killed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface BenchServer {
  readonly name: string;
  readonly url: string;
  /** Peak resident memory of the whole process group so far, in MiB. */
  peakRssMiB(): number;
  stop(): void;
}

function groupPids(pgid: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): state ppid pgrp ...
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) pids.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}

function peakKiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

export async function startBenchServer(options: {
  name: string;
  command: string;
  args: readonly string[];
  url: string;
  readyPath: string;
  env?: NodeJS.ProcessEnv;
  cwd: string;
  timeoutMs?: number;
}): Promise<BenchServer> {
  const child: ChildProcess = spawn(options.command, [...options.args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const keep = (d: Buffer): void => void (output = (output + d.toString()).slice(-5000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const pid = child.pid ?? -1;
  const stop = (): void => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  const end = Date.now() + (options.timeoutMs ?? 180_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${options.name} exited: ${output}`);
    try {
      const res = await fetch(`${options.url}${options.readyPath}`);
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > end) {
      stop();
      throw new Error(`${options.name} not ready at ${options.url}: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    name: options.name,
    url: options.url,
    peakRssMiB: () => groupPids(pid).reduce((sum, p) => sum + peakKiB(p), 0) / 1024,
    stop,
  };
}
