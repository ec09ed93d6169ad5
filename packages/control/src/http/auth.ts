/**
 * The API key every mutating call needs (http-kit's rule: Bearer or X-API-Key, constant-time,
 * never logged). Without a configured key the service is read-only: mutating calls are refused,
 * never open.
 */
import { requireApiKey as requireKey, type ApiKey } from '@champion/http-kit';
import { ControlError } from '../errors.js';

export function requireApiKey(apiKey: ApiKey | undefined) {
  return requireKey({
    apiKey,
    unauthorized: (message) => new ControlError({ code: 'UNAUTHORIZED', message }),
    whenUnset: () =>
      new ControlError({
        code: 'CONTROL_READ_ONLY',
        message: 'This control service is read-only: set CHAMPION_API_KEY on it to allow jobs.',
      }),
  });
}
