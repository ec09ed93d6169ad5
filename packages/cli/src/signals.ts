/**
 * Exit codes after a signal: a command stopped by Ctrl-C or SIGTERM shuts down cleanly, then
 * exits as a shell reports a signal's death (128 + its number: 130, 143), so scripts and
 * supervisors can tell "stopped on request" from success and from failure.
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
