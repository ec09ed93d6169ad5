/**
 * Which hosts this client talks to. The tracking server's origin, plus origins the user listed as
 * trusted for artifacts; nothing else. A server-supplied `artifact_uri` naming another host is
 * refused before any request (so credentials and requests never leave for a host the user did not
 * choose), and the Authorization header is attached only to trusted origins.
 */
import { MlflowError } from '../errors.js';
import { redactUrl } from './url.js';

/** Env variable listing extra trusted artifact origins, comma-separated. */
export const TRUSTED_ORIGINS_ENV = 'MLFLOW_TRUSTED_ARTIFACT_ORIGINS';

function originOf(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch (err) {
    throw new MlflowError({
      code: 'INVALID_PARAMETER_VALUE',
      message: `Trusted artifact origin ${JSON.stringify(value)} is not a URL; use e.g. https://artifacts.example.com:443.`,
      cause: err,
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new MlflowError({
      code: 'INVALID_PARAMETER_VALUE',
      message: `Trusted artifact origin ${JSON.stringify(value)} is not http(s).`,
    });
  }
  return url.origin;
}

/** The set of origins requests may go to. */
export class OriginPolicy {
  readonly #tracking: string;
  readonly #trusted: ReadonlySet<string>;

  constructor(options: { trackingUri: URL; trustedArtifactOrigins: readonly string[] }) {
    this.#tracking = options.trackingUri.origin;
    this.#trusted = new Set([this.#tracking, ...options.trustedArtifactOrigins.map(originOf)]);
  }

  /** True for the tracking server's origin and the configured trusted ones. */
  isTrusted(url: URL): boolean {
    return this.#trusted.has(url.origin);
  }

  /** Throws UNTRUSTED_ORIGIN (naming `what` and the URL) unless `url` is on a trusted origin. */
  check(url: URL, what: string): void {
    if (this.isTrusted(url)) return;
    throw new MlflowError({
      code: 'UNTRUSTED_ORIGIN',
      message:
        `${what} points at ${redactUrl(url)}, on ${url.origin}, not the tracking server ` +
        `(${this.#tracking}); refused, so no request or credential goes there. If that host ` +
        `really serves this server's artifacts, list ${url.origin} in ${TRUSTED_ORIGINS_ENV} ` +
        '(or MlflowClientOptions.trustedArtifactOrigins).',
    });
  }
}

/** Origins listed in {@link TRUSTED_ORIGINS_ENV}. */
export function trustedOriginsFromEnv(env: Readonly<Record<string, string | undefined>>): string[] {
  return (env[TRUSTED_ORIGINS_ENV] ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
