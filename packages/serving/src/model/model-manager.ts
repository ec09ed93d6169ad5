/**
 * The model lifecycle behind the HTTP layer: resolve `models:/NAME@ALIAS`, download, check, warm,
 * serve; poll the alias and swap atomically to a new version only after it passes the checks; keep
 * the last good version on disk so a restart during an MLflow outage still serves.
 * It does not parse requests or build batches from records: the HTTP layer does.
 */
import { join } from 'node:path';
import type { MlflowClient } from 'mlflow-js-client';
import { loggedModelMetadata, type LoggedModelMetadata } from './logged-model-metadata.js';
import {
  errorMessage,
  loadModelDir,
  type BatchingOptions,
  type EnginePreference,
  type LoadedModel,
  silentLogger,
  type Logger,
  type BatchScores,
  type ExplainedScores,
  type FeatureBatch,
  type ModelHealth,
  type ModelHost,
  type ModelState,
  type ServedModel,
} from '@champion/runtime';
import { isRefusedAnswer, ServingError } from './errors.js';
import { ModelCache } from './model-cache.js';

export interface ModelManagerOptions {
  readonly client: MlflowClient;
  /** Registered model name. */
  readonly name: string;
  /** @default 'champion' */
  readonly alias?: string;
  /** How often the alias is checked. @default 10000 */
  readonly pollIntervalMs?: number;
  /** Downloaded versions and last-good.json. @default `<cwd>/.champion/serving-cache` */
  readonly cacheDir?: string;
  readonly batching?: BatchingOptions;
  /** Which engine scores requests (runtime's engine.ts). @default 'auto' */
  readonly engine?: EnginePreference;
  /** @default silent */
  readonly logger?: Logger;
  /** First retry delay while nothing is served; doubles up to pollIntervalMs. @default 250 */
  readonly retryMinMs?: number;
}

/** What one alias check did (checkNow's answer). */
export interface CheckResult {
  readonly changed: boolean;
  readonly version?: string;
  readonly refused?: string;
}

type SwapListener = (next: ServedModel, previous: ServedModel | undefined) => void;

export class ModelManager implements ModelHost {
  readonly #client: MlflowClient;
  readonly #name: string;
  readonly #alias: string;
  readonly #interval: number;
  readonly #retryMinMs: number;
  readonly #cache: ModelCache;
  readonly #batching: BatchingOptions | undefined;
  readonly #engine: EnginePreference;
  readonly #log: Logger;
  readonly #listeners: SwapListener[] = [];
  #active: LoadedModel | undefined;
  #source: 'mlflow' | 'cache' = 'mlflow';
  #state: ModelState = 'loading';
  #refused: ModelHealth['refused'];
  #lastError: ModelHealth['lastError'];
  #lastCheckAt: string | undefined;
  /** The version last refused; not retried until the alias points elsewhere. */
  #refusedVersion: string | undefined;
  #failures = 0;
  #chain: Promise<unknown> = Promise.resolve();
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  #readyWaiters: (() => void)[] = [];

  constructor(options: ModelManagerOptions) {
    this.#client = options.client;
    this.#name = options.name;
    this.#alias = options.alias ?? 'champion';
    this.#interval = options.pollIntervalMs ?? 10_000;
    this.#retryMinMs = Math.min(options.retryMinMs ?? 250, this.#interval);
    this.#cache = new ModelCache(
      options.cacheDir ?? join(process.cwd(), '.champion', 'serving-cache'),
    );
    this.#batching = options.batching;
    this.#engine = options.engine ?? 'auto';
    this.#log = options.logger ?? silentLogger;
  }

  /**
   * Loads the model (from MLflow, else from the cache) and starts polling. Resolves after the
   * first attempt whether or not a model is served: check health() or whenReady().
   */
  async start(): Promise<void> {
    await this.#serialized(() => this.#tick());
    this.#schedule();
  }

  current(): ServedModel | undefined {
    return this.#active?.model;
  }

  health(): ModelHealth {
    const active = this.#active;
    return {
      state: this.#state,
      ...(active
        ? {
            serving: {
              version: active.model.version,
              loadedAt: active.model.loadedAt.toISOString(),
              source: this.#source,
            },
          }
        : {}),
      ...(this.#refused ? { refused: this.#refused } : {}),
      ...(this.#lastError ? { lastError: this.#lastError } : {}),
      ...(this.#lastCheckAt === undefined ? {} : { lastCheckAt: this.#lastCheckAt }),
      pollIntervalMs: this.#interval,
    };
  }

  #activeOrThrow(): LoadedModel {
    const active = this.#active;
    if (active === undefined) {
      throw new ServingError(
        this.#stopped ? 'STOPPED' : 'NOT_READY',
        this.#stopped
          ? 'the model host is stopped'
          : `no version of ${this.#name}@${this.#alias} is loaded yet`,
      );
    }
    return active;
  }

  async score(batch: FeatureBatch): Promise<BatchScores> {
    // Captured once: a swap during this call does not move the batch to another model.
    const active = this.#activeOrThrow();
    const scores = await active.score(batch);
    return { ...scores, model: active.model };
  }

  async explain(batch: FeatureBatch): Promise<ExplainedScores> {
    // One version for both: a swap during this call changes neither.
    const active = this.#activeOrThrow();
    const scores = await active.score(batch);
    const explanations = await active.explain(batch);
    return { ...scores, model: active.model, explanations };
  }

  checkNow(): Promise<CheckResult> {
    return this.#serialized(() => this.#tick());
  }

  onSwap(listener: SwapListener): void {
    this.#listeners.push(listener);
  }

  /** Resolves once a model is served (immediately if one is). */
  whenReady(): Promise<ServedModel> {
    return new Promise((done) => {
      const check = (): void => {
        const model = this.current();
        if (model) done(model);
        else this.#readyWaiters.push(check);
      };
      check();
    });
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#chain.catch(() => undefined);
    const active = this.#active;
    this.#active = undefined;
    this.#state = 'unavailable';
    await active?.retire();
  }

  #serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#chain.then(task, task);
    this.#chain = run.catch(() => undefined);
    return run;
  }

  #schedule(): void {
    if (this.#stopped) return;
    const delay =
      this.#active === undefined
        ? Math.min(this.#interval, this.#retryMinMs * 2 ** Math.min(this.#failures, 20))
        : this.#interval;
    this.#timer = setTimeout(() => {
      void this.#serialized(() => this.#tick()).finally(() => this.#schedule());
    }, delay);
    this.#timer.unref();
  }

  async #tick(): Promise<CheckResult> {
    if (this.#stopped) return { changed: false };
    this.#lastCheckAt = new Date().toISOString();
    let version: string;
    try {
      const found = await this.#client.registry.aliases.getVersion({
        name: this.#name,
        alias: this.#alias,
      });
      version = found.version;
    } catch (error) {
      return this.#failed(error, `cannot resolve ${this.#name}@${this.#alias} in MLflow`);
    }
    const active = this.#active;
    if (active?.model.version === version) {
      this.#source = 'mlflow';
      this.#ok();
      return { changed: false, version };
    }
    if (version === this.#refusedVersion) return { changed: false, version, refused: version };
    this.#refusedVersion = undefined;
    return this.#install(version);
  }

  async #install(version: string): Promise<CheckResult> {
    let dir: string;
    let meta: LoggedModelMetadata;
    try {
      const cached = await this.#cache.version({
        name: this.#name,
        version,
        download: async (into) => {
          const got = await this.#client.resolveModelUri(`models:/${this.#name}/${version}`, into);
          return {
            ...(got.modelId === undefined ? {} : { modelId: got.modelId }),
            ...(got.version?.run_id ? { runId: got.version.run_id } : {}),
          };
        },
      });
      dir = cached.dir;
      meta = await loggedModelMetadata(this.#client, {
        modelId: cached.info.modelId,
        runId: cached.info.runId,
      });
    } catch (error) {
      return this.#failed(error, `cannot download ${this.#name} version ${version}`);
    }
    let next: LoadedModel;
    try {
      next = await loadModelDir(dir, {
        name: this.#name,
        version,
        alias: this.#alias,
        ...meta,
        ...(this.#batching ? { batching: this.#batching } : {}),
        engine: this.#engine,
      });
    } catch (error) {
      return this.#refuse({ version, error, dir });
    }
    await this.#swap(next, 'mlflow');
    await this.#cache.writeLastGood({
      name: this.#name,
      version,
      alias: this.#alias,
      dir,
      ...(meta.modelId === undefined ? {} : { modelId: meta.modelId }),
      ...(meta.runId === undefined ? {} : { runId: meta.runId }),
      params: meta.params,
      savedAt: new Date().toISOString(),
    });
    await this.#cache.prune({ name: this.#name, keep: [dir] });
    this.#ok();
    return { changed: true, version };
  }

  async #refuse(options: { version: string; error: unknown; dir: string }): Promise<CheckResult> {
    const { version, error } = options;
    const reason = errorMessage(error);
    this.#refusedVersion = version;
    this.#refused = { version, reason, at: new Date().toISOString() };
    this.#log.error('refused model version', {
      model: this.#name,
      version,
      reason,
      serving: this.#active?.model.version ?? null,
    });
    await this.#cache.prune({
      name: this.#name,
      keep: this.#active ? [this.#active.model.dir] : [],
    });
    if (this.#active === undefined) await this.#fromCache();
    this.#state = this.#active ? 'ready' : 'unavailable';
    return { changed: false, version, refused: version };
  }

  async #failed(error: unknown, what: string): Promise<CheckResult> {
    this.#failures++;
    const message = `${what}: ${errorMessage(error)}`;
    this.#lastError = { message, at: new Date().toISOString() };
    const meta = {
      model: this.#name,
      alias: this.#alias,
      error: message,
      failures: this.#failures,
    };
    if (isRefusedAnswer(error)) {
      this.#log.error('MLflow answer refused', { ...meta, code: error.code });
    } else {
      this.#log.warn('model check failed', meta);
    }
    if (this.#active === undefined) await this.#fromCache();
    this.#state = this.#active ? 'ready' : 'unavailable';
    return { changed: false };
  }

  #ok(): void {
    this.#failures = 0;
    this.#lastError = undefined;
    this.#state = 'ready';
  }

  /** Serves the last good version from disk, when nothing is served yet. */
  async #fromCache(): Promise<void> {
    const last = await this.#cache.readLastGood(this.#name);
    if (last === undefined) return;
    try {
      const loaded = await loadModelDir(last.dir, {
        name: last.name,
        version: last.version,
        alias: last.alias,
        modelId: last.modelId,
        runId: last.runId,
        params: last.params,
        ...(this.#batching ? { batching: this.#batching } : {}),
        engine: this.#engine,
      });
      await this.#swap(loaded, 'cache');
      this.#log.warn('serving the cached last good version', {
        model: this.#name,
        version: last.version,
      });
    } catch (error) {
      this.#log.error('the cached last good version does not load', {
        model: this.#name,
        version: last.version,
        error: errorMessage(error),
      });
    }
  }

  async #swap(next: LoadedModel, source: 'mlflow' | 'cache'): Promise<void> {
    if (this.#stopped) {
      await next.retire();
      return;
    }
    const previous = this.#active;
    this.#active = next;
    this.#source = source;
    this.#state = 'ready';
    this.#log.info('serving model version', {
      model: this.#name,
      version: next.model.version,
      previous: previous?.model.version ?? null,
      source,
      // A model that cannot explain still serves; the reason is worth an operator's eye.
      explanations: next.explainer.available ? 'available' : next.explainer.reason,
    });
    for (const listener of this.#listeners) {
      try {
        listener(next.model, previous?.model);
      } catch (error) {
        this.#log.warn('a swap listener threw', { error: errorMessage(error) });
      }
    }
    for (const waiter of this.#readyWaiters.splice(0)) waiter();
    // In-flight batches finish on the model they started with; the session goes afterwards.
    void previous?.retire();
  }
}
