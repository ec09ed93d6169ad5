/**
 * Benchmark results: one row per measured quantity, ours beside the peer a user would pick,
 * with the ratio oriented so that > 1 always means "champion is better".
 */

export interface Measurement {
  /** What was measured, e.g. "log 100 runs x 20 metrics x 10 steps". */
  readonly what: string;
  readonly unit: string;
  readonly ours: number;
  readonly peer: number;
  readonly peerName: string;
  /** Whether a lower number is better (time, memory) or a higher one (throughput, AUC). */
  readonly better: 'lower' | 'higher';
  /** Optional target, as a ratio the issue asks for (e.g. 3 = "3x the peer"). */
  readonly target?: number;
  readonly note?: string;
}

export interface BenchReport {
  readonly bench: string;
  readonly measurements: readonly Measurement[];
}

/** champion's advantage: > 1 means champion is better by that factor. */
export function advantage(m: Measurement): number {
  if (m.better === 'lower') return m.ours === 0 ? Number.POSITIVE_INFINITY : m.peer / m.ours;
  return m.peer === 0 ? Number.POSITIVE_INFINITY : m.ours / m.peer;
}

function num(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  if (abs >= 1000) return x.toFixed(0);
  if (abs >= 10) return x.toFixed(1);
  if (abs >= 1) return x.toFixed(2);
  return x.toPrecision(3);
}

/** A plain-text table, one line per measurement. */
export function formatTable(reports: readonly BenchReport[]): string {
  const header = [
    'bench',
    'what',
    'champion',
    'peer',
    'peer is',
    'unit',
    'advantage',
    'target',
    'note',
  ];
  const rows = reports.flatMap((r) =>
    r.measurements.map((m) => [
      r.bench,
      m.what,
      num(m.ours),
      num(m.peer),
      m.peerName,
      m.unit,
      `${num(advantage(m))}x`,
      m.target === undefined
        ? ''
        : `${advantage(m) >= m.target ? 'met' : 'MISSED'} (>= ${num(m.target)}x)`,
      m.note ?? '',
    ]),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
