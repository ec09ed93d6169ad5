import { MlflowError, codeFromHttpStatus, codeFromServerErrorCode } from '../errors.js';

/** Where a failed response came from; used to build messages that name the endpoint. */
export interface ResponseContext {
  method: string;
  /** The request URL, already stripped of credentials. */
  url: string;
  status: number;
  attempts: number;
}

const SNIPPET_CHARS = 200;

function readServerError(text: string): { errorCode: string; message: string } | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object') return undefined;
    const record = parsed as Record<string, unknown>;
    const errorCode = record['error_code'];
    if (typeof errorCode !== 'string') return undefined;
    const message = record['message'];
    return { errorCode, message: typeof message === 'string' ? message : '' };
  } catch {
    return undefined;
  }
}

function snippet(text: string): string {
  const flat = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > SNIPPET_CHARS ? `${flat.slice(0, SNIPPET_CHARS)}…` : flat;
}

function hint(status: number): string {
  if (status === 401) {
    return ' Set MLFLOW_TRACKING_USERNAME/MLFLOW_TRACKING_PASSWORD or MLFLOW_TRACKING_TOKEN.';
  }
  if (status === 403) return ' The credentials are valid but lack permission for this resource.';
  return '';
}

/**
 * Turns a non-2xx answer into an MlflowError. An MLflow JSON error body decides the code;
 * anything else (the basic-auth app's plain text, a proxy's HTML page) falls back to the status,
 * and never causes a JSON parse error of its own.
 */
export function errorFromResponse(ctx: ResponseContext, bodyText: string): MlflowError {
  const where = `${ctx.method} ${ctx.url}`;
  const server = readServerError(bodyText);
  if (server !== undefined) {
    return new MlflowError({
      code: codeFromServerErrorCode(server.errorCode),
      message: `${where} failed with ${server.errorCode} (HTTP ${ctx.status}): ${server.message}`,
      status: ctx.status,
      endpoint: where,
      serverErrorCode: server.errorCode,
      attempts: ctx.attempts,
    });
  }
  const body = snippet(bodyText);
  return new MlflowError({
    code: codeFromHttpStatus(ctx.status),
    message:
      `${where} failed with HTTP ${ctx.status}` +
      (body === '' ? '' : `: ${body}`) +
      `.${hint(ctx.status)}`,
    status: ctx.status,
    endpoint: where,
    attempts: ctx.attempts,
  });
}
