/**
 * Graceful shutdown of a listening server: readiness fails at once, no new connections are
 * accepted, in-flight requests finish (idle keep-alive sockets are closed as they become idle),
 * and after `graceMs` whatever is left is cut. Then the host and the sink are closed, each
 * bounded by what remains of the grace period.
 */
import type { Server } from 'node:http';
import type { Logger } from './http/logger.js';
import type { ServingState } from './http/state.js';

/** Resolves with `work`'s outcome, or after `ms` (then reporting a timeout). */
async function within(work: Promise<unknown>, ms: number): Promise<'done' | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), Math.max(0, ms));
  });
  try {
    return await Promise.race([work.then(() => 'done' as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface ShutdownOptions {
  readonly server: Server;
  readonly state: ServingState;
  readonly graceMs: number;
  readonly logger: Logger;
  /** Closed in order after the last request (host.stop, sink.close, client.close...). */
  readonly cleanups: readonly { readonly name: string; readonly run: () => Promise<void> }[];
}

export async function gracefulShutdown(options: ShutdownOptions): Promise<void> {
  const { server, state, logger, graceMs } = options;
  const deadline = Date.now() + graceMs;
  state.shuttingDown = true;
  // Keep a share of the grace period for closing the host and flushing the log.
  const drainMs = Math.max(0, graceMs - Math.min(2000, graceMs / 4));
  const drained = new Promise<void>((resolve) => server.close(() => resolve()));
  const sweeper = setInterval(() => server.closeIdleConnections(), 50);
  server.closeIdleConnections();
  const outcome = await within(drained, drainMs);
  clearInterval(sweeper);
  if (outcome === 'timeout') {
    logger.warn('shutdown grace period over: closing connections with requests still in flight', {
      graceMs,
    });
    server.closeAllConnections();
  }
  for (const cleanup of options.cleanups) {
    const result = await within(
      cleanup.run().catch((err: unknown) => {
        logger.error(`shutdown: ${cleanup.name} failed`, {
          error: err instanceof Error ? err.message : String(err),
        });
      }),
      deadline - Date.now(),
    );
    if (result === 'timeout')
      logger.warn(`shutdown: ${cleanup.name} did not finish within the grace period`);
  }
}
