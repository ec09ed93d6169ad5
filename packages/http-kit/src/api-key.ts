/**
 * The API key rule, in one place: a request presents the key as `Authorization: Bearer <key>` or
 * `X-API-Key: <key>`; it is compared in constant time (sha-256 digests, equal lengths whatever
 * the key's) and never logged. What a refusal is (its error code and status) is the service's:
 * it passes the errors to throw.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { NextFunction, Request, Response } from 'express';

/** A configured key (mlflow-js-client's `Secret` fits): revealed only to digest it. */
export interface ApiKey {
  reveal(): string;
}

/** What a request without the right key is told. */
export const API_KEY_NEEDED =
  'This endpoint needs the API key: send `Authorization: Bearer <key>` or `X-API-Key: <key>`.';

export interface RequireApiKeyOptions {
  readonly apiKey: ApiKey | undefined;
  /** The error a missing or wrong key fails with (a 401 with WWW-Authenticate: Bearer). */
  readonly unauthorized: (message: string) => Error;
  /**
   * When no key is configured: the error every request fails with (the endpoint is disabled).
   * Without it the endpoint is open when no key is configured.
   */
  readonly whenUnset?: () => Error;
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** The key a request presents: `Authorization: Bearer <key>` or `X-API-Key: <key>`. */
function presentedKey(headers: IncomingHttpHeaders): string | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(headers.authorization?.trim() ?? '');
  const header = headers['x-api-key'];
  return match?.[1] ?? (Array.isArray(header) ? header[0] : header);
}

/** Whether the request presents the key whose digest is `expected`. */
function presents(headers: IncomingHttpHeaders, expected: Buffer): boolean {
  const key = presentedKey(headers);
  return key !== undefined && timingSafeEqual(digest(key), expected);
}

/**
 * Whether a request's headers may pass {@link requireApiKey} with the same options: always when
 * no key is configured (an open endpoint), else only with the key.
 */
export function hasApiKey(apiKey: ApiKey | undefined): (headers: IncomingHttpHeaders) => boolean {
  const expected = apiKey === undefined ? undefined : digest(apiKey.reveal());
  return (headers) => expected === undefined || presents(headers, expected);
}

/** Middleware that lets a request through only with the configured API key. */
export function requireApiKey(options: RequireApiKeyOptions) {
  const { apiKey, unauthorized, whenUnset } = options;
  const expected = apiKey === undefined ? undefined : digest(apiKey.reveal());
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (expected === undefined) {
      if (whenUnset !== undefined) throw whenUnset();
    } else if (!presents(req.headers, expected)) {
      throw unauthorized(API_KEY_NEEDED);
    }
    next();
  };
}
