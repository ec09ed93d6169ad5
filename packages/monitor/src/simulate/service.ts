/**
 * The HTTP calls the simulator makes to a running champion service: GET /model (what it serves),
 * POST /predict (records in, one `request_id` per record out) and POST /feedback (labels by
 * request id). A call never throws for an HTTP answer: every outcome, non-2xx and network
 * failures included, comes back as a value the caller counts.
 */
import { z } from 'zod';
import { SimulationError } from './errors.js';

export interface ServiceOptions {
  /** Base URL of the service, e.g. http://127.0.0.1:8080. */
  readonly url: string;
  /** Sent as `Authorization: Bearer <key>` when set. */
  readonly apiKey?: string | undefined;
  readonly timeoutMs: number;
}

/** The outcome of one request. */
export type Answer =
  | { readonly ok: true; readonly status: number; readonly body: unknown }
  | { readonly ok: false; readonly status: number | null; readonly problem: string };

const servedModelSchema = z.object({
  name: z.string(),
  version: z.string(),
  features: z.array(z.object({ name: z.string(), type: z.enum(['numeric', 'categorical']) })),
  target: z.object({
    name: z.string(),
    positive: z.string(),
    negative: z.string(),
    type: z.enum(['numeric', 'text']).optional(),
  }),
});

/** What GET /model says the service serves (the parts the simulator uses). */
export type ServedModelInfo = z.infer<typeof servedModelSchema>;

function endpoint(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}

/** The error text of a champion error body, or the start of any other body. */
function problemOf(status: number, text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown } };
    if (typeof body.error?.message === 'string') return `HTTP ${status}: ${body.error.message}`;
  } catch {
    // not JSON: fall through to the raw text
  }
  return `HTTP ${status}: ${text.slice(0, 200)}`;
}

/** One request; JSON in and out. */
export async function call(
  options: ServiceOptions,
  request: { method: 'GET' | 'POST'; path: string; body?: unknown },
): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  if (options.apiKey !== undefined) headers.authorization = `Bearer ${options.apiKey}`;
  let response: Response;
  let text: string;
  try {
    response = await fetch(endpoint(options.url, request.path), {
      method: request.method,
      headers,
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    return {
      ok: false,
      status: null,
      problem: cause instanceof Error ? cause.message : String(cause),
    };
  }
  if (!response.ok)
    return { ok: false, status: response.status, problem: problemOf(response.status, text) };
  try {
    return { ok: true, status: response.status, body: JSON.parse(text) as unknown };
  } catch {
    return {
      ok: false,
      status: response.status,
      problem: `HTTP ${response.status} with a body that is not JSON`,
    };
  }
}

/** GET /model; throws a SimulationError saying what is wrong with the service. */
export async function servedModel(options: ServiceOptions): Promise<ServedModelInfo> {
  const answer = await call(options, { method: 'GET', path: '/model' });
  if (!answer.ok) {
    throw new SimulationError(
      'SERVICE',
      `GET ${endpoint(options.url, '/model')} failed (${answer.problem}); is champion serve running there, with a model loaded?`,
    );
  }
  const parsed = servedModelSchema.safeParse(answer.body);
  if (!parsed.success) {
    throw new SimulationError(
      'SERVICE',
      `GET ${endpoint(options.url, '/model')} did not describe a model (${parsed.error.issues[0]?.message ?? 'unexpected body'}); is it a champion service?`,
    );
  }
  return parsed.data;
}
