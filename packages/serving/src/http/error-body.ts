/**
 * The JSON body of an error. Three dialects, one content:
 * - default: `{error: {code, message, details, requestId}}` (DESIGN.md);
 * - /invocations adds MLflow's `error_code` and `message` at the top level, which is what
 *   `mlflow models serve` returns and MLflow clients read;
 * - /v2 follows the Open Inference Protocol: `error` is the message string (tritonclient
 *   prints it), with `code`, `details` and `requestId` beside it.
 */
import { errorBody as defaultBody } from '@champion/http-kit';
import type { ServingHttpError } from './errors.js';

export type ErrorDialect = 'default' | 'mlflow' | 'v2';

const MLFLOW_CODES: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'ENDPOINT_NOT_FOUND',
  413: 'BAD_REQUEST',
  415: 'BAD_REQUEST',
  422: 'BAD_REQUEST',
  503: 'TEMPORARILY_UNAVAILABLE',
};

/** Which dialect a request path speaks. */
export function dialectOf(path: string): ErrorDialect {
  if (path === '/invocations') return 'mlflow';
  if (path === '/v2' || path.startsWith('/v2/')) return 'v2';
  return 'default';
}

function withDetails(message: string, error: ServingHttpError): string {
  if (error.details.length === 0) return message;
  const shown = error.details.slice(0, 5).map((d) => `${d.path}: ${d.problem}`);
  const more = error.details.length > 5 ? `; and ${error.details.length - 5} more` : '';
  return `${message} ${shown.join('; ')}${more}`;
}

export function errorBody(options: {
  error: ServingHttpError;
  status: number;
  requestId: string;
  dialect: ErrorDialect;
}): Record<string, unknown> {
  const { error, status, requestId, dialect } = options;
  const standard = defaultBody(error, requestId);
  if (dialect === 'v2') {
    return {
      error: withDetails(error.message, error),
      code: error.code,
      details: error.details,
      requestId,
    };
  }
  if (dialect === 'mlflow') {
    return {
      error_code: MLFLOW_CODES[status] ?? 'INTERNAL_ERROR',
      message: withDetails(error.message, error),
      ...standard,
    };
  }
  return { ...standard };
}
