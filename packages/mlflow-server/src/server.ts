import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { MlflowServerError, isMlflowServerError } from './errors.js';
import { silentLogger, type Logger } from './logger.js';
import { assertPortFree } from './port.js';
import { killProcessGroupNow, stopProcessGroup } from './process-group.js';
import { Wait, type ReadinessStrategy } from './readiness.js';
import { findRepoRoot } from './repo-root.js';
import {
  buildServerArgs,
  clientUrl,
  embeddedStore,
  normalizeBackendStoreUri,
} from './server-args.js';

/** Options of {@link startMlflowServer}. */
export interface StartMlflowServerOptions {
  /** The `mlflow` executable, usually `(await ensureVenv()).mlflow`. */
  mlflow: string;
  /** @default '127.0.0.1' */
  host?: string;
  /** @default 5000 */
  port?: number;
  /**
   * Directory of the embedded default store (`mlflow.db`, `artifacts/`) and of the server log.
   * @default `<repoRoot>/mlruns`
   */
  storeDir?: string;
  /** e.g. `postgresql://postgres@127.0.0.1:5432/mlflow`. @default sqlite in `storeDir` */
  backendStoreUri?: string;
  /** @default `<storeDir>/artifacts` */
  artifactsDestination?: string;
  /** Server worker processes; each costs ~150 MB. @default 1 */
  workers?: number;
  /** `--allowed-hosts` (Host headers accepted); set it when clients use a non-local name. */
  allowedHosts?: readonly string[];
  /** `--cors-allowed-origins` for browser apps on other origins. */
  corsAllowedOrigins?: readonly string[];
  /** Server stdout+stderr go here. @default `<storeDir>/mlflow-server-<port>.log` */
  logFile?: string;
  /** @default Wait.forHttp('/health') */
  readiness?: ReadinessStrategy;
  /**
   * MLflow's server-side job runner (GenAI scorers, prompt optimisation) starts ~8 extra
   * Python processes (~1 GB); champion uses none of it. @default false
   */
  enableJobExecution?: boolean;
  /** Time between SIGTERM and SIGKILL when stopping. @default 10000 */
  stopGraceMs?: number;
  /** Receives every server log line (e.g. to echo it in the foreground). */
  onLog?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
}

/** A running MLflow server. */
export interface MlflowServer {
  /** Tracking URI / UI URL, e.g. `http://127.0.0.1:5000`. */
  url: string;
  host: string;
  port: number;
  pid: number;
  logFile: string;
  backendStoreUri: string;
  artifactsDestination: string;
  /** Resolves when the server process exits, for whatever reason. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM to the whole process group, SIGKILL after the grace period. Idempotent. */
  stop(): Promise<void>;
}

const TAIL_LINES = 40;

function isLocalPath(uri: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:\/\//i.test(uri);
}

/**
 * Starts `mlflow server` and resolves once the readiness strategy passes. Fails fast with
 * PORT_IN_USE, SERVER_EXITED (with the server's last log lines) or HEALTH_TIMEOUT, and never
 * leaves a server running when it fails.
 */
export async function startMlflowServer(options: StartMlflowServerOptions): Promise<MlflowServer> {
  const logger = options.logger ?? silentLogger;
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 5000;
  const storeDir = path.resolve(options.storeDir ?? path.join(findRepoRoot(), 'mlruns'));
  const embedded = embeddedStore(storeDir);
  const backendStoreUri = normalizeBackendStoreUri(
    options.backendStoreUri ?? embedded.backendStoreUri,
  );
  const rawArtifacts = options.artifactsDestination ?? embedded.artifactsDestination;
  const artifactsDestination = isLocalPath(rawArtifacts)
    ? path.resolve(rawArtifacts)
    : rawArtifacts;
  const logFile = path.resolve(options.logFile ?? path.join(storeDir, `mlflow-server-${port}.log`));

  await assertPortFree({ host, port });
  await mkdir(storeDir, { recursive: true });
  await mkdir(path.dirname(logFile), { recursive: true });
  if (isLocalPath(artifactsDestination)) await mkdir(artifactsDestination, { recursive: true });

  const args = buildServerArgs({
    host,
    port,
    backendStoreUri,
    artifactsDestination,
    workers: options.workers ?? 1,
    ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
    ...(options.corsAllowedOrigins ? { corsAllowedOrigins: options.corsAllowedOrigins } : {}),
  });
  // The store URI may hold a password: log the scheme only.
  logger.info('starting mlflow server', {
    host,
    port,
    store: backendStoreUri.split(':')[0],
    logFile,
  });

  const log = createWriteStream(logFile, { flags: 'a' });
  const tail: string[] = [];
  const child = spawn(options.mlflow, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...(options.env ?? process.env),
      MLFLOW_SERVER_ENABLE_JOB_EXECUTION: String(options.enableJobExecution ?? false),
    },
  });
  const onLine = (line: string): void => {
    tail.push(line);
    if (tail.length > TAIL_LINES) tail.shift();
    options.onLog?.(line);
  };
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      log.write(chunk);
      pending += chunk;
      const lines = pending.split(/\r?\n/);
      pending = lines.pop() ?? '';
      lines.forEach(onLine);
    });
  }
  // If this Node process dies without stop(), don't leave an orphaned server holding the port.
  const killOnExit = (): void => killProcessGroupNow(child);
  process.on('exit', killOnExit);

  const died = new AbortController();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('error', (err) => {
      died.abort(
        new MlflowServerError(
          'SERVER_EXITED',
          `Could not run ${options.mlflow} (${err.message}). Provision the venv first (ensureVenv).`,
          { cause: err },
        ),
      );
      resolve({ code: null, signal: null });
    });
    child.once('exit', (code, signal) => {
      const how = signal ? `signal ${signal}` : `code ${code}`;
      died.abort(
        new MlflowServerError(
          'SERVER_EXITED',
          `mlflow server exited with ${how} before it was ready. Full log: ${logFile}. ` +
            `Last lines:\n${tail.join('\n')}`,
        ),
      );
      resolve({ code, signal });
    });
  });
  void exited.then(() => {
    process.off('exit', killOnExit);
    log.end();
  });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= stopProcessGroup(child, options.stopGraceMs ?? 10_000).then(() => undefined);
    return stopping;
  };

  const url = clientUrl({ host, port });
  const readiness = options.readiness ?? Wait.forHttp('/health');
  try {
    await readiness.waitUntilReady({ baseUrl: url, signal: died.signal });
  } catch (err) {
    await stop();
    if (isMlflowServerError(err, 'HEALTH_TIMEOUT')) {
      throw new MlflowServerError(
        'HEALTH_TIMEOUT',
        `${err.message} The server may still be migrating its database or be stuck; see ${logFile}. ` +
          `Last lines:\n${tail.join('\n')}`,
        { cause: err },
      );
    }
    throw err;
  }
  logger.info('mlflow server ready', { url, pid: child.pid });
  return {
    url,
    host,
    port,
    pid: child.pid ?? -1,
    logFile,
    backendStoreUri,
    artifactsDestination,
    exited,
    stop,
  };
}
