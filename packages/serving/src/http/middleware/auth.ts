/** Serving's API key refusals; the key rule itself is http-kit's `requireApiKey`. */
import { requireApiKey as requireKey, type ApiKey } from '@champion/http-kit';
import { ServingHttpError } from '../errors.js';

const unauthorized = (message: string): Error =>
  new ServingHttpError({ code: 'UNAUTHORIZED', message });

/** Requires the API key when one is configured; open otherwise. */
export function requireApiKey(apiKey: ApiKey | undefined) {
  return requireKey({ apiKey, unauthorized });
}

/** Admin endpoints always need the key, and are disabled when none is configured. */
export function requireAdminKey(apiKey: ApiKey | undefined) {
  const whenUnset = (): Error =>
    new ServingHttpError({
      code: 'ADMIN_DISABLED',
      message: 'Admin endpoints are disabled: set CHAMPION_API_KEY on the server to enable them.',
    });
  return requireKey({ apiKey, unauthorized, whenUnset });
}
