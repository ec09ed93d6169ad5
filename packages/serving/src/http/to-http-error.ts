import { ServingError } from '../model/errors.js';
import { ServingHttpError, type HttpErrorCode } from './errors.js';

const BODY_TOO_LARGE = 'The request body is larger than this server accepts';

/** body-parser's error `type`s and what they mean to a client. */
const BODY_PARSER: Readonly<Record<string, { code: HttpErrorCode; message: string }>> = {
  'entity.too.large': { code: 'BODY_TOO_LARGE', message: BODY_TOO_LARGE },
  'entity.parse.failed': { code: 'MALFORMED_BODY', message: 'The request body is not valid JSON' },
  'encoding.unsupported': {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'The request body encoding is not supported; send it uncompressed or gzip/deflate',
  },
  'charset.unsupported': {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'The request charset is not supported; send UTF-8',
  },
  'request.aborted': { code: 'INVALID_REQUEST', message: 'The request was aborted by the client' },
  'request.size.invalid': {
    code: 'INVALID_REQUEST',
    message: 'The request body length does not match Content-Length',
  },
};

function tooLarge(options: { maxBodyBytes: number }): string {
  return `${BODY_TOO_LARGE} (${options.maxBodyBytes} bytes, CHAMPION_MAX_BODY_BYTES); split the batch.`;
}

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
 * An error body-parser or raw-body gave a client status (`status`/`statusCode`, 4xx) but no
 * `type` we know, e.g. a zlib error for a body sent with `Content-Encoding: gzip` that is not
 * gzip. The status is kept (413 and 415 as such, any other 4xx as 400); zlib's own message
 * ("incorrect header check") is replaced by one that says what to send.
 */
function clientStatusError(
  err: unknown,
  options: { maxBodyBytes: number },
): ServingHttpError | undefined {
  const status = field(err, 'status') ?? field(err, 'statusCode');
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  if (status === 413)
    return new ServingHttpError({ code: 'BODY_TOO_LARGE', message: tooLarge(options), cause: err });
  if (status === 415)
    return new ServingHttpError({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message:
        'The request body is sent in a form this endpoint does not accept; send it uncompressed JSON or CSV as the endpoint documents.',
      cause: err,
    });
  const message = isDecompressionError(err)
    ? 'The request body is not valid data for its Content-Encoding header; send it uncompressed without Content-Encoding, or compressed as the header says (gzip, deflate, br).'
    : 'The request body could not be read as sent; check its Content-Length, Content-Encoding and charset.';
  return new ServingHttpError({ code: 'MALFORMED_BODY', message, cause: err });
}

/**
 * The model host has no model to score with: none loaded yet, or the server is stopping. A
 * client should retry (503 with Retry-After, set by the error handler), never see a 500.
 */
function hostError(err: unknown): ServingHttpError | undefined {
  if (!(err instanceof ServingError)) return undefined;
  const message =
    err.code === 'STOPPED'
      ? 'This server is shutting down; send the request again (to another replica).'
      : 'No model is loaded yet; retry shortly (GET /readyz says when the server is ready).';
  return new ServingHttpError({ code: 'MODEL_NOT_READY', message, cause: err });
}

/**
 * Converts anything thrown while handling a request into a ServingHttpError: the one place
 * errors map to HTTP. body-parser's errors keep their meaning (by `type`, else by their 4xx
 * `status`); only errors we recognise keep a client-facing message; everything else becomes a generic INTERNAL error (the
 * original is logged with the request id, never sent).
 */
export function toHttpError(err: unknown, options: { maxBodyBytes: number }): ServingHttpError {
  if (err instanceof ServingHttpError) return err;
  const type = field(err, 'type');
  const known = typeof type === 'string' ? BODY_PARSER[type] : undefined;
  if (known !== undefined) {
    const message = known.code === 'BODY_TOO_LARGE' ? tooLarge(options) : `${known.message}.`;
    return new ServingHttpError({ code: known.code, message, cause: err });
  }
  const client = clientStatusError(err, options);
  if (client !== undefined) return client;
  const host = hostError(err);
  if (host !== undefined) return host;
  return new ServingHttpError({
    code: 'INTERNAL',
    message: 'The server failed to handle this request; quote the request id when reporting it.',
    cause: err,
  });
}
