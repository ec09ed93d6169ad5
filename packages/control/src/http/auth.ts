/**
 * The API key every mutating call needs: `Authorization: Bearer <key>` or `X-API-Key: <key>`,
 * compared in constant time (digests of equal length). Without a configured key the service is
 * read-only: mutating calls are refused, never open. The key is never logged.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Secret } from 'mlflow-js-client';
import { ControlError } from '../errors.js';

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

function presentedKey(req: Request): string | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(req.get('authorization')?.trim() ?? '');
  return match?.[1] ?? req.get('x-api-key');
}

export function requireApiKey(apiKey: Secret | undefined) {
  const expected = apiKey === undefined ? undefined : digest(apiKey.reveal());
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (expected === undefined) {
      throw new ControlError({
        code: 'CONTROL_READ_ONLY',
        message: 'This control service is read-only: set CHAMPION_API_KEY on it to allow jobs.',
      });
    }
    const key = presentedKey(req);
    if (key === undefined || !timingSafeEqual(digest(key), expected)) {
      throw new ControlError({
        code: 'UNAUTHORIZED',
        message:
          'This endpoint needs the API key: send `Authorization: Bearer <key>` or `X-API-Key: <key>`.',
      });
    }
    next();
  };
}
