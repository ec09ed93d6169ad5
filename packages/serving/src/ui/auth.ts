/**
 * CHAMPION_UI_AUTH=key: every /ui/ page and asset needs the API key. The check is the API's own
 * (http/middleware/auth.ts: `X-API-Key` or `Authorization: Bearer`, constant-time); HTTP Basic
 * with the key as the password is accepted too, so a browser asks for the key natively (a 401
 * carries `WWW-Authenticate: Basic`). The key a browser signed in with is kept for the page
 * handlers (`signedInKey`), so the form and the batch page can send it on to /predict without
 * asking a second time.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Secret } from 'mlflow-js-client';
import { errorBody } from '../http/error-body.js';
import { ServingHttpError } from '../http/errors.js';
import { requireApiKey } from '../http/middleware/auth.js';
import { requestIdOf } from '@champion/http-kit';

export const UI_REALM = 'Basic realm="champion", charset="UTF-8"';

const SIGN_IN = new ServingHttpError({
  code: 'UNAUTHORIZED',
  message:
    'The web UI needs the API key: sign in with any user name and the key as the password, ' +
    'or send `X-API-Key: <key>` or `Authorization: Bearer <key>`.',
});

/** The password of an `Authorization: Basic` header (the user name is ignored). */
export function basicPassword(header: string | undefined): string | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header?.trim() ?? '');
  if (match?.[1] === undefined) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : decoded.slice(colon + 1);
}

/** The key a browser signed in to the UI with (HTTP Basic), once checked; else undefined. */
export function signedInKey(res: Response): string | undefined {
  const key: unknown = res.locals['uiKey'];
  return typeof key === 'string' ? key : undefined;
}

/** The /ui/ guard: a no-op under 'open'. */
export function uiAuth(options: {
  mode: 'open' | 'key';
  apiKey: Secret | undefined;
}): RequestHandler {
  if (options.mode === 'open') return (_req, _res, next) => next();
  const check = requireApiKey(options.apiKey);
  return (req: Request, res: Response, next: NextFunction): void => {
    const basic = basicPassword(req.get('authorization'));
    // The API's check reads `X-API-Key` when Authorization is not a Bearer token.
    if (basic !== undefined) req.headers['x-api-key'] = basic;
    try {
      check(req, res, () => undefined);
    } catch (error) {
      if (!(error instanceof ServingHttpError)) throw error;
      // Answered here: the API's error handler would challenge for Bearer, which no browser asks.
      const body = errorBody({
        error: SIGN_IN,
        status: 401,
        requestId: requestIdOf(res),
        dialect: 'default',
      });
      res.status(401).setHeader('WWW-Authenticate', UI_REALM).json(body);
      return;
    }
    if (basic !== undefined) res.locals['uiKey'] = basic;
    next();
  };
}
