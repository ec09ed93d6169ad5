/** `CHAMPION_INFERENCE_STORE` → a store: a `postgresql://` URI, or else a directory path. */
import { resolve } from 'node:path';
import { DirectoryStore } from './directory/directory-store.js';
import type { InferenceLogLimits } from './limits.js';
import { silentStoreLogger, type StoreLogger } from './logger.js';
import { PgStore } from './postgres/pg-store.js';
import { isPgUri, parsePgUri } from './postgres/pg-uri.js';
import type { InferenceStore } from './store.js';

/** The setting's default: a directory under the working directory. */
export const DEFAULT_INFERENCE_STORE = '.champion/inference-log';

/** How long a record waits in memory before it is written (both backends). */
export const DEFAULT_FLUSH_INTERVAL_MS = 1000;

export interface OpenStoreOptions {
  /** `CHAMPION_INFERENCE_STORE`. @default DEFAULT_INFERENCE_STORE */
  readonly setting?: string;
  /** What a relative directory is relative to. @default process.cwd() */
  readonly cwd?: string;
  /** Field, line and (directory) retention limits. @default DEFAULT_INFERENCE_LOG_LIMITS */
  readonly limits?: Partial<InferenceLogLimits>;
  /** @default DEFAULT_FLUSH_INTERVAL_MS */
  readonly flushIntervalMs?: number;
  /** @default silent */
  readonly logger?: StoreLogger;
  /** @default () => new Date() */
  readonly clock?: () => Date;
}

/**
 * The store an environment names: `CHAMPION_INFERENCE_STORE`, else the deprecated
 * `CHAMPION_INFERENCE_LOG_DIR`, else the default directory. Serving and the monitor both ask here.
 */
export function inferenceStoreSetting(env: Readonly<Record<string, string | undefined>>): string {
  const named = (key: string): string | undefined => {
    const value = env[key]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  return (
    named('CHAMPION_INFERENCE_STORE') ??
    named('CHAMPION_INFERENCE_LOG_DIR') ??
    DEFAULT_INFERENCE_STORE
  );
}

/** Opens the store (for PostgreSQL: connects and creates the tables if missing). */
export async function openInferenceStore(options: OpenStoreOptions = {}): Promise<InferenceStore> {
  const setting = options.setting ?? DEFAULT_INFERENCE_STORE;
  const logger = options.logger ?? silentStoreLogger;
  const common = {
    logger,
    ...(options.limits === undefined ? {} : { limits: options.limits }),
    flushIntervalMs: options.flushIntervalMs ?? DEFAULT_FLUSH_INTERVAL_MS,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  };
  if (isPgUri(setting)) {
    const store = new PgStore({ setting: parsePgUri(setting), ...common });
    try {
      await store.ready();
    } catch (error) {
      await store.close().catch(() => undefined);
      throw error;
    }
    return store;
  }
  return new DirectoryStore({ dir: resolve(options.cwd ?? process.cwd(), setting), ...common });
}
