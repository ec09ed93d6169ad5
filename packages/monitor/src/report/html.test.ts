import { DriftAccumulator } from '../drift/accumulator.js';
import { fileReference } from '../drift/file-reference.js';
import { runDrift } from '../drift/report.js';
import { driftReportHtml } from './html.js';

function data(n: number, shift: number) {
  const acc = new DriftAccumulator();
  for (let i = 0; i < n; i++) acc.addRecord({ x: ((i * 7919) % 1000) + shift, city: `c${i % 9}` });
  return acc.finish();
}

function page(rows: number): string {
  const report = runDrift({
    reference: fileReference(data(rows, 0), 'ref.csv'),
    current: data(rows, 300),
    currentSource: 'cur<.csv',
  });
  return driftReportHtml(report);
}

describe('HTML drift report', () => {
  it('is one self-contained page: no script, no external asset, escaped names', () => {
    const html = page(2000);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\//);
    expect(html).toContain('cur&#60;.csv');
    expect(html).toContain('<svg');
  });

  it('does not grow with the number of rows', () => {
    const small = page(2000).length;
    const large = page(200000).length;
    expect(Math.abs(large - small)).toBeLessThan(small * 0.05);
  });
});
