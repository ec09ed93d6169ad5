/**
 * Exit codes after a signal: a command stopped by Ctrl-C shuts down cleanly, then exits as a
 * shell reports a death by SIGINT (128 + 2 = 130), so scripts can tell "interrupted" from success
 * and from failure. Which signal was handled first is remembered here.
 */
import { constants } from 'node:os';

let received: NodeJS.Signals | undefined;

/** Remembers the first shutdown signal this process handled. */
export function recordShutdownSignal(signal: NodeJS.Signals): void {
  received ??= signal;
}

/** The first shutdown signal handled, if any. */
export function shutdownSignalReceived(): NodeJS.Signals | undefined {
  return received;
}

/** 128 + the signal's number, as a shell reports it. */
export function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + constants.signals[signal];
}
