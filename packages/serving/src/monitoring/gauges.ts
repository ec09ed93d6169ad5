/**
 * The `champion_monitor_*` gauges: the latest FINISHED monitoring run's figures on /metrics. A
 * gauge is in the registry only while it has a value, so "no monitoring run yet" (or a figure the
 * run did not log) is an absent series, never a 0 that reads as "no drift". Label values are
 * bounded: features come from the served model's schema, metrics from the contract's fixed list.
 */
import { Gauge, type Registry } from 'prom-client';
import type { MonitoringFigures } from './figures.js';

/** A gauge and its name (prom-client does not type a metric's name). */
interface Slot<L extends string = string> {
  readonly name: string;
  readonly gauge: Gauge<L>;
}

function slot<L extends string>(name: string, help: string, labelNames: L[] = []): Slot<L> {
  const full = `champion_monitor_${name}`;
  return { name: full, gauge: new Gauge<L>({ name: full, help, labelNames, registers: [] }) };
}

const LATEST = 'the latest finished monitoring run';

export class MonitoringGauges {
  readonly #registry: Registry;
  readonly #driftShare = slot('drift_share', `Share of drifted columns (0-1) in ${LATEST}.`);
  readonly #featureDrift = slot(
    'feature_drift',
    `Drift score of each feature in ${LATEST}, as its test gives it: a p-value for KS, ` +
      'chi-square and Z-test (drift below the threshold), a distance for Wasserstein and ' +
      'Jensen-Shannon (drift at or above it).',
    ['feature'],
  );
  readonly #performance = slot(
    'performance',
    `Performance on the labelled rows of ${LATEST}, by metric.`,
    ['metric'],
  );
  readonly #windowRows = slot('window_rows', `Served records in the window of ${LATEST}.`);
  readonly #windowLabelled = slot(
    'window_labelled',
    `Records with a label in the window of ${LATEST}.`,
  );
  readonly #retrainFired = slot(
    'retrain_fired',
    `1 when the retraining policy fired on ${LATEST}, else 0.`,
  );
  readonly #lastRun = slot('last_run_timestamp_seconds', `When ${LATEST} ended (Unix time).`);

  constructor(registry: Registry) {
    this.#registry = registry;
  }

  /** Shows `figures` (replacing what was shown); a figure they lack disappears. */
  show(figures: MonitoringFigures): void {
    this.#single(this.#driftShare, figures.driftShare);
    this.#single(this.#windowRows, figures.windowRows);
    this.#single(this.#windowLabelled, figures.windowLabelled);
    this.#single(this.#lastRun, figures.endedAt);
    const fired = figures.retrainFired;
    this.#single(this.#retrainFired, fired === undefined ? undefined : Number(fired));
    this.#labelled(this.#featureDrift, 'feature', figures.featureDrift);
    this.#labelled(this.#performance, 'metric', figures.performance);
  }

  /** Removes every monitoring gauge (there is no monitoring run to show). */
  clear(): void {
    for (const s of [this.#driftShare, this.#windowRows, this.#windowLabelled, this.#lastRun])
      this.#single(s, undefined);
    this.#single(this.#retrainFired, undefined);
    this.#labelled(this.#featureDrift, 'feature', new Map());
    this.#labelled(this.#performance, 'metric', new Map());
  }

  #single(s: Slot, value: number | undefined): void {
    this.#present(s, value !== undefined);
    if (value !== undefined) s.gauge.set(value);
  }

  #labelled<L extends string>(s: Slot<L>, label: L, values: ReadonlyMap<string, number>): void {
    s.gauge.reset();
    this.#present(s, values.size > 0);
    for (const [key, value] of values) s.gauge.set({ [label]: key } as Record<L, string>, value);
  }

  #present<L extends string>(s: Slot<L>, present: boolean): void {
    const registered = this.#registry.getSingleMetric(s.name) !== undefined;
    if (present && !registered) this.#registry.registerMetric(s.gauge);
    if (!present && registered) this.#registry.removeSingleMetric(s.name);
  }
}
