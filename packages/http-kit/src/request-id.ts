import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const SAFE_ID = /^[\w.:-]{1,128}$/;

/** The request id of this exchange (set by {@link requestId}). */
export function requestIdOf(res: Response): string {
  const id: unknown = res.locals['requestId'];
  return typeof id === 'string' ? id : 'unknown';
}

/** The caller's X-Request-Id when it is a plain token, else a new one: the rule of {@link requestId}. */
export function chooseRequestId(given: string | string[] | undefined): string {
  return typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID();
}

/**
 * Takes the caller's X-Request-Id when it is a plain token (so ids propagate through proxies),
 * else generates one; echoes it in the response header and every log line.
 */
export function requestId(req: Request, res: Response, next: NextFunction): void {
  const id = chooseRequestId(req.get('x-request-id'));
  res.locals['requestId'] = id;
  res.setHeader('X-Request-Id', id);
  next();
}
