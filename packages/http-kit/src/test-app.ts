/** A small express app wired with every http-kit piece, for the package's own tests. */
import express, { type Express, type Response } from 'express';
import { accessLog } from './access-log.js';
import { requireApiKey, type ApiKey } from './api-key.js';
import { ApiRouter } from './api-router.js';
import { bodyProblem } from './body-errors.js';
import { INTERNAL_MESSAGE, type ProblemDetail } from './error-body.js';
import { errorHandler, notFound } from './error-handler.js';
import { HttpMetrics } from './http-metrics.js';
import type { HttpLogger } from './logger.js';
import { requestId } from './request-id.js';

const STATUS: Readonly<Record<string, number>> = {
  UNAUTHORIZED: 401,
  DISABLED: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  BODY_TOO_LARGE: 413,
  MALFORMED_BODY: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INVALID_REQUEST: 400,
  BUSY: 503,
};

export class TestError extends Error {
  readonly details: readonly ProblemDetail[] = [];
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface LogLine {
  readonly level: string;
  readonly message: string;
  readonly meta: Record<string, unknown>;
}

export function memoryLogger(lines: LogLine[]): HttpLogger {
  const at =
    (level: string) =>
    (message: string, meta: Record<string, unknown> = {}): void =>
      void lines.push({ level, message, meta });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

const toError = (err: unknown): TestError => {
  if (err instanceof TestError) return err;
  const body = bodyProblem(err, { tooLarge: 'Too large for this test app.' });
  return body === undefined
    ? new TestError('INTERNAL', INTERNAL_MESSAGE)
    : new TestError(body.code, body.message);
};

/** Routes: GET /open, POST /guarded (key), POST /admin (key, disabled without one), POST /echo (JSON ≤ 100 bytes), GET /boom, GET /busy. */
export function testApp(options: { apiKey?: ApiKey; lines?: LogLine[] } = {}): {
  app: Express;
  metrics: HttpMetrics;
  router: ApiRouter<string>;
} {
  const logger = memoryLogger(options.lines ?? []);
  const metrics = new HttpMetrics({ prefix: 'test_', defaultMetrics: false });
  const unauthorized = (message: string): Error => new TestError('UNAUTHORIZED', message);
  const app = express();
  app.use(requestId);
  app.use(accessLog({ logger, metrics, quietPaths: new Set(['/open']), extra: rows }));
  const router = new ApiRouter<string>({
    methodNotAllowed: (message) => new TestError('METHOD_NOT_ALLOWED', message),
  });
  const ok = (_req: unknown, res: Response): void => void res.json({ ok: true });
  router.get('/open', 'open', ok);
  router.post('/guarded', 'guarded', requireApiKey({ apiKey: options.apiKey, unauthorized }), ok);
  const whenUnset = (): Error => new TestError('DISABLED', 'Disabled without a key.');
  router.post(
    '/admin',
    'admin',
    requireApiKey({ apiKey: options.apiKey, unauthorized, whenUnset }),
    ok,
  );
  router.post('/echo', 'echo', express.json({ limit: 100 }), (req, res) => void res.json(req.body));
  router.get('/boom', 'boom', () => {
    throw new Error('secret detail at /srv/app.js');
  });
  router.get('/busy', 'busy', () => {
    throw new TestError('BUSY', 'Try again.');
  });
  router.add({ method: 'delete', path: '/items/:id', operation: 'delete' }, (_req, res) => {
    res.locals['rows'] = 3;
    res.status(204).end();
  });
  router.refuseOtherMethods();
  app.use(router.express);
  app.use(notFound((message) => new TestError('NOT_FOUND', message)));
  app.use(
    errorHandler<TestError>({
      logger,
      toError,
      statusOf: (error) => STATUS[error.code] ?? 500,
      logClientErrors: true,
      headers: (error): Record<string, string> =>
        error.code === 'BUSY' ? { 'Retry-After': '1' } : {},
    }),
  );
  return { app, metrics, router };
}

function rows(res: Response): Record<string, unknown> {
  const value: unknown = res.locals['rows'];
  return value === undefined ? {} : { rows: value };
}
