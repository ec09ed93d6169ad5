/**
 * Keeps the monitoring gauges current: reads the latest monitoring run once at start and then
 * every CHAMPION_MONITOR_REFRESH_MS (one read at a time, timers that never hold the process).
 * It never throws and never touches readiness: with no monitoring run the gauges are absent; when
 * MLflow cannot answer they keep the last figures (champion_monitor_last_run_timestamp_seconds
 * says how old). Each condition is logged once, when it starts, not on every refresh.
 */
import type { Logger } from '../http/logger.js';
import { monitoringFigures } from './figures.js';
import type { MonitoringGauges } from './gauges.js';
import type { MonitoringSource } from './latest-run.js';

export interface MonitoringRefresherOptions {
  readonly source: MonitoringSource;
  readonly gauges: MonitoringGauges;
  /** The registered model served now (undefined before one is known). */
  readonly modelName: () => string | undefined;
  /** The served model's feature names: the only feature label values (bounded). */
  readonly features: () => readonly string[];
  readonly intervalMs: number;
  readonly logger: Logger;
}

export class MonitoringRefresher {
  readonly #options: MonitoringRefresherOptions;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #stopped = false;
  /** What was last logged, so a condition is logged once. */
  #logged = '';

  constructor(options: MonitoringRefresherOptions) {
    this.#options = options;
  }

  /** Reads now, then every interval until {@link stop}. */
  start(): void {
    void this.refresh();
  }

  /** One read (joins one already under way); never rejects. */
  refresh(): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    this.#running ??= this.#read().finally(() => {
      this.#running = undefined;
      this.#schedule();
    });
    return this.#running;
  }

  /** Stops the timer; a read under way is left to end on its own, its result dropped. */
  stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    return Promise.resolve();
  }

  #schedule(): void {
    if (this.#stopped) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.refresh(), this.#options.intervalMs);
    this.#timer.unref();
  }

  async #read(): Promise<void> {
    const { source, gauges, logger } = this.#options;
    const model = this.#options.modelName();
    if (model === undefined) return;
    try {
      const latest = await source(model);
      if (this.#stopped) return;
      if (latest.kind === 'none') {
        gauges.clear();
        this.#once(`none:${latest.reason}`, () =>
          logger.info('monitoring gauges: nothing to show', { model, reason: latest.reason }),
        );
        return;
      }
      const figures = monitoringFigures(latest.run, this.#options.features());
      gauges.show(figures);
      this.#once(`run:${figures.runId}`, () => {
        const fields = { model, run_id: figures.runId };
        if (figures.problems.length === 0) logger.info('monitoring gauges: showing run', fields);
        else
          logger.warn('monitoring gauges: values left out', {
            ...fields,
            problems: figures.problems,
          });
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.#once(`failed:${message}`, () =>
        logger.warn('monitoring gauges: not refreshed, the last figures stay', {
          model,
          error: message,
        }),
      );
    }
  }

  #once(key: string, log: () => void): void {
    if (key === this.#logged) return;
    this.#logged = key;
    log();
  }
}
