import { INTERNAL_MESSAGE, bodyProblem } from '@champion/http-kit';
import { ServingError } from '../model/errors.js';
import { ServingHttpError } from './errors.js';

function tooLarge(options: { maxBodyBytes: number }): string {
  return `The request body is larger than this server accepts (${options.maxBodyBytes} bytes, CHAMPION_MAX_BODY_BYTES); split the batch.`;
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
 * errors map to HTTP. body-parser's errors keep their meaning (http-kit's `bodyProblem`); only
 * errors we recognise keep a client-facing message; everything else becomes a generic INTERNAL
 * error (the original is logged with the request id, never sent).
 */
export function toHttpError(err: unknown, options: { maxBodyBytes: number }): ServingHttpError {
  if (err instanceof ServingHttpError) return err;
  const body = bodyProblem(err, { tooLarge: tooLarge(options) });
  if (body !== undefined) return new ServingHttpError({ ...body, cause: err });
  const host = hostError(err);
  if (host !== undefined) return host;
  return new ServingHttpError({ code: 'INTERNAL', message: INTERNAL_MESSAGE, cause: err });
}
