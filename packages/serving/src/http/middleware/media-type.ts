import type { NextFunction, Request, Response } from 'express';
import { ServingHttpError } from '../errors.js';

/**
 * 415 unless the body is one of `types` (checked before parsing, so a wrong type is never
 * mistaken for an empty body); 400 when there is no body at all.
 */
export function requireMediaType(types: readonly string[]) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const empty = req.get('content-length') === '0';
    const match = empty ? null : req.is([...types]);
    if (match === null) {
      throw new ServingHttpError({
        code: 'INVALID_REQUEST',
        message: `The request has no body; send ${types.join(' or ')}.`,
      });
    }
    if (match === false) {
      throw new ServingHttpError({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: `Content-Type ${JSON.stringify(req.get('content-type') ?? '(none)')} is not supported here; send ${types.join(' or ')}.`,
      });
    }
    next();
  };
}
