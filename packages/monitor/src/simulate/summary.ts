/** What a simulation sent and how the service answered; `describeSimulation` is its text form. */
import type { AppliedDrift } from './sample.js';
import type { FailureGroup, RequestCounts } from './tally.js';

export interface SimulationSummary {
  /** False when any request failed or any label was not stored (the CLI exits non-zero). */
  readonly ok: boolean;
  readonly name: string;
  readonly url: string;
  readonly model: { readonly name: string; readonly version: string };
  readonly data: {
    readonly file: string;
    readonly target: string;
    readonly fileRows: number;
    readonly rowsWithTarget: number;
  };
  readonly sample: {
    readonly rows: number;
    readonly seed: number;
    readonly withReplacement: boolean;
  };
  readonly drift: readonly AppliedDrift[];
  readonly predict: RequestCounts & {
    readonly withoutRequestId: number;
    readonly models: Readonly<Record<string, number>>;
  };
  readonly feedback: RequestCounts & {
    readonly labelDelayMs: number;
    readonly labelsSent: number;
    readonly accepted: number | null;
    readonly unknown: number;
    readonly invalid: number;
  };
  readonly settings: {
    readonly concurrency: number;
    readonly batchSize: number;
    readonly feedbackBatchSize: number;
  };
  readonly seconds: number;
}

const f = (n: number): string => n.toLocaleString('en-US');

function failureLines(failures: readonly FailureGroup[]): string[] {
  // A failure's example already starts with its HTTP status when there was an answer.
  return failures.map(
    (g) => `    ${f(g.count)} × ${g.status === null ? 'no answer: ' : ''}${g.example}`,
  );
}

/** The summary as lines for a terminal. */
export function describeSimulation(s: SimulationSummary): string {
  const p = s.predict;
  const fb = s.feedback;
  const drift =
    s.drift.length === 0
      ? 'no drift applied'
      : `drift: ${s.drift.map((d) => `${d.term} (${f(d.rowsChanged)} rows)`).join(', ')}`;
  const accepted =
    fb.accepted === null
      ? 'the service did not say how many it stored'
      : `${f(fb.accepted)} accepted`;
  return [
    `sent ${f(s.sample.rows)} rows of ${s.data.file} (seed ${s.sample.seed}${s.sample.withReplacement ? ', drawn with replacement' : ''}) to ${s.url} serving ${s.model.name} version ${s.model.version}`,
    drift,
    `predict: ${f(p.requests)} requests, ${f(p.ok)} 2xx, ${f(p.failed)} failed (${f(p.rowsOk)} rows scored, ${f(p.rowsFailed)} not)${p.withoutRequestId > 0 ? `; ${f(p.withoutRequestId)} rows answered without a request_id` : ''}`,
    ...failureLines(p.failures),
    `feedback after ${f(fb.labelDelayMs)} ms: ${f(fb.labelsSent)} labels in ${f(fb.requests)} requests, ${f(fb.ok)} 2xx, ${f(fb.failed)} failed; ${accepted}, ${f(fb.unknown)} unknown ids, ${f(fb.invalid)} invalid labels`,
    ...failureLines(fb.failures),
    `${s.ok ? 'ok' : 'NOT OK: some requests failed or labels were not stored'} in ${s.seconds.toFixed(1)}s`,
  ].join('\n');
}
