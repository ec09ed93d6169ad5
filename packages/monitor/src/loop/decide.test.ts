import { parsePolicy } from '../policy/index.js';
import { decide, type DecisionInput } from './decide.js';

const NOW = Date.parse('2026-12-07T12:00:00Z');
const HOUR = 3_600_000;

function input(
  overrides: Partial<Omit<DecisionInput, 'policy'>> & { policy?: unknown },
): DecisionInput {
  return {
    now: NOW,
    force: false,
    driftShare: 0,
    performance: undefined,
    modelRegisteredAt: NOW - HOUR,
    history: { windows: [] },
    ...overrides,
    policy: parsePolicy(overrides.policy ?? {}, 'test'),
  };
}

const quiet = { drift: false, performance: false };
const drifting = { drift: true, performance: false };

describe('decide', () => {
  it('does nothing when no rule fires', () => {
    const d = decide(input({ driftShare: 0.2 }));
    expect(d).toMatchObject({ fired: false, verdict: 'none' });
    expect(d.reasons).toContain('drift: share 0.2 < 0.5');
  });

  it('retrains when the drifted share reaches the threshold', () => {
    expect(decide(input({ driftShare: 0.5 }))).toMatchObject({
      fired: true,
      verdict: 'retrain',
      signals: { drift: true },
    });
  });

  it('needs k of the last n windows to agree', () => {
    const policy = { agree: { k: 2, n: 3 } };
    expect(
      decide(input({ policy, driftShare: 0.9, history: { windows: [quiet, quiet] } })).fired,
    ).toBe(false);
    const agreed = decide(
      input({ policy, driftShare: 0.9, history: { windows: [quiet, drifting] } }),
    );
    expect(agreed.fired).toBe(true);
    expect(agreed.reasons).toContain('agreement: 2 of the last 3 windows signalled (need 2 of 3)');
    // Windows older than the last n do not count.
    expect(
      decide(input({ policy, driftShare: 0.9, history: { windows: [quiet, quiet, drifting] } }))
        .fired,
    ).toBe(false);
  });

  it('does not fire on agreement alone when this window is quiet', () => {
    const policy = { agree: { k: 1, n: 3 } };
    expect(decide(input({ policy, driftShare: 0, history: { windows: [drifting] } })).fired).toBe(
      false,
    );
  });

  it('holds a firing back during the cooldown, but not a forced one', () => {
    const history = { windows: [], lastRetrain: { runId: 'r1', at: NOW - 2 * HOUR } };
    const held = decide(input({ driftShare: 0.9, history }));
    expect(held.verdict).toBe('cooldown');
    expect(held.reasons.at(-1)).toMatch(
      /cooldown: retrained by monitoring run r1 .* 1320 min of 24h left/,
    );
    expect(decide(input({ driftShare: 0.9, history, policy: { cooldown: '1h' } })).verdict).toBe(
      'retrain',
    );
    expect(decide(input({ force: true, history })).verdict).toBe('retrain');
  });

  it('never retrains twice on the same data fingerprint, even when forced', () => {
    const d = decide(input({ force: true, history: { windows: [], fingerprintUsedBy: 'r7' } }));
    expect(d).toMatchObject({ fired: true, verdict: 'none' });
    expect(d.reasons.at(-1)).toMatch(
      /monitoring run r7 already retrained on this data fingerprint/,
    );
  });

  it('fires on a metric below its floor only with enough labels', () => {
    const performance = { labelled: 150, metrics: { roc_auc: 0.6 } };
    const few = decide(input({ performance }));
    expect(few.fired).toBe(false);
    expect(few.reasons).toContain('performance: not judged, 150 labelled rows (need 200)');
    const enough = decide(input({ performance: { ...performance, labelled: 250 } }));
    expect(enough).toMatchObject({ fired: true, signals: { performance: true } });
    expect(enough.reasons).toContain('performance: roc_auc 0.6 breaks the floor 0.7');
  });

  it('does not judge performance the module marked insufficient', () => {
    const performance = {
      labelled: 500,
      metrics: { roc_auc: 0.5 },
      insufficient: 'one class only',
    };
    expect(decide(input({ performance })).fired).toBe(false);
  });

  it('reads a lower-is-better floor as a ceiling', () => {
    const policy = { performance: { floors: { log_loss: 0.5 }, minLabels: 10 } };
    const d = decide(input({ policy, performance: { labelled: 20, metrics: { log_loss: 0.7 } } }));
    expect(d.reasons).toContain('performance: log_loss 0.7 breaks the ceiling 0.5');
    expect(d.fired).toBe(true);
  });

  it('fires when the champion is older than the policy allows, without agreement', () => {
    const policy = { maxAgeDays: 30, agree: { k: 3, n: 3 } };
    const old = decide(input({ policy, modelRegisteredAt: NOW - 31 * 24 * HOUR }));
    expect(old).toMatchObject({ fired: true, verdict: 'retrain', signals: { age: true } });
    expect(decide(input({ policy, modelRegisteredAt: NOW - 29 * 24 * HOUR })).fired).toBe(false);
  });

  it('ignores a disabled drift rule', () => {
    expect(decide(input({ policy: { drift: null }, driftShare: 1 })).fired).toBe(false);
  });
});
