import { decidePromotion } from './gate.js';

const ok = { parity: { maxAbsDiff: 1e-7, tolerance: 1e-5 }, schemaProblems: [] };

describe('decidePromotion', () => {
  it('promotes a first model that meets the floors', () => {
    const d = decidePromotion({ ...ok, candidate: { version: '1', metrics: { roc_auc: 0.8 } } });
    expect(d.promote).toBe(true);
  });

  it('refuses a first model below the roc_auc floor and says which floor', () => {
    const d = decidePromotion({ ...ok, candidate: { version: '1', metrics: { roc_auc: 0.55 } } });
    expect(d.promote).toBe(false);
    expect(d.reasons.join('\n')).toMatch(/FAIL floor: roc_auc 0\.550000 < required 0\.6/);
  });

  it('refuses a candidate that does not beat the champion by the margin', () => {
    const d = decidePromotion(
      {
        ...ok,
        candidate: { version: '2', metrics: { roc_auc: 0.801 } },
        champion: { version: '1', metrics: { roc_auc: 0.8 } },
      },
      { primaryMetric: 'roc_auc', margin: 0.005, floors: {} },
    );
    expect(d.promote).toBe(false);
    expect(d.figures['champion_version']).toBe('1');
    expect(d.figures['delta_roc_auc']).toBe('0.001000');
  });

  it('keeps the champion on a tie with margin 0 and says a swap needs an improvement', () => {
    const d = decidePromotion(
      {
        ...ok,
        candidate: { version: '2', metrics: { roc_auc: 0.74368 } },
        champion: { version: '1', metrics: { roc_auc: 0.74368 } },
      },
      { primaryMetric: 'roc_auc', margin: 0, floors: {} },
    );
    expect(d.promote).toBe(false);
    expect(d.reasons.join('\n')).toMatch(
      /FAIL comparison: roc_auc 0\.743680 vs champion v1 0\.743680 .*needs an improvement above the margin/,
    );
  });

  it('promotes a candidate that beats the champion by more than the margin', () => {
    const d = decidePromotion(
      {
        ...ok,
        candidate: { version: '2', metrics: { roc_auc: 0.82 } },
        champion: { version: '1', metrics: { roc_auc: 0.8 } },
      },
      { primaryMetric: 'roc_auc', margin: 0.005, floors: {} },
    );
    expect(d.promote).toBe(true);
  });

  it('treats log_loss as lower-is-better when it is the primary metric', () => {
    const d = decidePromotion(
      {
        ...ok,
        candidate: { version: '2', metrics: { log_loss: 0.4 } },
        champion: { version: '1', metrics: { log_loss: 0.45 } },
      },
      { primaryMetric: 'log_loss', margin: 0, floors: { log_loss: 0.5 } },
    );
    expect(d.promote).toBe(true);
  });

  it('refuses a candidate whose ONNX parity check failed even if it is better', () => {
    const d = decidePromotion({
      candidate: { version: '2', metrics: { roc_auc: 0.9 } },
      parity: { maxAbsDiff: 0.01, tolerance: 1e-5 },
      schemaProblems: [],
    });
    expect(d.promote).toBe(false);
    expect(d.reasons.some((r) => r.startsWith('FAIL parity'))).toBe(true);
  });

  it('refuses when the champion cannot be scored on the new test set', () => {
    const d = decidePromotion({
      ...ok,
      candidate: { version: '2', metrics: { roc_auc: 0.9 } },
      champion: { version: '1', error: "column 'x' not found" },
    });
    expect(d.promote).toBe(false);
  });
});
