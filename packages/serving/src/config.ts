/**
 * The serving process's configuration: environment variables parsed once at start-up with zod.
 * MLflow credentials (MLFLOW_TRACKING_USERNAME / PASSWORD / TOKEN) are deliberately not part of
 * it: `MlflowClient.fromEnv` reads them where the header is built, so they can never be logged
 * with the config. The API key is held in a `Secret` for the same reason.
 */
import { Secret } from 'mlflow-js-client';
import { z } from 'zod';
import {
  DEFAULT_FLUSH_INTERVAL_MS,
  DEFAULT_INFERENCE_LOG_LIMITS,
  DEFAULT_INFERENCE_STORE,
  inferenceStoreSetting,
  type InferenceLogLimits,
} from '@champion/inference-store';

const positiveInt = z.coerce.number().int().positive();
/** A switch: '1' on, '0' off (empty counts as unset, so the default applies). */
const onOff = z.enum(['0', '1']).transform((v) => v === '1');

/** Each variable with its default; the JSDoc is the documentation. */
export const servingEnvSchema = z.object({
  /** The MLflow server. Required by `startServer` unless a client is injected (the CLI finds one). */
  MLFLOW_TRACKING_URI: z.url().optional(),
  /** The registered model to serve. */
  CHAMPION_MODEL_NAME: z.string().min(1).optional(),
  /** The alias to follow. @default 'champion' */
  CHAMPION_MODEL_ALIAS: z.string().min(1).default('champion'),
  /** @default 8080 */
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Interface to bind; containers set 0.0.0.0. @default '127.0.0.1' */
  HOST: z.string().min(1).default('127.0.0.1'),
  /**
   * When set, /predict, /invocations, /v2 infer and POST /admin/* need
   * `Authorization: Bearer <key>` or `X-API-Key: <key>`. Without it /admin/* is disabled.
   */
  CHAMPION_API_KEY: z.string().min(1).optional(),
  /**
   * 1: refuse to start without CHAMPION_API_KEY, unless CHAMPION_ALLOW_OPEN=1. The container
   * image sets it, so a deployment that forgets the key fails at start-up instead of serving
   * predictions to anyone who reaches the port. @default 0
   */
  CHAMPION_REQUIRE_API_KEY: onOff.default(false),
  /** 1: serve without an API key even under CHAMPION_REQUIRE_API_KEY=1, on purpose. @default 0 */
  CHAMPION_ALLOW_OPEN: onOff.default(false),
  /** How often the alias is checked for a new version. @default 30000 */
  CHAMPION_POLL_INTERVAL_MS: positiveInt.default(30_000),
  /** Largest request body accepted (413 above). @default 1048576 (1 MiB) */
  CHAMPION_MAX_BODY_BYTES: positiveInt.default(1_048_576),
  /**
   * Largest streamed body accepted by POST /predict/batch (413 above); rows there are scored in
   * chunks, so CHAMPION_MAX_BATCH_ROWS does not apply. @default 104857600 (100 MiB)
   */
  CHAMPION_MAX_BATCH_BODY_BYTES: positiveInt.default(104_857_600),
  /**
   * Longest line (NDJSON) or record (CSV) of a POST /predict/batch body; a longer one is refused
   * with 413 as soon as that many bytes of it have arrived. @default 1048576 (1 MiB)
   */
  CHAMPION_MAX_LINE_BYTES: positiveInt.default(1_048_576),
  /**
   * What GET /model/example serves: 'synthetic' (built from the model's schema and profile: medians
   * and most frequent categories, never a training row) or 'stored' (the model's
   * input_example.json, which holds real training rows for models trained with
   * `--example-rows real` or before champion wrote synthetic examples). @default 'synthetic'
   */
  CHAMPION_MODEL_EXAMPLE: z.enum(['synthetic', 'stored']).default('synthetic'),
  /**
   * What scores requests: 'auto' (the compiled tree engine when it matches onnxruntime bit for bit
   * on the model's verification rows, else onnxruntime) or 'onnxruntime' (always). GET /model says
   * which one serves and why. @default 'auto'
   */
  CHAMPION_ENGINE: z.enum(['auto', 'onnxruntime']).default('auto'),
  /** Most rows in one request (413 above). @default 10000 */
  CHAMPION_MAX_BATCH_ROWS: positiveInt.default(10_000),
  /** A category not seen in training: 'reject' (422) or 'missing' (scored as missing). @default 'missing' */
  CHAMPION_UNSEEN_CATEGORIES: z.enum(['reject', 'missing']).default('missing'),
  /**
   * After the listener closes (the drain delay is over), how long in-flight requests get to
   * finish, and the inference log to flush, before connections are cut and the process exits
   * non-zero. The whole shutdown takes at most CHAMPION_DRAIN_DELAY_MS + this. @default 10000
   */
  CHAMPION_SHUTDOWN_GRACE_MS: positiveInt.default(10_000),
  /**
   * On SIGTERM/SIGINT, how long readiness fails (/readyz 503) while the server keeps serving
   * normally, so load balancers and Kubernetes endpoints stop sending traffic before the
   * listener closes. 0 closes it at once (`champion serve` at a terminal uses 0 unless this is
   * set). @default 5000
   */
  CHAMPION_DRAIN_DELAY_MS: z.coerce.number().int().min(0).default(5_000),
  /**
   * Where every scored record is stored, and labels with it: a directory (JSONL segments,
   * relative to the working directory; one serving process per directory) or a
   * `postgresql://user[:password]@host:port/db[?schema=name]` URI (several replicas at once;
   * tables created if missing). @default '.champion/inference-log'
   */
  CHAMPION_INFERENCE_STORE: z.string().min(1).default(DEFAULT_INFERENCE_STORE),
  /** Deprecated: the directory store's old name; used when CHAMPION_INFERENCE_STORE is unset. */
  CHAMPION_INFERENCE_LOG_DIR: z.string().min(1).optional(),
  /**
   * How long a scored record waits in memory before it is written (sooner once 1 MB, or 2,000
   * records for PostgreSQL, are waiting). A crash (kill -9, OOM) loses at most this interval's
   * records; a clean shutdown loses none. @default 1000
   */
  CHAMPION_INFERENCE_FLUSH_MS: positiveInt.default(DEFAULT_FLUSH_INTERVAL_MS),
  /** Where downloaded models are kept (the last good one survives an MLflow outage). @default '.champion/serving-cache' */
  CHAMPION_CACHE_DIR: z.string().min(1).default('.champion/serving-cache'),
  /**
   * Inference log: rotated files whose last write is older than this many days are deleted (the
   * file being written never is). @default 30
   */
  CHAMPION_INFERENCE_LOG_MAX_AGE_DAYS: z.coerce
    .number()
    .positive()
    .default(DEFAULT_INFERENCE_LOG_LIMITS.maxAgeDays),
  /**
   * Inference log: when the rotated files together exceed this many bytes, the oldest are
   * deleted until they fit (the file being written never is, and files rotate at a quarter of
   * this, at most 100 MiB). @default 1073741824 (1 GiB)
   */
  CHAMPION_INFERENCE_LOG_MAX_BYTES: positiveInt.default(DEFAULT_INFERENCE_LOG_LIMITS.maxTotalBytes),
  /**
   * Inference log: longest string stored per field (features, record id); longer ones are cut
   * and named, with their full length, in the line's `truncated` field. @default 1024
   */
  CHAMPION_INFERENCE_LOG_MAX_FIELD_CHARS: positiveInt.default(
    DEFAULT_INFERENCE_LOG_LIMITS.maxFieldChars,
  ),
  /**
   * Inference log: largest line; a longer one is stored without its features (listed in
   * `truncated`). @default 65536
   */
  CHAMPION_INFERENCE_LOG_MAX_RECORD_BYTES: positiveInt.default(
    DEFAULT_INFERENCE_LOG_LIMITS.maxRecordBytes,
  ),
  /**
   * How often the champion_monitor_* gauges on /metrics are read again from the latest FINISHED
   * monitoring run of the served model in MLflow (experiment NAME-monitoring, written by
   * `champion monitor run`); also read once at start. 0 turns the gauges off. @default 60000
   */
  CHAMPION_MONITOR_REFRESH_MS: z.coerce.number().int().min(0).default(60_000),
  /**
   * The web UI under /ui/ (prediction form, batch page, model card, monitoring): 'on' or 'off'.
   * Its pages are read-only and need no key; scoring from them goes through /predict and
   * /predict/batch, which ask for CHAMPION_API_KEY when it is set. @default 'on'
   */
  CHAMPION_UI: z.enum(['on', 'off']).default('on'),
  /**
   * Who may open the web UI: 'open' (anyone who reaches the port) or 'key' (every /ui/ page and
   * asset needs CHAMPION_API_KEY, as `X-API-Key`, `Authorization: Bearer` or HTTP Basic with the
   * key as the password, so a browser asks for it). 'key' needs CHAMPION_API_KEY. @default 'open'
   */
  CHAMPION_UI_AUTH: z.enum(['open', 'key']).default('open'),
  /**
   * The direct lane (http/direct-lane.ts): plain JSON POST /predict and /invocations answered on
   * node:http before express. 'off' sends every request through express (same answers, about
   * half the throughput): an escape hatch, and how `pnpm bench serving` measures the lane.
   * @default 'on'
   */
  CHAMPION_DIRECT_LANE: z.enum(['on', 'off']).default('on'),
  /** @default 'info' */
  LOG_LEVEL: z.enum(['error', 'warn', 'info', 'debug']).default('info'),
});

/** The parsed configuration, in the names the code uses. */
export interface ServingConfig {
  readonly trackingUri: string | undefined;
  readonly modelName: string | undefined;
  readonly modelAlias: string;
  readonly port: number;
  readonly host: string;
  readonly apiKey: Secret | undefined;
  readonly pollIntervalMs: number;
  readonly maxBodyBytes: number;
  readonly maxBatchRows: number;
  readonly maxBatchBodyBytes: number;
  readonly maxLineBytes: number;
  readonly modelExample: 'synthetic' | 'stored';
  readonly unseenCategories: 'reject' | 'missing';
  readonly engine: 'auto' | 'onnxruntime';
  readonly shutdownGraceMs: number;
  readonly drainDelayMs: number;
  /** CHAMPION_INFERENCE_STORE: a directory or a postgresql:// URI. */
  readonly inferenceStore: string;
  readonly inferenceFlushMs: number;
  readonly cacheDir: string;
  readonly inferenceLogLimits: InferenceLogLimits;
  /** CHAMPION_MONITOR_REFRESH_MS: 0 = no monitoring gauges. */
  readonly monitorRefreshMs: number;
  /** CHAMPION_UI: whether /ui/ is served. */
  readonly ui: boolean;
  /** CHAMPION_UI_AUTH: whether /ui/ needs the API key. */
  readonly uiAuth: 'open' | 'key';
  /** CHAMPION_DIRECT_LANE: whether plain JSON /predict and /invocations skip express. */
  readonly directLane: boolean;
  readonly logLevel: 'error' | 'warn' | 'info' | 'debug';
}

/** Thrown when the environment does not parse; names every bad variable. */
export class ServingConfigError extends Error {
  override readonly name = 'ServingConfigError';
  readonly code = 'INVALID_CONFIG' as const;
}

/**
 * Parses the environment once. Values in `overrides` (e.g. CLI flags) win over the environment.
 * Throws {@link ServingConfigError} naming each bad variable (never its value: it may be a secret).
 */
export function loadServingConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<ServingConfig> = {},
): ServingConfig {
  // Empty variables count as unset, as in most shells' `FOO= cmd`.
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = servingEnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ServingConfigError(
      `Invalid serving environment: ${problems.join('; ')}. Fix or unset these variables.`,
    );
  }
  const e = parsed.data;
  const config: ServingConfig = {
    trackingUri: e.MLFLOW_TRACKING_URI,
    modelName: e.CHAMPION_MODEL_NAME,
    modelAlias: e.CHAMPION_MODEL_ALIAS,
    port: e.PORT,
    host: e.HOST,
    apiKey: e.CHAMPION_API_KEY === undefined ? undefined : new Secret(e.CHAMPION_API_KEY),
    pollIntervalMs: e.CHAMPION_POLL_INTERVAL_MS,
    maxBodyBytes: e.CHAMPION_MAX_BODY_BYTES,
    maxBatchRows: e.CHAMPION_MAX_BATCH_ROWS,
    maxBatchBodyBytes: e.CHAMPION_MAX_BATCH_BODY_BYTES,
    maxLineBytes: e.CHAMPION_MAX_LINE_BYTES,
    modelExample: e.CHAMPION_MODEL_EXAMPLE,
    unseenCategories: e.CHAMPION_UNSEEN_CATEGORIES,
    engine: e.CHAMPION_ENGINE,
    shutdownGraceMs: e.CHAMPION_SHUTDOWN_GRACE_MS,
    drainDelayMs: e.CHAMPION_DRAIN_DELAY_MS,
    inferenceStore: inferenceStoreSetting(cleaned),
    inferenceFlushMs: e.CHAMPION_INFERENCE_FLUSH_MS,
    cacheDir: e.CHAMPION_CACHE_DIR,
    inferenceLogLimits: {
      maxAgeDays: e.CHAMPION_INFERENCE_LOG_MAX_AGE_DAYS,
      maxTotalBytes: e.CHAMPION_INFERENCE_LOG_MAX_BYTES,
      maxFieldChars: e.CHAMPION_INFERENCE_LOG_MAX_FIELD_CHARS,
      maxRecordBytes: e.CHAMPION_INFERENCE_LOG_MAX_RECORD_BYTES,
    },
    monitorRefreshMs: e.CHAMPION_MONITOR_REFRESH_MS,
    ui: e.CHAMPION_UI === 'on',
    uiAuth: e.CHAMPION_UI_AUTH,
    directLane: e.CHAMPION_DIRECT_LANE === 'on',
    logLevel: e.LOG_LEVEL,
    ...overrides,
  };
  if (e.CHAMPION_REQUIRE_API_KEY && !e.CHAMPION_ALLOW_OPEN && config.apiKey === undefined) {
    throw new ServingConfigError(
      'CHAMPION_API_KEY is empty and CHAMPION_REQUIRE_API_KEY=1: set CHAMPION_API_KEY to the key ' +
        'clients must send, or set CHAMPION_ALLOW_OPEN=1 to serve without a key (anyone who ' +
        'reaches the port can then score).',
    );
  }
  if (config.uiAuth === 'key' && config.apiKey === undefined) {
    throw new ServingConfigError(
      'CHAMPION_UI_AUTH=key needs CHAMPION_API_KEY: set the key the UI should ask for, or set ' +
        'CHAMPION_UI_AUTH=open.',
    );
  }
  return config;
}
