/**
 * The one shutdown sequence of the serving process:
 * 1. readiness fails at once (/readyz 503, /health "draining");
 * 2. the server keeps serving normally (listener open, keep-alive allowed) for the drain delay,
 *    so load balancers and Kubernetes endpoints stop routing to it before anything is refused
 *    (skipped when no model was ever served: there is no traffic to drain);
 * 3. it stops accepting: the listener closes, responses carry `Connection: close`, idle
 *    keep-alive sockets are closed;
 * 4. in-flight requests finish within the grace period (counted from step 3); what is still
 *    running then is logged and cut;
 * 5. the host, the inference log (flushed), the MLflow client and metrics are closed, bounded
 *    by what is left of the grace period.
 *
 * Repeated signals escalate, never silently: a second one during the drain delay ends the delay
 * (in-flight requests still finish within the grace period); any later one (or a second one
 * after the delay) cuts in-flight requests at once. Each is logged, and a cut makes the report
 * unclean (the CLI then exits non-zero).
 */
import type { Server } from 'node:http';
import type { Logger } from './http/logger.js';
import type { ServingState } from './http/state.js';
import type { InFlightRequests } from './in-flight.js';

/** How the shutdown ended. */
export interface ShutdownReport {
  /** True when every request finished and every cleanup completed in time. */
  readonly clean: boolean;
  /** Requests still running when the grace period ended (or a third signal came). */
  readonly cutRequests: number;
  /** Cleanups that failed or did not finish in time (e.g. 'inference log'). */
  readonly unfinished: readonly string[];
}

export interface ShutdownCleanup {
  readonly name: string;
  readonly run: () => Promise<void>;
}

export interface ShutdownOptions {
  readonly server: Server;
  readonly state: ServingState;
  readonly inFlight: InFlightRequests;
  readonly drainDelayMs: number;
  readonly graceMs: number;
  readonly logger: Logger;
  /** Whether anything could be routed here (a model is served); if not, no drain delay. */
  readonly serving: () => boolean;
  /** Closed in order after the last request (host.stop, sink.close, client.close...). */
  readonly cleanups: readonly ShutdownCleanup[];
}

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

/** A promise that something else settles: the drain delay's end, the order to cut. */
function trigger(): { promise: Promise<void>; fire: () => void } {
  let fire: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => (fire = resolve));
  return { promise, fire };
}

export class ShutdownSequence {
  readonly #options: ShutdownOptions;
  readonly #endDelay = trigger();
  readonly #cut = trigger();
  #running: Promise<ShutdownReport> | undefined;
  #signals = 0;
  #phase: 'serving' | 'draining' | 'closing' = 'serving';

  constructor(options: ShutdownOptions) {
    this.#options = options;
  }

  /** Starts the sequence (once); every call returns the same report. */
  run(reason = 'requested'): Promise<ShutdownReport> {
    this.#running ??= this.#sequence(reason);
    return this.#running;
  }

  /** What a process signal does: start, then skip the drain delay, then cut. */
  signal(signal: NodeJS.Signals): Promise<ShutdownReport> {
    this.#signals += 1;
    const { logger } = this.#options;
    if (this.#signals === 1) return this.run(signal);
    if (this.#signals === 2 && this.#phase === 'draining') {
      logger.warn('second signal: skipping the rest of the drain delay', {
        signal,
        inFlight: this.#options.inFlight.size,
        next: 'a third signal cuts in-flight requests',
      });
      this.#endDelay.fire();
    } else {
      logger.warn('repeated signal: cutting in-flight requests now', {
        signal,
        inFlight: this.#options.inFlight.size,
      });
      this.#endDelay.fire();
      this.#cut.fire();
    }
    return this.run(signal);
  }

  async #sequence(reason: string): Promise<ShutdownReport> {
    await this.#drainDelay(reason);
    const closedAt = Date.now();
    const cutRequests = await this.#stopAccepting();
    // A response's inference record is appended one event-loop turn after it is sent
    // (scoring.ts), which can be after its connection closed: let that turn run before the
    // log is closed, or the last answered predictions would be dropped.
    await new Promise((resolve) => setImmediate(resolve));
    const unfinished = await this.#cleanups(closedAt + this.#options.graceMs);
    const report = { clean: cutRequests === 0 && unfinished.length === 0, cutRequests, unfinished };
    const log = this.#options.logger;
    if (report.clean) log.info('stopped', { ...report, shutdownMs: Date.now() - closedAt });
    else log.error('stopped with work cut or unfinished', report);
    return report;
  }

  /** Readiness fails; everything else carries on for the drain delay. */
  async #drainDelay(reason: string): Promise<void> {
    const { state, logger, drainDelayMs } = this.#options;
    state.shuttingDown = true;
    this.#phase = 'draining';
    const delayMs = this.#options.serving() ? drainDelayMs : 0;
    logger.info('draining: readiness now fails; still serving until the drain delay ends', {
      reason,
      drainDelayMs: delayMs,
      ...(delayMs < drainDelayMs ? { why: 'no model was served: nothing to drain' } : {}),
      graceMs: this.#options.graceMs,
    });
    await within(this.#endDelay.promise, delayMs);
  }

  /** Closes the listener and waits for in-flight requests; returns how many had to be cut. */
  async #stopAccepting(): Promise<number> {
    const { server, inFlight, logger, graceMs } = this.#options;
    this.#phase = 'closing';
    inFlight.closeConnections();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Sockets that became idle after answering with keep-alive (their response was already
    // under way when the listener closed) are closed as soon as they are.
    const sweeper = setInterval(() => server.closeIdleConnections(), 50);
    server.closeIdleConnections();
    logger.info('stopped accepting connections; finishing in-flight requests', {
      inFlight: inFlight.size,
      graceMs,
    });
    // Keep a share of the grace period for closing the host and flushing the log.
    const waitMs = Math.max(0, graceMs - Math.min(2000, graceMs / 4));
    const outcome = await within(Promise.race([closed, this.#cut.promise]), waitMs);
    clearInterval(sweeper);
    const cut = inFlight.list();
    if (cut.length > 0)
      logger.error('shutdown: cutting requests still in flight', {
        cause: outcome === 'timeout' ? 'grace period over' : 'repeated signal',
        graceMs,
        count: cut.length,
        requests: cut.slice(0, 50),
      });
    // Also whatever holds a socket without a request (a client still sending headers).
    server.closeAllConnections();
    return cut.length;
  }

  /** Runs the cleanups in order until `deadline`; returns those that failed or timed out. */
  async #cleanups(deadline: number): Promise<string[]> {
    const { logger } = this.#options;
    const unfinished: string[] = [];
    for (const cleanup of this.#options.cleanups) {
      const failed = cleanup.run().then(
        () => false,
        (err: unknown) => {
          logger.error(`shutdown: ${cleanup.name} failed`, {
            error: err instanceof Error ? err.message : String(err),
          });
          return true;
        },
      );
      const result = await within(failed, deadline - Date.now());
      if (result === 'timeout') {
        logger.error(`shutdown: ${cleanup.name} did not finish within the grace period`);
        unfinished.push(cleanup.name);
      } else if (await failed) unfinished.push(cleanup.name);
    }
    return unfinished;
  }
}
