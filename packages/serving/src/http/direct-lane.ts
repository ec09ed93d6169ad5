/**
 * The direct lane: `POST /predict` and `POST /invocations` with a plain JSON body are answered on
 * node:http, before express. Express costs more than scoring one record does: on a 2-core
 * machine it caps a constant answer at ~6,300 req/s with p99 ~5.7 ms at 8 connections, and the
 * objects it makes per request outlive two scavenges, so its GC pauses set the tail. The lane
 * answers the same bodies with the same code (the routes' `answerPredict`/`answerInvocations`,
 * http-kit's request id, key check, access log and error responder); `pnpm bench serving`
 * measures both.
 *
 * Only the plain case takes the lane. Everything else goes to express untouched, so each refusal
 * keeps its one implementation: other paths and methods, a query string (`?explain=true`), a
 * media type other than `application/json` (with at most `charset=utf-8`), a compressed or
 * chunked body, a missing, empty or too long Content-Length, a missing API key. Failures after
 * the body is read (not JSON, invalid records, no model) are answered by the same error responder
 * as express's.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import {
  chooseRequestId,
  hasApiKey,
  logExchange,
  sendJson,
  type AccessLogOptions,
  type ErrorExchange,
} from '@champion/http-kit';
import type { AppContext } from './context.js';
import { parsePythonJson, parseStrictJson } from './middleware/python-json.js';
import { answerInvocations } from './routes/invocations.js';
import { answerPredict } from './routes/predict.js';
import type { ScoringAnswer } from './scoring.js';

interface DirectRoute {
  /** How the route's express middleware reads a JSON body. */
  readonly parse: (text: string) => unknown;
  readonly answer: (body: unknown, requestId: string) => Promise<ScoringAnswer>;
}

export interface DirectLaneOptions {
  readonly context: AppContext;
  /** Where every other request goes (the express app). */
  readonly express: RequestListener;
  /** The access log and HTTP metrics, as express's middleware writes them. */
  readonly accessLog: Omit<AccessLogOptions, 'extra'>;
  readonly respondError: (err: unknown, exchange: ErrorExchange) => void;
}

/** `application/json`, alone or with `charset=utf-8` (any case, quoted or not). */
const PLAIN_JSON = /^application\/json\s*(?:;\s*charset\s*=\s*(?:utf-8|"utf-8")\s*)?$/i;
const DIGITS = /^\d{1,15}$/;

function routesOf(context: AppContext): ReadonlyMap<string, DirectRoute> {
  return new Map<string, DirectRoute>([
    [
      '/predict',
      {
        parse: parseStrictJson,
        answer: (body, requestId) => answerPredict(context, { body, requestId, explain: false }),
      },
    ],
    [
      '/invocations',
      {
        // MLflow's clients send Python's NaN (python-json.ts), as on express's route.
        parse: parsePythonJson,
        answer: (json, requestId) => answerInvocations(context, { json, requestId }),
      },
    ],
  ]);
}

/**
 * Whether the lane may read the request's body: plain JSON, uncompressed, with a Content-Length
 * of 1 to `maxBodyBytes` bytes. Otherwise express answers (and refuses what it refuses).
 */
function isPlainJsonBody(req: IncomingMessage, maxBodyBytes: number): boolean {
  const { headers } = req;
  if (!PLAIN_JSON.test(headers['content-type'] ?? '')) return false;
  if (headers['content-encoding'] !== undefined || headers['transfer-encoding'] !== undefined)
    return false;
  const length = headers['content-length'] ?? '';
  if (!DIGITS.test(length)) return false;
  const bytes = Number(length);
  return bytes > 0 && bytes <= maxBodyBytes;
}

/** The body as text, as body-parser decodes UTF-8 (a leading byte order mark dropped). */
function bodyText(chunks: readonly Buffer[]): string {
  const text = Buffer.concat(chunks).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Reads the whole body; resolves undefined when the request ends early: the client left (node
 * says `aborted`), there is no one to answer, and the access log records the exchange as aborted.
 */
function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => resolve(bodyText(chunks)));
    req.once('error', () => resolve(undefined));
    req.once('close', () => resolve(undefined));
  });
}

/** The lane in front of `options.express`: a node:http request listener. */
export function directLane(options: DirectLaneOptions): RequestListener {
  const { context, express, respondError } = options;
  const routes = routesOf(context);
  const keyPresented = hasApiKey(context.config.apiKey);
  const { maxBodyBytes } = context.config;

  /** Answers the exchange; `scored` hears the rows before the response is sent (access log). */
  const serve = async (
    route: DirectRoute,
    exchange: ErrorExchange,
    scored: (rows: number) => void,
  ): Promise<void> => {
    const text = await readBody(exchange.req);
    if (text === undefined) return;
    const answer = await route.answer(route.parse(text), exchange.requestId);
    scored(answer.rows);
    sendJson(exchange.res, 200, answer.body);
    answer.afterResponse();
  };

  return (req: IncomingMessage, res: ServerResponse): void => {
    const path = req.url ?? '';
    const route = req.method === 'POST' ? routes.get(path) : undefined;
    if (route === undefined || !isPlainJsonBody(req, maxBodyBytes) || !keyPresented(req.headers)) {
      express(req, res);
      return;
    }
    const requestId = chooseRequestId(req.headers['x-request-id']);
    res.setHeader('X-Request-Id', requestId);
    let rows: number | undefined;
    logExchange(options.accessLog, {
      req,
      res,
      path: () => path,
      route: () => path,
      requestId: () => requestId,
      extra: () => (rows === undefined ? {} : { rows }),
    });
    const exchange: ErrorExchange = { req, res, path, requestId };
    serve(route, exchange, (scored) => {
      rows = scored;
    }).catch((err: unknown) => {
      try {
        respondError(err, exchange);
      } catch {
        // The responder itself failed: nothing more can be said on this exchange.
        res.destroy();
      }
    });
  };
}
