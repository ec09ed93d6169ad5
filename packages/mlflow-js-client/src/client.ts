import { inspect } from 'node:util';
import { ArtifactsApi } from './artifacts/artifacts.js';
import type { AuthEnv } from './auth.js';
import { optionsFromEnv, parseTrackingUri, resolveRetry } from './config.js';
import type { MlflowClientOptions } from './config.js';
import type { ApiContext } from './context.js';
import { OriginPolicy } from './http/origins.js';
import { Transport } from './http/transport.js';
import { redactUrl } from './http/url.js';
import { resolveLimits } from './limits.js';
import { LoggedModelsApi } from './logged-models/logged-models.js';
import { silentLogger } from './logger.js';
import { resolveModelUri } from './model-uri.js';
import type { ResolvedModel } from './model-uri.js';
import { RegistryApi } from './registry/registry.js';
import { ExperimentsApi } from './tracking/experiments.js';
import { RunsApi } from './tracking/runs.js';

/**
 * Typed MLflow 3 REST client. Sub-APIs: `experiments`, `runs`, `artifacts`, `loggedModels`,
 * `registry` (`models`, `versions`, `aliases`); plus {@link MlflowClient.resolveModelUri}.
 */
export class MlflowClient {
  readonly experiments: ExperimentsApi;
  readonly runs: RunsApi;
  readonly artifacts: ArtifactsApi;
  readonly loggedModels: LoggedModelsApi;
  readonly registry: RegistryApi;
  readonly #transport: Transport;
  readonly #trackingUri: URL;

  constructor(options: MlflowClientOptions) {
    this.#trackingUri = parseTrackingUri(options.trackingUri);
    const logger = options.logger ?? silentLogger;
    const limits = resolveLimits(options.limits);
    this.#transport = new Transport({
      trackingUri: this.#trackingUri,
      auth: options.auth ?? { type: 'none' },
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
      requestTimeoutMs: options.timeoutMs ?? 30_000,
      transferIdleTimeoutMs: options.transferIdleTimeoutMs ?? 300_000,
      retry: resolveRetry(options.retry),
      logger,
      origins: new OriginPolicy({
        trackingUri: this.#trackingUri,
        trustedArtifactOrigins: options.trustedArtifactOrigins ?? [],
      }),
      maxResponseBytes: limits.responseBytes,
    });
    const ctx: ApiContext = { transport: this.#transport, logger, limits };
    this.experiments = new ExperimentsApi(ctx);
    this.runs = new RunsApi(ctx);
    this.artifacts = new ArtifactsApi(ctx);
    this.loggedModels = new LoggedModelsApi(ctx, { artifacts: this.artifacts, runs: this.runs });
    this.registry = new RegistryApi(ctx);
  }

  /**
   * A client configured like MLflow's: MLFLOW_TRACKING_URI, then Basic auth from
   * MLFLOW_TRACKING_USERNAME/PASSWORD, else Bearer from MLFLOW_TRACKING_TOKEN.
   */
  static fromEnv(
    env: AuthEnv = process.env,
    overrides: Omit<MlflowClientOptions, 'trackingUri' | 'auth'> = {},
  ): MlflowClient {
    return new MlflowClient({ ...optionsFromEnv(env), ...overrides });
  }

  /** The server this client talks to (credentials stripped). */
  get trackingUri(): string {
    return redactUrl(this.#trackingUri);
  }

  /**
   * Downloads the model behind `models:/NAME@ALIAS`, `models:/NAME/VERSION` or
   * `models:/MODEL_ID` into `destDir` (new or empty) and returns its path and version info.
   * `options.skip`: files and folders of the model (paths under its root) not to download.
   */
  async resolveModelUri(
    uri: string,
    destDir: string,
    options: { skip?: readonly string[] } = {},
  ): Promise<ResolvedModel> {
    return resolveModelUri(
      { registry: this.registry, artifacts: this.artifacts, loggedModels: this.loggedModels },
      uri,
      { ...options, destDir },
    );
  }

  /** Closes pooled connections; the client is unusable afterwards. */
  async close(): Promise<void> {
    await this.#transport.close();
  }

  toJSON(): { trackingUri: string } {
    return { trackingUri: this.trackingUri };
  }

  [inspect.custom](): string {
    return `MlflowClient(${this.trackingUri})`;
  }
}
