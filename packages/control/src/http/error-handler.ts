/**
 * Errors to HTTP, in one place: a ControlError keeps its code; the trainer's option errors are
 * the client's (400); body-parser's say what was wrong with the body (http-kit's `bodyProblem`);
 * anything else is INTERNAL, logged with its stack and the request id, and answered without
 * either (http-kit's error handler).
 */
import type { Request } from 'express';
import * as kit from '@champion/http-kit';
import type { Logger } from 'mlflow-js-client';
import { TrainerError } from '@champion/trainer';
import { ControlError, httpStatusOf } from '../errors.js';

const TOO_LARGE = 'The request body is larger than this endpoint accepts.';

export function toControlError(err: unknown): ControlError {
  if (err instanceof ControlError) return err;
  if (err instanceof TrainerError && err.code === 'CONFIG') {
    return new ControlError({ code: 'INVALID_REQUEST', message: err.message, cause: err });
  }
  const body = kit.bodyProblem(err, { tooLarge: TOO_LARGE });
  if (body !== undefined) return new ControlError({ ...body, cause: err });
  return new ControlError({ code: 'INTERNAL', message: kit.INTERNAL_MESSAGE, cause: err });
}

export const notFound: (req: Request) => never = kit.notFound(
  (message) => new ControlError({ code: 'NOT_FOUND', message }),
);

/** The last middleware: logs the failure and sends `{error: {code, message, details, requestId}}`. */
export function errorHandler(logger: Logger) {
  return kit.errorHandler<ControlError>({
    logger,
    toError: toControlError,
    statusOf: (error) => httpStatusOf(error.code),
    logClientErrors: true,
  });
}
