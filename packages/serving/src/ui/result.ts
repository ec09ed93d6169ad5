/**
 * The decision panel of /ui/: rendered by the server (POST /ui/result) from what /predict answered
 * the page, so every value goes through the one escaping tag and the chart is tested here. Shows
 * the probability exactly as /predict returned it against the threshold, the label, the model
 * version, the top reasons (the explanation's contributions) as bars, and warnings for values
 * outside the training range and categories the model never saw.
 */
import type { ServedFeature } from '@champion/runtime';
import { z } from 'zod';
import { figure, percent } from './format.js';
import { html, type SafeHtml } from './html.js';
import { signedBarChart } from './svg.js';

/** How many reasons the chart shows. */
export const TOP_REASONS = 8;

const explanationSchema = z
  .object({
    base_value: z.number(),
    contributions: z.record(z.string(), z.number()),
    probability: z.number().optional(),
  })
  .loose();

export const predictionSchema = z
  .object({
    probability: z.number(),
    label: z.union([z.string(), z.number()]),
    threshold: z.number(),
    model: z.object({ name: z.string(), version: z.string() }).loose(),
    warnings: z
      .array(z.object({ field: z.string(), problem: z.string() }).loose())
      .max(1000)
      .default([]),
    explanation: explanationSchema.nullable().optional(),
    explanation_unavailable: z.string().optional(),
  })
  .loose();

const errorSchema = z
  .object({
    error: z
      .object({
        code: z.string(),
        message: z.string(),
        details: z
          .array(z.object({ path: z.string(), problem: z.string() }).loose())
          .max(1000)
          .optional(),
      })
      .loose(),
  })
  .loose();

/** The body the page posts to /ui/result: its record and /predict's answer (status and body). */
export const resultRequestSchema = z.object({
  record: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  status: z.number().int().min(100).max(599),
  answer: z.unknown(),
});
export type ResultRequest = z.infer<typeof resultRequestSchema>;
export type ShownPrediction = z.infer<typeof predictionSchema>;

/** Values outside the training range and categories not seen in training, by feature. */
export function inputWarnings(
  features: readonly ServedFeature[],
  record: Readonly<Record<string, string | number | null>>,
): string[] {
  const out: string[] = [];
  for (const f of features) {
    const v = record[f.name];
    if (v === null || v === undefined || v === '') continue;
    if (f.type === 'numeric' && typeof v === 'number') {
      if (f.min !== undefined && f.min !== null && v < f.min)
        out.push(`${f.name}: ${v} is below the training range (min ${figure(f.min, 6)})`);
      if (f.max !== undefined && f.max !== null && v > f.max)
        out.push(`${f.name}: ${v} is above the training range (max ${figure(f.max, 6)})`);
    }
    if (f.type === 'categorical' && f.categories !== undefined && !f.categories.includes(String(v)))
      out.push(`${f.name}: category "${String(v)}" was not seen in training`);
  }
  return out;
}

function reasons(p: ShownPrediction, positive: string): SafeHtml {
  const e = p.explanation;
  if (e === undefined || e === null) {
    const why = p.explanation_unavailable ?? 'this server did not return an explanation';
    return html`<p>Explanations unavailable for this model (${why}).</p>`;
  }
  const top = Object.entries(e.contributions)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .slice(0, TOP_REASONS)
    .map(([label, value]) => ({ label, value }));
  return html`${signedBarChart({ title: `Top ${top.length} reasons (log-odds contributions)`, bars: top })}
    <p>
      <small
        >Each bar is a feature's contribution to the log-odds of ${positive} (red: towards
        ${positive}, blue: away from it), from the base value ${figure(e.base_value, 4)}.</small
      >
    </p>
    <ol class="reasons">
      ${top.map((r) => html`<li>${r.label}: ${figure(r.value, 3)}</li>`)}
    </ol>`;
}

function warningList(items: readonly string[]): SafeHtml | string {
  if (items.length === 0) return '';
  return html`<section class="warnings" aria-label="Warnings">
    <h3>Warnings</h3>
    <ul>
      ${items.map((w) => html`<li>${w}</li>`)}
    </ul>
  </section>`;
}

function failure(status: number, answer: unknown): SafeHtml {
  const parsed = errorSchema.safeParse(answer);
  if (!parsed.success)
    return html`<p role="alert">The server answered ${status} without an error message.</p>`;
  const { code, message, details = [] } = parsed.data.error;
  return html`<p role="alert"><strong>${code}</strong>: ${message}</p>
    ${
      details.length === 0
        ? ''
        : html`<ul>
            ${details.slice(0, 50).map((d) => html`<li>${d.path}: ${d.problem}</li>`)}
          </ul>`
    }`;
}

/** The panel for one answer of /predict. */
export function resultPanel(options: {
  readonly request: ResultRequest;
  readonly features: readonly ServedFeature[];
  readonly positive: string;
}): SafeHtml {
  const { request } = options;
  if (request.status !== 200)
    return html`<h2>Decision</h2>
      ${failure(request.status, request.answer)}`;
  const parsed = predictionSchema.safeParse(request.answer);
  if (!parsed.success)
    return html`<h2>Decision</h2>
      <p role="alert">The answer of /predict was not a prediction.</p>`;
  const p = parsed.data;
  const above = p.probability >= p.threshold;
  const own = inputWarnings(options.features, request.record);
  // The server's own warnings (unseen categories scored as missing), unless already said.
  const server = p.warnings
    .filter((w) => !own.some((o) => o.startsWith(`${w.field}: `)))
    .map((w) => `${w.field}: ${w.problem}`);
  const warnings = [...own, ...server];
  return html`<h2>Decision</h2>
    <dl class="decision">
      <dt>Probability of ${options.positive}</dt>
      <dd>
        <strong data-testid="probability">${String(p.probability)}</strong>
        (${percent(p.probability)}), ${above ? 'at or above' : 'below'} the threshold
        ${figure(p.threshold, 6)}
      </dd>
      <dt>Label</dt>
      <dd data-testid="label">${String(p.label)}</dd>
      <dt>Model</dt>
      <dd>${p.model.name} version <span data-testid="version">${p.model.version}</span></dd>
    </dl>
    ${warningList(warnings)}
    <h3>Top reasons</h3>
    ${reasons(p, options.positive)}`;
}
