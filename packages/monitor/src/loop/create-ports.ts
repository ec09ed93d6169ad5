/**
 * Where `champion monitor run` gets its ports: the inference store (`CHAMPION_INFERENCE_STORE`,
 * @champion/inference-store), drift against the served version's stored reference
 * (monitor/drift) and performance from the labels joined to the window (monitor/performance).
 * Built in this one function so the command and the CronJob wire them the same way.
 *
 * `readWindow` reads the store once: each record of the watched model feeds the drift
 * accumulator (features as received, so a new category counts as drift) and the performance
 * accumulator; its labelled records are kept for retraining. `drift` and `performance` then
 * compute from what that pass collected.
 *
 * Labels are joined at read time: a label that arrives after a window was read is not seen by
 * a later window (its record is behind the checkpoint). Send labels before the monitoring turn
 * that should count them.
 */
import {
  inferenceStoreSetting,
  openInferenceStore,
  type ServedRecord,
} from '@champion/inference-store';
import type { MlflowClient } from 'mlflow-js-client';
import { DriftAccumulator } from '../drift/accumulator.js';
import { downloadModelReference, type LoadedReference } from '../drift/reference-io.js';
import { driftReportJson, runDrift, SCORE_HISTOGRAM } from '../drift/report.js';
import { PerformanceAccumulator } from '../performance/accumulator.js';
import { performanceReport } from '../performance/report.js';
import { driftReportHtml } from '../report/html.js';
import { aliasVersion } from '@champion/trainer';
import { MonitorLoopError } from './errors.js';
import { fingerprintRows } from './fingerprint.js';
import { performanceResult } from './performance-result.js';
import type { DriftResult, LabelledRow, LoopPorts, Window, WindowRequest } from './ports.js';

export interface LoopPortOptions {
  /** The registered model watched. */
  readonly name: string;
  /** Environment (CHAMPION_INFERENCE_STORE, ...). */
  readonly env: NodeJS.ProcessEnv;
  /** The tracking server of this turn (to download the model's drift reference). */
  readonly client: MlflowClient;
  /** Labels a performance figure needs (the policy's `performance.minLabels`). */
  readonly minLabels?: number | undefined;
}

/** The probability's column in the drift data: not a name a feature can have in a CSV header. */
const SCORE_COLUMN = '\u0000probability';

/** What one pass over the store collected for a window. */
interface Collected {
  readonly reference: LoadedReference;
  readonly drift: DriftAccumulator;
  readonly performance: PerformanceAccumulator;
  readonly labelled: LabelledRow[];
  readonly source: string;
}

function labelledRow(record: ServedRecord, trueLabel: string): LabelledRow {
  const unseen = new Set(record.unseen);
  // fromEntries defines own keys, so even a feature named `__proto__` stays a feature.
  const features = Object.fromEntries(
    Object.entries(record.features).map(([k, v]) => [k, unseen.has(k) ? null : v]),
  );
  return {
    requestId: record.requestId,
    time: record.time.toISOString(),
    features,
    label: trueLabel,
  };
}

/** Class index of `label` among the record's [negative, positive] classes, if it is one. */
function classIndex(record: ServedRecord, label: string | undefined): 0 | 1 | undefined {
  if (label === undefined || record.classes === undefined) return undefined;
  if (label === record.classes[1]) return 1;
  return label === record.classes[0] ? 0 : undefined;
}

/** Whether `record` carries every feature the model scores (else it is another model's). */
function hasFeatures(record: ServedRecord, features: readonly string[]): boolean {
  for (const name of features) if (!Object.hasOwn(record.features, name)) return false;
  return true;
}

function collect(record: ServedRecord, into: Collected): void {
  into.drift.addRecord({ ...record.features, [SCORE_COLUMN]: record.probability });
  const predicted = classIndex(record, record.label);
  if (predicted !== undefined) {
    const actual = classIndex(record, record.trueLabel);
    into.performance.add({
      time: record.time.getTime(),
      probability: record.probability,
      predicted,
      ...(actual === undefined ? {} : { actual }),
    });
  }
  if (record.trueLabel !== undefined) into.labelled.push(labelledRow(record, record.trueLabel));
}

function instant(value: string | undefined): Date | undefined {
  return value === undefined ? undefined : new Date(value);
}

/** The `@champion` version now, whose reference the window is compared with. */
async function championVersion(options: LoopPortOptions): Promise<string> {
  const version = await aliasVersion(options.client, { name: options.name, alias: 'champion' });
  if (version === undefined)
    throw new MonitorLoopError('CONFIG', `'${options.name}' has no @champion to compare with`);
  return version;
}

async function readWindow(
  options: LoopPortOptions,
  request: WindowRequest,
): Promise<{ window: Window; collected: Collected }> {
  const version = await championVersion(options);
  const reference = await downloadModelReference(
    `models:/${options.name}/${version}`,
    options.client,
  );
  const features = reference.data.columns.map((c) => c.name);
  const store = await openInferenceStore({ setting: inferenceStoreSetting(options.env) });
  const collected: Collected = {
    reference,
    drift: new DriftAccumulator([...features, SCORE_COLUMN]),
    performance: new PerformanceAccumulator(),
    labelled: [],
    source: `inference store ${store.location}`,
  };
  let from: Date | undefined;
  let to: Date | undefined;
  let rows = 0;
  let foreign = 0;
  try {
    const scan = store.scan({
      after: request.since === undefined ? request.checkpoint : undefined,
      from: instant(request.since),
      to: instant(request.until),
    });
    for await (const page of scan.pages()) {
      for (const record of page) {
        if (record.model !== request.name) continue;
        if (!hasFeatures(record, features)) {
          foreign++;
          continue;
        }
        rows++;
        from ??= record.time;
        to = record.time;
        collect(record, collected);
      }
    }
    const { checkpoint, corrupt, problems } = scan.summary;
    if (corrupt > 0 && rows === 0) {
      throw new MonitorLoopError(
        'DATA',
        `the inference store ${store.location} holds ${corrupt} unreadable records and none readable in this window (first: ${problems[0]?.where ?? '?'}: ${problems[0]?.problem ?? '?'})`,
      );
    }
    const labelled = collected.labelled;
    const window: Window = {
      from: from?.toISOString(),
      to: to?.toISOString(),
      rows,
      labelled: labelled.length,
      checkpoint,
      fingerprint: fingerprintRows(labelled),
      foreign,
      labelledRows: () => Promise.resolve(labelled),
    };
    return { window, collected };
  } finally {
    await store.close();
  }
}

export function createLoopPorts(options: LoopPortOptions): LoopPorts {
  // Each window keeps what its pass collected, for drift and performance.
  const collectedBy = new WeakMap<Window, Collected>();
  const of = (window: Window): Collected => {
    const collected = collectedBy.get(window);
    if (collected === undefined)
      throw new MonitorLoopError('CONFIG', 'this window was not read by these ports');
    return collected;
  };
  return {
    async readWindow(request) {
      const { window, collected } = await readWindow(options, request);
      collectedBy.set(window, collected);
      return window;
    },
    drift({ model, window }): Promise<DriftResult> {
      const collected = of(window);
      const report = runDrift({
        reference: collected.reference,
        current: collected.drift.finish(),
        currentSource: collected.source,
        scoreColumn: SCORE_COLUMN,
      });
      const json = driftReportJson(report);
      const prediction = json['prediction'];
      return Promise.resolve({
        share: report.share,
        drifted: report.drifted,
        columns: report.columns,
        ...(prediction === null || typeof prediction !== 'object'
          ? {}
          : { prediction: prediction as Record<string, unknown> }),
        html: driftReportHtml(
          report,
          `${model.name} v${model.version}: drift of the served window`,
        ),
        histograms: {
          columns: Object.fromEntries(
            Object.entries(report.histograms ?? {}).filter(([k]) => k !== SCORE_HISTOGRAM),
          ),
          score: report.histograms?.[SCORE_HISTOGRAM] ?? null,
        },
      });
    },
    performance({ window }) {
      const report = performanceReport(of(window).performance.rows(), {
        ...(options.minLabels === undefined ? {} : { minLabels: options.minLabels }),
      });
      return Promise.resolve(performanceResult(report.overall));
    },
  };
}
