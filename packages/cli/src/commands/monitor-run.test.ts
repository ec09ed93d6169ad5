import { Command } from 'commander';
import type { MonitorResult } from '@champion/monitor';
import { monitorGroup } from './monitor.js';
import { resultText } from './monitor-run.js';

const result: MonitorResult = {
  run_id: 'abc',
  model: { name: 'credit', version: '3' },
  window: {
    from: 'T0',
    to: 'T1',
    rows: 3000,
    labelled: 2900,
    checkpoint: 'c',
    fingerprint: 'f',
    foreign: 0,
  },
  drift: { share: 0.6, drifted: true, weighted_share: null, columns: [] },
  performance: { labelled: 2900, metrics: { roc_auc: 0.71 }, insufficient: null },
  decision: {
    fired: true,
    signals: { drift: true, performance: false, age: false },
    reasons: ['drift: share 0.6 ≥ 0.5'],
    action: 'awaiting-approval',
    version: '4',
    gate: 'awaiting-approval',
    gate_reasons: [],
    training_run_id: 'r',
  },
};

describe('champion monitor run', () => {
  it('shares one `monitor` group with the other monitor subcommands', () => {
    const program = new Command('champion');
    monitorGroup(program).command('drift');
    monitorGroup(program).command('run');
    expect(program.commands.map((c) => c.name())).toEqual(['monitor']);
    expect(monitorGroup(program).commands.map((c) => c.name())).toEqual(['drift', 'run']);
  });

  it('says what it decided, for people', () => {
    const text = resultText(result);
    expect(text).toContain('window T0 .. T1, 3000 rows, 2900 labelled');
    expect(text).toContain('decision: awaiting-approval (v4, gate awaiting-approval)');
    expect(text).toContain('  drift: share 0.6 ≥ 0.5');
  });

  it('says so when the window was empty', () => {
    const empty = {
      ...result,
      run_id: null,
      decision: { ...result.decision, reasons: ['empty window: x'] },
    };
    expect(resultText(empty)).toBe('credit v3: empty window: x');
  });
});
