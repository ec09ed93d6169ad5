import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Secret } from 'mlflow-js-client';
import { ServingHttpError } from '../errors.js';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** The key a request presents: `Authorization: Bearer <key>` or `X-API-Key: <key>`. */
function presentedKey(req: Request): string | undefined {
  const header = req.get('authorization');
  if (header !== undefined) {
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    if (match?.[1] !== undefined) return match[1];
  }
  return req.get('x-api-key');
}

function check(expected: Buffer, req: Request): void {
  const key = presentedKey(req);
  // Comparing digests keeps the comparison constant-time whatever the lengths.
  if (key === undefined || !timingSafeEqual(digest(key), expected)) {
    throw new ServingHttpError({
      code: 'UNAUTHORIZED',
      message:
        'This endpoint needs the API key: send `Authorization: Bearer <key>` or `X-API-Key: <key>`.',
    });
  }
}

/** Requires the API key when one is configured; open otherwise. */
export function requireApiKey(apiKey: Secret | undefined) {
  const expected = apiKey === undefined ? undefined : digest(apiKey.reveal());
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (expected !== undefined) check(expected, req);
    next();
  };
}

/** Admin endpoints always need the key, and are disabled when none is configured. */
export function requireAdminKey(apiKey: Secret | undefined) {
  const expected = apiKey === undefined ? undefined : digest(apiKey.reveal());
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (expected === undefined) {
      throw new ServingHttpError({
        code: 'ADMIN_DISABLED',
        message: 'Admin endpoints are disabled: set CHAMPION_API_KEY on the server to enable them.',
      });
    }
    check(expected, req);
    next();
  };
}
