import { FAKE_MODEL } from '../http/test-support/fake-host.js';
import { inputWarnings, resultPanel, TOP_REASONS } from './result.js';

const record = { age: 35, income: 52000, region: 'north', plan: '2' };

function prediction(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    request_id: 'r-1',
    probability: 0.6231454610824585,
    label: 'yes',
    label_index: 1,
    threshold: 0.5,
    model: { name: 'credit-default', version: '3' },
    warnings: [],
    ...extra,
  };
}

function panel(
  answer: unknown,
  status = 200,
  rec: Record<string, string | number | null> = record,
): string {
  // Whitespace is the formatter's: compare with every run of it as one space.
  return resultPanel({
    request: { record: rec, status, answer },
    features: FAKE_MODEL.features,
    positive: 'yes',
  })
    .value.replace(/\s+/g, ' ')
    .replace(/> </g, '><');
}

describe('the decision panel', () => {
  it('shows the probability exactly as /predict answered it, the label and the version', () => {
    const out = panel(prediction());
    expect(out).toContain('<strong data-testid="probability">0.6231454610824585</strong>');
    expect(out).toContain('<dd data-testid="label">yes</dd>');
    expect(out).toContain('<span data-testid="version">3</span>');
    expect(out).toContain('at or above the threshold 0.5');
  });

  it('charts the largest contributions as bars, signed, largest first', () => {
    const contributions = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [`f${i}`, (i % 2 === 0 ? 1 : -1) * (i + 1) * 0.1]),
    );
    const out = panel(
      prediction({ explanation: { base_value: -1.2, contributions, probability: 0.62 } }),
    );
    const bars = [...out.matchAll(/<rect [^>]*fill="(#[0-9a-f]+)"/g)].map((m) => m[1]);
    expect(bars).toHaveLength(TOP_REASONS);
    const listed = [...out.matchAll(/<li>(f\d+): /g)].map((m) => m[1]);
    expect(listed).toEqual(['f11', 'f10', 'f9', 'f8', 'f7', 'f6', 'f5', 'f4']);
    // f11 is negative (blue), f10 positive (red).
    expect(bars.slice(0, 2)).toEqual(['#1d4ed8', '#b91c1c']);
  });

  it('says explanations are unavailable when the answer has none, and why', () => {
    expect(panel(prediction())).toContain('Explanations unavailable for this model');
    const out = panel(
      prediction({
        explanation: null,
        explanation_unavailable: 'trained before covers were saved',
      }),
    );
    expect(out).toContain(
      'Explanations unavailable for this model (trained before covers were saved)',
    );
  });

  it('warns about values outside the training range and unseen categories, once each', () => {
    const out = panel(
      prediction({
        warnings: [{ field: 'region', problem: 'unseen category "west" scored as missing' }],
      }),
      200,
      { age: 120, income: -5, region: 'west', plan: '2' },
    );
    expect(out).toContain('age: 120 is above the training range (max 90)');
    expect(out).toContain('income: -5 is below the training range (min 0)');
    expect(out.match(/region: /g)).toHaveLength(1);
  });

  it("shows /predict's error message and per-field problems", () => {
    const out = panel(
      {
        error: {
          code: 'INVALID_RECORDS',
          message: 'bad',
          details: [{ path: 'age', problem: '<b>not a number</b>' }],
        },
      },
      422,
    );
    expect(out).toContain('<strong>INVALID_RECORDS</strong>: bad');
    expect(out).toContain('age: &lt;b&gt;not a number&lt;/b&gt;');
  });

  it('escapes whatever the answer holds', () => {
    const out = panel(prediction({ label: '<img src=x onerror=alert(1)>' }));
    expect(out).not.toContain('<img');
  });
});

describe('input warnings', () => {
  it('say nothing for values inside the range, known categories and missing values', () => {
    expect(inputWarnings(FAKE_MODEL.features, { ...record, income: null })).toEqual([]);
  });
});
