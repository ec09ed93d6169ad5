/**
 * `champion score` runs with a bounded V8 heap. Its working set is a few chunks, but with the
 * default limit (GBs) V8 lets garbage (chunk buffers, decoded text) pile up for hundreds of MB
 * before collecting: 1M synthetic rows peaked at 453 MB RSS without a limit and 342 MB with
 * 256 MB, at the same speed; 10M rows at 512 MB without (315 MiB with: `pnpm bench score-10m`).
 * Heap limits can only be set when the process starts, so the CLI starts itself again with the
 * flag, unless a limit is already given.
 */
import { spawn } from 'node:child_process';
import { watchParent } from './parent-watch.js';
import { signalExitCode } from './signals.js';

/** The old-space limit `champion score` runs with (MB). */
export const SCORE_HEAP_MB = 256;

const HEAP_FLAG = /--max-old-space-size|--max_old_space_size/;

/** Whether this process should start again with a heap limit. */
export function needsHeapLimit(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  execArgv: readonly string[],
): boolean {
  const args = argv.slice(2);
  const end = args.indexOf('--');
  const command = (end < 0 ? args : args.slice(0, end)).find((a) => !a.startsWith('-'));
  if (command !== 'score') return false;
  if (env['CHAMPION_HEAP_LIMITED'] === '1') return false;
  return !execArgv.some((a) => HEAP_FLAG.test(a)) && !HEAP_FLAG.test(env['NODE_OPTIONS'] ?? '');
}

/** Runs this CLI again with the heap limit; resolves with its exit code. */
export function rerunWithHeapLimit(argv: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, `--max-old-space-size=${SCORE_HEAP_MB}`, ...argv.slice(1)],
      { stdio: 'inherit', env: { ...process.env, CHAMPION_HEAP_LIMITED: '1' } },
    );
    // Ctrl-C and a pod's SIGTERM reach the child too (same process group for SIGINT from a TTY;
    // SIGTERM from an orchestrator only reaches this process).
    const forward = (signal: NodeJS.Signals): void => {
      child.kill(signal);
    };
    process.on('SIGTERM', forward);
    process.on('SIGINT', forward);
    const unwatch = watchParent(() => forward('SIGTERM'));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('SIGTERM', forward);
      process.off('SIGINT', forward);
      unwatch();
      // A child killed by a signal exits like a shell reports it: 128 + the signal's number.
      resolve(code ?? (signal === null ? 1 : signalExitCode(signal)));
    });
  });
}
