/** Classification of low-level failures (undici, node:net, AbortSignal.timeout). */

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** Failures where the request surely never reached the server's handler. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** The first `code` found on the error, its `cause` chain or an AggregateError's members. */
export function networkErrorCode(err: unknown, depth = 0): string | undefined {
  if (depth > 4 || err === null || typeof err !== 'object') return undefined;
  const record = err as { code?: unknown; name?: unknown; cause?: unknown; errors?: unknown };
  if (record.name === 'TimeoutError') return 'ETIMEDOUT';
  if (typeof record.code === 'string' && record.code !== '') return record.code;
  if (Array.isArray(record.errors)) {
    for (const inner of record.errors) {
      const code = networkErrorCode(inner, depth + 1);
      if (code !== undefined) return code;
    }
  }
  return networkErrorCode(record.cause, depth + 1);
}

/** What kind of network failure this is, if any. */
export function classifyNetworkError(
  err: unknown,
): { kind: 'timeout' | 'connection'; code: string; notSent: boolean } | undefined {
  const code = networkErrorCode(err);
  if (code === undefined) return undefined;
  const notSent = NOT_SENT_CODES.has(code);
  if (TIMEOUT_CODES.has(code)) return { kind: 'timeout', code, notSent };
  if (CONNECTION_CODES.has(code)) return { kind: 'connection', code, notSent };
  return undefined;
}
