/**
 * In-test ports for the loop: windows of labelled rows from synthetic CSV files, fixed drift and
 * performance figures. Only these are fakes; MLflow, the trainer and onnxruntime are real.
 */
import { readTable, writeSynthCsv, type Table } from '@champion/tabular';
import {
  fingerprintRows,
  type DriftResult,
  type LabelledRow,
  type LoopPorts,
  type PerformanceResult,
  type Window,
  type WindowRequest,
} from '../src/index.js';

/** Labelled production rows read from a synthetic CSV (features as used, target as label). */
export async function syntheticRows(options: {
  out: string;
  rows: number;
  seed: number;
  /** Time of the first row; one row per second after it. */
  start: number;
}): Promise<LabelledRow[]> {
  await writeSynthCsv({ rows: options.rows, seed: options.seed, out: options.out });
  const { table } = await readTable(options.out);
  return rowsOf(table, options);
}

function rowsOf(table: Table, options: { seed: number; start: number }): LabelledRow[] {
  const value = (c: number, r: number): number | string | null => {
    const column = table.columns[c];
    if (column === undefined) return null;
    if (column.kind === 'numeric') {
      const v = column.values[r] ?? Number.NaN;
      return Number.isNaN(v) ? null : v;
    }
    return column.dictionary[column.codes[r] ?? -1] ?? null;
  };
  const rows: LabelledRow[] = [];
  for (let r = 0; r < table.rowCount; r++) {
    const features: Record<string, number | string | null> = {};
    let label: string | number = '';
    table.columns.forEach((column, c) => {
      if (column.name === 'default') label = value(c, r) ?? '';
      else if (column.name !== 'id') features[column.name] = value(c, r);
    });
    rows.push({
      requestId: `s${options.seed}-${r}`,
      time: new Date(options.start + r * 1000).toISOString(),
      features,
      label,
    });
  }
  return rows;
}

/** A store of windows: the window after checkpoint `cN` is batch N (then empty). */
export class FakePorts implements LoopPorts {
  readonly requests: WindowRequest[] = [];
  drifted = 0.8;
  failDrift = false;
  /** Rows every window returns instead of the batches, when set. */
  override: readonly LabelledRow[] | undefined;

  constructor(private readonly batches: readonly (readonly LabelledRow[])[]) {}

  readWindow(request: WindowRequest): Promise<Window> {
    this.requests.push(request);
    const index = request.checkpoint === undefined ? 0 : Number(request.checkpoint.slice(1));
    const rows = this.override ?? this.batches[index] ?? [];
    const checkpoint = rows.length === 0 ? (request.checkpoint ?? 'c0') : `c${index + 1}`;
    return Promise.resolve({
      from: rows[0]?.time,
      to: rows.at(-1)?.time,
      rows: rows.length,
      labelled: rows.length,
      checkpoint,
      fingerprint: fingerprintRows(rows),
      labelledRows: () => Promise.resolve(rows),
    });
  }

  drift(): Promise<DriftResult> {
    if (this.failDrift) return Promise.reject(new Error('drift engine broke'));
    const share = this.drifted;
    return Promise.resolve({
      share,
      drifted: share >= 0.5,
      columns: [
        {
          name: 'income',
          score: 0.31,
          drifted: share >= 0.5,
          method: 'wasserstein',
          threshold: 0.1,
        },
        { name: 'age', score: 0.02, drifted: false, method: 'wasserstein', threshold: 0.1 },
      ],
      html: '<!doctype html><title>drift</title>',
    });
  }

  performance(input: { window: Window }): Promise<PerformanceResult> {
    return Promise.resolve({
      labelled: input.window.labelled,
      metrics: { roc_auc: 0.81, f1: 0.5 },
    });
  }
}
