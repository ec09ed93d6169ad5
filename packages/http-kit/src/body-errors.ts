/**
 * What body-parser's (and raw-body's) errors mean to a client: a 4xx with a code and a message
 * that says what to send, never a 500. The service turns the answer into its own error class.
 */

export type BodyErrorCode =
  'BODY_TOO_LARGE' | 'MALFORMED_BODY' | 'UNSUPPORTED_MEDIA_TYPE' | 'INVALID_REQUEST';

export interface BodyProblem {
  readonly code: BodyErrorCode;
  readonly message: string;
}

/** What a client that sent a body that is not JSON is told. */
export const MALFORMED_JSON = 'The request body is not valid JSON.';

/** body-parser's error `type`s (other than too large) and what they mean to a client. */
const BODY_PARSER: Readonly<Record<string, BodyProblem>> = {
  'entity.parse.failed': { code: 'MALFORMED_BODY', message: MALFORMED_JSON },
  'encoding.unsupported': {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'The request body encoding is not supported; send it uncompressed or gzip/deflate.',
  },
  'charset.unsupported': {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'The request charset is not supported; send UTF-8.',
  },
  'request.aborted': { code: 'INVALID_REQUEST', message: 'The request was aborted by the client.' },
  'request.size.invalid': {
    code: 'INVALID_REQUEST',
    message: 'The request body length does not match Content-Length.',
  },
};

const UNSUPPORTED_FORM =
  'The request body is sent in a form this endpoint does not accept; send it uncompressed JSON or CSV as the endpoint documents.';
const BAD_ENCODING =
  'The request body is not valid data for its Content-Encoding header; send it uncompressed without Content-Encoding, or compressed as the header says (gzip, deflate, br).';
const UNREADABLE =
  'The request body could not be read as sent; check its Content-Length, Content-Encoding and charset.';

function field(err: unknown, name: string): unknown {
  return typeof err === 'object' && err !== null
    ? (err as Record<string, unknown>)[name]
    : undefined;
}

/** zlib's and brotli's error codes: the body does not decode as its Content-Encoding says. */
function isDecompressionError(err: unknown): boolean {
  const code = field(err, 'code');
  return typeof code === 'string' && /^(Z_|ERR_BROTLI|ERR__ERROR|ERR_ZSTD)/.test(code);
}

/**
 * An error with a client status (`status`/`statusCode`, 4xx) but no `type` we know, e.g. a zlib
 * error for a body sent with `Content-Encoding: gzip` that is not gzip. 413 and 415 keep their
 * meaning, any other 4xx is a malformed body; zlib's own message is replaced by what to send.
 */
function byStatus(err: unknown, tooLarge: string): BodyProblem | undefined {
  const status = field(err, 'status') ?? field(err, 'statusCode');
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  if (status === 413) return { code: 'BODY_TOO_LARGE', message: tooLarge };
  if (status === 415) return { code: 'UNSUPPORTED_MEDIA_TYPE', message: UNSUPPORTED_FORM };
  const message = isDecompressionError(err) ? BAD_ENCODING : UNREADABLE;
  return { code: 'MALFORMED_BODY', message };
}

/**
 * The client's problem with its request body, if `err` is one; `tooLarge` is the service's
 * message for a body over its limit (it knows the limit and the setting that raises it).
 */
export function bodyProblem(err: unknown, options: { tooLarge: string }): BodyProblem | undefined {
  const type = field(err, 'type');
  if (type === 'entity.too.large') return { code: 'BODY_TOO_LARGE', message: options.tooLarge };
  const known = typeof type === 'string' ? BODY_PARSER[type] : undefined;
  return known ?? byStatus(err, options.tooLarge);
}
