import { authFromEnv } from './auth.js';
import type { AuthEnv, MlflowAuth } from './auth.js';
import { MlflowError } from './errors.js';
import { trustedOriginsFromEnv } from './http/origins.js';
import { DEFAULT_RETRY } from './http/retry.js';
import type { RetryOptions } from './http/retry.js';
import type { ClientLimits } from './limits.js';
import type { Logger } from './logger.js';

/** Options of `new MlflowClient(...)`. */
export interface MlflowClientOptions {
  /** The MLflow server, e.g. `http://127.0.0.1:5000` (a path prefix like `/mlflow` is kept). */
  trackingUri: string;
  /** @default { type: 'none' } */
  auth?: MlflowAuth;
  /** TCP/TLS connect timeout. @default 10000 */
  connectTimeoutMs?: number;
  /** Timeout of one attempt of a JSON call. @default 30000 */
  timeoutMs?: number;
  /** Longest silence while streaming an artifact. @default 300000 */
  transferIdleTimeoutMs?: number;
  /** Retry policy; fields left out keep their defaults (see DEFAULT_RETRY). */
  retry?: Partial<RetryOptions>;
  /** Receives debug/warn lines; never credentials. @default silent */
  logger?: Logger;
  /**
   * Origins (`https://host:port`) other than the tracking server's that server-supplied artifact
   * URIs may point at; requests there carry the credentials too. An artifact URI on any other
   * origin is refused (UNTRUSTED_ORIGIN) before a request is made.
   * @default [] (`fromEnv`: MLFLOW_TRUSTED_ARTIFACT_ORIGINS, comma-separated)
   */
  trustedArtifactOrigins?: readonly string[];
  /** Bounds on listings, pages and answer sizes; fields left out keep DEFAULT_LIMITS. */
  limits?: Partial<ClientLimits>;
}

/** Validates the tracking URI: http(s) only, since this client speaks REST. */
export function parseTrackingUri(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch (err) {
    throw new MlflowError({
      code: 'INVALID_PARAMETER_VALUE',
      message: `Tracking URI '${value}' is not a URL; use e.g. http://127.0.0.1:5000.`,
      cause: err,
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new MlflowError({
      code: 'INVALID_PARAMETER_VALUE',
      message: `Tracking URI '${url.protocol}//…' is not http(s); this client needs an MLflow server URL.`,
    });
  }
  return url;
}

/** Options from MLFLOW_TRACKING_URI and MLflow's credential variables. */
export function optionsFromEnv(env: AuthEnv): MlflowClientOptions {
  const trackingUri = env['MLFLOW_TRACKING_URI'];
  if (trackingUri === undefined || trackingUri === '') {
    throw new MlflowError({
      code: 'INVALID_PARAMETER_VALUE',
      message:
        'MLFLOW_TRACKING_URI is not set; set it to the MLflow server, e.g. http://127.0.0.1:5000.',
    });
  }
  return {
    trackingUri,
    auth: authFromEnv(env),
    trustedArtifactOrigins: trustedOriginsFromEnv(env),
  };
}

/** Fills defaults. */
export function resolveRetry(retry: Partial<RetryOptions> | undefined): RetryOptions {
  return { ...DEFAULT_RETRY, ...retry };
}
