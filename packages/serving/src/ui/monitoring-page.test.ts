import type { MonitoringPoint } from './monitoring-data.js';
import { monitoringPageBody } from './monitoring-page.js';

const flat = (text: string): string => text.replace(/\s+/g, ' ').replace(/> </g, '><');

function point(options: {
  at: number;
  fired: boolean;
  share: number;
  reasons: string[];
}): MonitoringPoint {
  return {
    runId: `run-${options.at}`,
    startedAt: options.at,
    metrics: new Map([
      ['drift_share', options.share],
      ['drift.income', 0.3],
      ['window_rows', 500],
      ['window_labelled', 250],
      ['label_coverage', 0.5],
      ['roc_auc', 0.74],
    ]),
    modelVersion: '3',
    fired: String(options.fired),
    action: options.fired ? 'retrained-promoted' : 'none',
    reasons: options.reasons,
  };
}

const histogram = { labels: ['a', 'b'], reference: [0.5, 0.5], current: [0.9, 0.1] };

describe('the monitoring page', () => {
  it('says how to start monitoring before the first run', () => {
    const out = flat(
      monitoringPageBody('credit', { kind: 'none', reason: 'no experiment credit-monitoring yet' })
        .value,
    );
    expect(out).toContain('No monitoring run yet');
    expect(out).toContain('pnpm champion monitor run --name credit');
  });

  it('charts the runs and logs each decision, fired or skipped, with its reasons, newest first', () => {
    const out = flat(
      monitoringPageBody('credit', {
        kind: 'runs',
        points: [
          point({
            at: 1_760_000_000_000,
            fired: false,
            share: 0.1,
            reasons: ['drift: share 0.1 < 0.5'],
          }),
          point({
            at: 1_760_000_900_000,
            fired: true,
            share: 0.8,
            reasons: ['drift: share 0.8 ≥ 0.5', '<b>x</b>'],
          }),
        ],
        report: {
          drift: {
            columns: [
              { name: 'income', method: 'ks', score: 0.01, threshold: 0.05, drifted: true },
            ],
          },
          histograms: { columns: { income: histogram }, score: histogram },
        },
        reportProblem: undefined,
      }).value,
    );
    expect(out).toContain('Share of drifted columns per monitoring run');
    expect(out).toContain('income: reference vs current');
    expect(out).toContain('Score distribution: reference vs current');
    expect(out).toContain('<td>50.0%</td>');
    const fired = out.indexOf('>fired<');
    const skipped = out.indexOf('>skipped<');
    expect(fired).toBeGreaterThan(0);
    expect(skipped).toBeGreaterThan(fired);
    expect(out).toContain('<li>drift: share 0.8 ≥ 0.5</li><li>&lt;b&gt;x&lt;/b&gt;</li>');
  });

  it('says why there are no histograms when the report has none', () => {
    const out = flat(
      monitoringPageBody('credit', {
        kind: 'runs',
        points: [point({ at: 1, fired: false, share: 0.1, reasons: [] })],
        report: undefined,
        reportProblem: 'the latest run has no JSON report',
      }).value,
    );
    expect(out).toContain(
      "No histograms in the latest run's report (the latest run has no JSON report)",
    );
  });
});
