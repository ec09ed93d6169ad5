/**
 * The one place that talks HTTP: undici with connect/request timeouts, auth header, retries, and
 * conversion of every failure into an MlflowError naming the endpoint. JSON answers are validated
 * with zod; artifact bodies are streamed from and to files, never buffered whole.
 * It knows nothing of MLflow's resources: API modules build URLs and schemas.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Agent, request } from 'undici';
import type { Dispatcher } from 'undici';
import type { ZodType } from 'zod';
import { authorizationHeader } from '../auth.js';
import type { MlflowAuth } from '../auth.js';
import { MlflowError } from '../errors.js';
import type { Logger } from '../logger.js';
import { readBoundedText } from './body.js';
import { errorFromResponse } from './error-body.js';
import { classifyNetworkError } from './net-errors.js';
import type { OriginPolicy } from './origins.js';
import { RetryExhausted, isRetryableStatus, parseRetryAfter, runWithRetry } from './retry.js';
import type { RetryDecision, RetryOptions } from './retry.js';
import { redactUrl, withQuery } from './url.js';
import type { QueryValue } from './url.js';

/** Settings of {@link Transport}. */
export interface TransportOptions {
  /** Base URL of the MLflow server, e.g. `http://127.0.0.1:5000` or `https://host/mlflow`. */
  trackingUri: URL;
  auth: MlflowAuth;
  /** TCP/TLS connect timeout. */
  connectTimeoutMs: number;
  /** Whole-request timeout of one attempt of a JSON call. */
  requestTimeoutMs: number;
  /** Longest silence while streaming an artifact (no byte sent or received). */
  transferIdleTimeoutMs: number;
  retry: RetryOptions;
  logger: Logger;
  /** Origins requests may go to (and carry credentials to); anything else is refused. */
  origins: OriginPolicy;
  /** Largest JSON answer read; a larger one is refused with LIMIT_EXCEEDED. */
  maxResponseBytes: number;
}

/** Largest error body read for its message. */
const MAX_ERROR_BODY_BYTES = 1024 * 1024;

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A JSON call. */
export interface JsonRequest<T> {
  method: Method;
  url: URL;
  query?: Record<string, QueryValue>;
  body?: unknown;
  schema: ZodType<T>;
  /**
   * False when repeating the request could create a duplicate (run, logged model, version):
   * then only failures proving the request was never processed are retried. @default true
   */
  idempotent?: boolean;
}

/** A streamed upload of one local file (PUT). */
export interface UploadRequest {
  url: URL;
  file: string;
  size: number;
  contentType: string;
}

/** A streamed download into a local file, written atomically (temp file + rename). */
export interface DownloadRequest {
  url: URL;
  dest: string;
}

class AttemptFailure extends Error {
  constructor(
    readonly error: MlflowError,
    readonly decision: RetryDecision,
  ) {
    super(error.message);
  }
}

const NOT_PROCESSED_STATUSES = new Set([429, 503]);

/** HTTP transport shared by every API of one client. */
export class Transport {
  readonly #options: TransportOptions;
  readonly #agent: Agent;
  /**
   * Non-idempotent requests (run/model/version creates) never reuse a pooled connection: a
   * caller busy with CPU work (training) can block undici's keep-alive timer past the server's
   * idle timeout, and a create written onto a socket the server is closing can neither be trusted
   * to have failed nor be retried safely. A fresh connection costs a handshake, not a duplicate.
   */
  readonly #freshAgent: Agent;

  constructor(options: TransportOptions) {
    this.#options = options;
    this.#agent = new Agent({
      connect: { timeout: options.connectTimeoutMs },
      keepAliveTimeout: 4_000,
    });
    this.#freshAgent = new Agent({ connect: { timeout: options.connectTimeoutMs }, pipelining: 0 });
  }

  /** The tracking server's base URL. */
  get baseUrl(): URL {
    return new URL(this.#options.trackingUri.toString());
  }

  /**
   * Throws UNTRUSTED_ORIGIN unless `url` is on the tracking server's origin or a trusted artifact
   * origin; `what` names where the URL came from (e.g. "artifact URI mlflow-artifacts://…").
   */
  checkOrigin(url: URL, what: string): void {
    this.#options.origins.check(url, what);
  }

  /** Sends a JSON request and returns the zod-validated answer. */
  async json<T>(req: JsonRequest<T>): Promise<T> {
    const url = withQuery(req.url, req.query);
    this.checkOrigin(url, `${req.method} request`);
    const idempotent = req.idempotent ?? true;
    const text = await this.#withRetry(
      { method: req.method, url, idempotent },
      async (n, deadline) => {
        const remaining = Math.max(
          1,
          Math.min(this.#options.requestTimeoutMs, deadline - Date.now()),
        );
        const signal = AbortSignal.timeout(remaining);
        const res = await this.#send({ method: req.method, url, n, idempotent, signal }, () => ({
          body: req.body === undefined ? null : JSON.stringify(req.body),
          headers: req.body === undefined ? {} : { 'content-type': 'application/json' },
        }));
        try {
          return await readBoundedText(res.body, {
            maxBytes: this.#options.maxResponseBytes,
            where: `${req.method} ${redactUrl(url)}`,
            option: 'MlflowClientOptions.limits.responseBytes',
          });
        } catch (err) {
          if (err instanceof MlflowError) throw new AttemptFailure(err, { retry: false });
          throw err;
        }
      },
    );
    return this.#parse({ method: req.method, url, schema: req.schema, text });
  }

  /** Streams a local file to `url` with PUT; each retry reopens the file. */
  async upload(req: UploadRequest): Promise<void> {
    this.checkOrigin(req.url, 'PUT request');
    await this.#withRetry({ method: 'PUT', url: req.url, idempotent: true }, async (n) => {
      const res = await this.#send({ method: 'PUT', url: req.url, n, idempotent: true }, () => ({
        body: createReadStream(req.file),
        headers: { 'content-type': req.contentType, 'content-length': String(req.size) },
      }));
      await res.body.dump();
    });
  }

  /** Streams `url` into `dest` through a temp file; a failed attempt leaves nothing behind. */
  async download(req: DownloadRequest): Promise<void> {
    this.checkOrigin(req.url, 'GET request');
    await this.#withRetry({ method: 'GET', url: req.url, idempotent: true }, async (n) => {
      const res = await this.#send({ method: 'GET', url: req.url, n, idempotent: true }, () => ({
        body: null,
        headers: {},
      }));
      const tmp = `${req.dest}.part-${randomBytes(4).toString('hex')}`;
      try {
        await pipeline(res.body, createWriteStream(tmp));
        await rename(tmp, req.dest);
      } catch (err) {
        await rm(tmp, { force: true });
        throw this.#networkFailure({ method: 'GET', url: req.url, n, idempotent: true }, err);
      }
    });
  }

  /** Releases pooled connections. */
  async close(): Promise<void> {
    await Promise.all([this.#agent.close(), this.#freshAgent.close()]);
  }

  async #send(
    ctx: { method: Method; url: URL; n: number; idempotent: boolean; signal?: AbortSignal },
    makeBody: () => { body: string | Readable | null; headers: Record<string, string> },
  ): Promise<Dispatcher.ResponseData> {
    const { body, headers } = makeBody();
    // Credentials go to trusted origins only, whatever URL a caller built.
    const auth = this.#options.origins.isTrusted(ctx.url)
      ? authorizationHeader(this.#options.auth)
      : undefined;
    const started = Date.now();
    let res: Dispatcher.ResponseData;
    try {
      res = await request(ctx.url, {
        method: ctx.method,
        dispatcher: ctx.idempotent ? this.#agent : this.#freshAgent,
        body,
        headers: {
          accept: 'application/json',
          'user-agent': 'mlflow-js-client',
          ...headers,
          ...(auth === undefined ? {} : { authorization: auth }),
        },
        headersTimeout: this.#options.transferIdleTimeoutMs,
        bodyTimeout: this.#options.transferIdleTimeoutMs,
        ...(ctx.signal === undefined ? {} : { signal: ctx.signal }),
      });
    } catch (err) {
      throw this.#networkFailure(ctx, err);
    }
    this.#options.logger.debug('mlflow request', {
      method: ctx.method,
      url: redactUrl(ctx.url),
      status: res.statusCode,
      ms: Date.now() - started,
      attempt: ctx.n,
    });
    if (res.statusCode >= 200 && res.statusCode < 300) return res;
    const text = await readBoundedText(res.body, {
      maxBytes: MAX_ERROR_BODY_BYTES,
      where: `${ctx.method} ${redactUrl(ctx.url)}`,
      option: 'none',
    }).catch(() => '');
    const error = errorFromResponse(
      { method: ctx.method, url: redactUrl(ctx.url), status: res.statusCode, attempts: ctx.n },
      text,
    );
    const retryable =
      isRetryableStatus(res.statusCode) &&
      (ctx.idempotent || NOT_PROCESSED_STATUSES.has(res.statusCode));
    const header = res.headers['retry-after'];
    const retryAfterMs = parseRetryAfter(Array.isArray(header) ? header[0] : header, Date.now());
    throw new AttemptFailure(error, { retry: retryable, retryAfterMs });
  }

  #networkFailure(
    ctx: { method: Method; url: URL; n: number; idempotent: boolean; signal?: AbortSignal },
    err: unknown,
  ): unknown {
    if (err instanceof AttemptFailure) return err;
    const where = `${ctx.method} ${redactUrl(ctx.url)}`;
    const net = classifyNetworkError(err);
    const timedOut = ctx.signal?.aborted === true || net?.kind === 'timeout';
    if (net === undefined && !timedOut) {
      const message = err instanceof Error ? err.message : String(err);
      const error = new MlflowError({
        code: 'UNKNOWN',
        message: `${where} failed: ${message}`,
        endpoint: where,
        attempts: ctx.n,
        cause: err,
      });
      return new AttemptFailure(error, { retry: false });
    }
    const server = redactUrl(this.#options.trackingUri);
    const what = timedOut
      ? `no answer in time (${net?.code ?? 'request timeout'})`
      : `connection failed (${net?.code ?? 'unknown'})`;
    const error = new MlflowError({
      code: timedOut ? 'TIMEOUT' : 'UNAVAILABLE',
      message: `${where} failed: ${what}. Is the MLflow server at ${server} running and reachable?`,
      endpoint: where,
      attempts: ctx.n,
      cause: err,
    });
    return new AttemptFailure(error, { retry: ctx.idempotent || net?.notSent === true });
  }

  async #withRetry<T>(
    ctx: { method: Method; url: URL; idempotent: boolean },
    attempt: (n: number, deadline: number) => Promise<T>,
  ): Promise<T> {
    const started = Date.now();
    try {
      return await runWithRetry(
        async (n, deadline) => {
          try {
            return await attempt(n, deadline);
          } catch (err) {
            throw this.#networkFailure({ ...ctx, n }, err);
          }
        },
        {
          options: this.#options.retry,
          classify: (err) => (err instanceof AttemptFailure ? err.decision : { retry: false }),
          onRetry: ({ attempt: n, delayMs, error }) => {
            this.#options.logger.warn('mlflow request failed, retrying', {
              method: ctx.method,
              url: redactUrl(ctx.url),
              attempt: n,
              delayMs,
              error: error instanceof Error ? error.message : String(error),
            });
          },
        },
      );
    } catch (err) {
      if (!(err instanceof RetryExhausted)) throw err;
      const last = err.lastError;
      if (!(last instanceof AttemptFailure)) throw last;
      if (err.reason === 'not-retryable' || err.attempts === 1) throw last.error;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      throw new MlflowError({
        code: last.error.code,
        message: `${last.error.message} (gave up after ${err.attempts} attempts in ${seconds} s)`,
        ...(last.error.status === undefined ? {} : { status: last.error.status }),
        ...(last.error.endpoint === undefined ? {} : { endpoint: last.error.endpoint }),
        ...(last.error.serverErrorCode === undefined
          ? {}
          : { serverErrorCode: last.error.serverErrorCode }),
        attempts: err.attempts,
        cause: last.error,
      });
    }
  }

  #parse<T>(ctx: { method: Method; url: URL; schema: ZodType<T>; text: string }): T {
    const where = `${ctx.method} ${redactUrl(ctx.url)}`;
    let data: unknown;
    try {
      data = ctx.text.trim() === '' ? {} : JSON.parse(ctx.text);
    } catch (err) {
      throw new MlflowError({
        code: 'BAD_RESPONSE',
        message: `${where} answered with a body that is not JSON: ${ctx.text.slice(0, 200)}`,
        endpoint: where,
        cause: err,
      });
    }
    const result = ctx.schema.safeParse(data);
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    const path = issue === undefined ? '' : issue.path.join('.');
    throw new MlflowError({
      code: 'BAD_RESPONSE',
      message: `${where} answered with an unexpected shape at '${path}': ${issue?.message ?? ''}`,
      endpoint: where,
      cause: result.error,
    });
  }
}
