import { Secret } from './secret.js';

/** How requests authenticate. Secrets are wrapped so the options object prints redacted. */
export type MlflowAuth =
  | { type: 'none' }
  | { type: 'basic'; username: string; password: Secret }
  | { type: 'bearer'; token: Secret };

/** Environment variables read by {@link authFromEnv}. */
export type AuthEnv = Readonly<Record<string, string | undefined>>;

/**
 * MLflow's own precedence: username + password → Basic; else a token → Bearer; else nothing.
 * Empty strings count as unset, as in MLflow's Python client.
 */
export function authFromEnv(env: AuthEnv): MlflowAuth {
  const username = env['MLFLOW_TRACKING_USERNAME'];
  const password = env['MLFLOW_TRACKING_PASSWORD'];
  const token = env['MLFLOW_TRACKING_TOKEN'];
  if (username && password) {
    return { type: 'basic', username, password: new Secret(password) };
  }
  if (token) return { type: 'bearer', token: new Secret(token) };
  return { type: 'none' };
}

/** The Authorization header value, or undefined when there are no credentials. */
export function authorizationHeader(auth: MlflowAuth): string | undefined {
  switch (auth.type) {
    case 'basic': {
      const raw = `${auth.username}:${auth.password.reveal()}`;
      return `Basic ${Buffer.from(raw, 'utf8').toString('base64')}`;
    }
    case 'bearer':
      return `Bearer ${auth.token.reveal()}`;
    case 'none':
      return undefined;
  }
}
