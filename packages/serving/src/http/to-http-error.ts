import { ServingHttpError, type HttpErrorCode } from './errors.js';

/** body-parser's error `type`s and what they mean to a client. */
const BODY_PARSER: Readonly<Record<string, { code: HttpErrorCode; message: string }>> = {
  'entity.too.large': {
    code: 'BODY_TOO_LARGE',
    message: 'The request body is larger than this server accepts',
  },
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

function field(err: unknown, name: string): unknown {
  return typeof err === 'object' && err !== null
    ? (err as Record<string, unknown>)[name]
    : undefined;
}

/**
 * Converts anything thrown while handling a request into a ServingHttpError. Only errors we
 * recognise keep a client-facing message; everything else becomes a generic INTERNAL error (the
 * original is logged with the request id, never sent).
 */
export function toHttpError(err: unknown, options: { maxBodyBytes: number }): ServingHttpError {
  if (err instanceof ServingHttpError) return err;
  const type = field(err, 'type');
  const known = typeof type === 'string' ? BODY_PARSER[type] : undefined;
  if (known !== undefined) {
    const message =
      known.code === 'BODY_TOO_LARGE'
        ? `${known.message} (${options.maxBodyBytes} bytes, CHAMPION_MAX_BODY_BYTES); split the batch.`
        : `${known.message}.`;
    return new ServingHttpError({ code: known.code, message, cause: err });
  }
  return new ServingHttpError({
    code: 'INTERNAL',
    message: 'The server failed to handle this request; quote the request id when reporting it.',
    cause: err,
  });
}
