/**
 * The control service's configuration: environment variables parsed once at start-up with zod.
 * The API key is held in a `Secret` so it can never be logged with the config; MLflow
 * credentials are read by `MlflowClient.fromEnv` and passed to job processes through their
 * environment, never through this object.
 */
import path from 'node:path';
import { Secret } from 'mlflow-js-client';
import { z } from 'zod';

const positiveInt = z.coerce.number().int().positive();

/** Each variable with its default; the JSDoc is the documentation. */
export const controlEnvSchema = z.object({
  /** @default 8090 */
  PORT: z.coerce.number().int().min(0).max(65535).default(8090),
  /** Interface to bind; containers set 0.0.0.0. @default '127.0.0.1' */
  HOST: z.string().min(1).default('127.0.0.1'),
  /**
   * Every mutating call (POST, DELETE) needs `Authorization: Bearer <key>` or `X-API-Key: <key>`;
   * without a key configured they are refused (403) and the service is read-only.
   */
  CHAMPION_API_KEY: z.string().min(1).optional(),
  /** Where jobs run: `local` child processes or `kubernetes` Jobs. @default 'local' */
  CHAMPION_CONTROL_EXECUTOR: z.enum(['local', 'kubernetes']).default('local'),
  /** Jobs running at once; the rest wait `queued`. @default 1 */
  CHAMPION_CONTROL_CONCURRENCY: positiveInt.default(1),
  /** Uploaded training data (`uploads/`) and job records (`jobs/`). @default '.champion/control' */
  CHAMPION_CONTROL_DATA_DIR: z.string().min(1).default('.champion/control'),
  /** Where job records are kept. @default '<CHAMPION_CONTROL_DATA_DIR>/jobs' */
  CHAMPION_CONTROL_STORE_DIR: z.string().min(1).optional(),
  /**
   * When set (`postgresql://user[:password]@host[:port]/db[?schema=name]`), job records are kept
   * in the table champion_control_jobs there instead of files. Never logged.
   */
  CHAMPION_CONTROL_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'expected a postgresql:// URL')
    .optional(),
  /**
   * Directories a JSON `{"data": "<path>"}` may name (comma-separated); a path outside them is
   * refused. @default the uploads directory only
   */
  CHAMPION_CONTROL_DATA_ROOTS: z.string().min(1).optional(),
  /** Largest upload accepted (413 above). @default 1073741824 (1 GiB) */
  CHAMPION_CONTROL_MAX_UPLOAD_BYTES: positiveInt.default(1_073_741_824),
  /** After SIGTERM to a cancelled job's process, how long before SIGKILL. @default 20000 */
  CHAMPION_CONTROL_KILL_GRACE_MS: positiveInt.default(20_000),
  /** The namespace Jobs are created in (kubernetes executor). @default the pod's own namespace */
  CHAMPION_K8S_NAMESPACE: z.string().min(1).optional(),
  /** The training Job template (kubernetes executor). */
  CHAMPION_K8S_JOB_TEMPLATE: z
    .string()
    .min(1)
    .default('/etc/champion/k8s/training-job-template.yaml'),
  /**
   * Where training pods see CHAMPION_CONTROL_DATA_DIR (both mount the shared data volume); a
   * job's data path is rewritten from one to the other. @default the same path as
   * CHAMPION_CONTROL_DATA_DIR (the volume mounted at the same place in both pods)
   */
  CHAMPION_K8S_DATA_PATH: z.string().startsWith('/').optional(),
  /** How often Job status is polled (kubernetes executor). @default 2000 */
  CHAMPION_K8S_POLL_MS: positiveInt.default(2_000),
  /** @default 'info' */
  LOG_LEVEL: z.enum(['error', 'warn', 'info', 'debug']).default('info'),
});

export interface ControlConfig {
  readonly port: number;
  readonly host: string;
  readonly apiKey: Secret | undefined;
  readonly executor: 'local' | 'kubernetes';
  readonly concurrency: number;
  readonly dataDir: string;
  readonly storeDir: string;
  /** Job records in PostgreSQL instead of `storeDir`. */
  readonly databaseUrl: Secret | undefined;
  readonly uploadDir: string;
  /** Absolute directories a JSON body's `data` may be inside. */
  readonly dataRoots: readonly string[];
  readonly maxUploadBytes: number;
  readonly killGraceMs: number;
  readonly kubernetes: {
    readonly namespace: string | undefined;
    readonly jobTemplate: string;
    readonly dataPath: string;
    readonly pollMs: number;
  };
  readonly logLevel: 'error' | 'warn' | 'info' | 'debug';
}

/** Parses the environment; throws a ZodError naming each bad variable. */
export function controlConfigFromEnv(env: NodeJS.ProcessEnv): ControlConfig {
  // Empty variables count as unset, so a blank line in an env file keeps the default.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const e = controlEnvSchema.parse(present);
  const dataDir = path.resolve(e.CHAMPION_CONTROL_DATA_DIR);
  const uploadDir = path.join(dataDir, 'uploads');
  const roots = e.CHAMPION_CONTROL_DATA_ROOTS?.split(',').map((r) => r.trim()) ?? [];
  return {
    port: e.PORT,
    host: e.HOST,
    apiKey: e.CHAMPION_API_KEY === undefined ? undefined : new Secret(e.CHAMPION_API_KEY),
    executor: e.CHAMPION_CONTROL_EXECUTOR,
    concurrency: e.CHAMPION_CONTROL_CONCURRENCY,
    dataDir,
    storeDir: path.resolve(e.CHAMPION_CONTROL_STORE_DIR ?? path.join(dataDir, 'jobs')),
    databaseUrl:
      e.CHAMPION_CONTROL_DATABASE_URL === undefined
        ? undefined
        : new Secret(e.CHAMPION_CONTROL_DATABASE_URL),
    uploadDir,
    dataRoots: [uploadDir, ...roots.filter((r) => r !== '').map((r) => path.resolve(r))],
    maxUploadBytes: e.CHAMPION_CONTROL_MAX_UPLOAD_BYTES,
    killGraceMs: e.CHAMPION_CONTROL_KILL_GRACE_MS,
    kubernetes: {
      namespace: e.CHAMPION_K8S_NAMESPACE,
      jobTemplate: e.CHAMPION_K8S_JOB_TEMPLATE,
      dataPath: e.CHAMPION_K8S_DATA_PATH ?? dataDir,
      pollMs: e.CHAMPION_K8S_POLL_MS,
    },
    logLevel: e.LOG_LEVEL,
  };
}
