/**
 * A process whose parent dies is re-parented, and nobody will ever signal it. That happens when
 * a supervisor sends SIGTERM to `pnpm champion ...`: pnpm exits without passing the signal on, and
 * the CLI (with its MLflow server and service) would keep running. Long-running commands treat
 * the loss of their parent as a SIGTERM.
 */

/** Calls `onOrphaned` once, when the parent process goes away; returns how to stop watching. */
export function watchParent(onOrphaned: () => void, everyMs = 500): () => void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onOrphaned();
  }, everyMs);
  // The watch never keeps the process alive on its own.
  timer.unref();
  return () => clearInterval(timer);
}
