import path from 'node:path';

/** Everything `mlflow server` is started with. */
export interface MlflowServerArgs {
  host: string;
  port: number;
  backendStoreUri: string;
  /** Where proxied artifacts go (`--artifacts-destination`, artifact serving on). */
  artifactsDestination: string;
  workers: number;
  /** `--allowed-hosts`; MLflow's default allows localhost, 127.0.0.1 and private IPs on any port. */
  allowedHosts?: readonly string[];
  /** `--cors-allowed-origins`; MLflow's default allows http://localhost:* and http://127.0.0.1:*. */
  corsAllowedOrigins?: readonly string[];
}

/** The sqlite URI for a database file; absolute paths give MLflow's four-slash form. */
export function sqliteUri(dbFile: string): string {
  return `sqlite:///${path.resolve(dbFile)}`;
}

/** The embedded default store under `dir`: `dir/mlflow.db` and `dir/artifacts`. */
export function embeddedStore(dir: string): {
  backendStoreUri: string;
  artifactsDestination: string;
} {
  return {
    backendStoreUri: sqliteUri(path.join(dir, 'mlflow.db')),
    artifactsDestination: path.resolve(dir, 'artifacts'),
  };
}

/**
 * Pins a bare `postgresql://` (or `postgres://`) URI to the psycopg2 driver. The venv ships
 * psycopg2 (conda.yaml), while SQLAlchemy 2.1+ maps the bare scheme to psycopg 3 and the server
 * would die with `No module named 'psycopg'`. Other URIs pass through unchanged.
 */
export function normalizeBackendStoreUri(uri: string): string {
  return uri.replace(/^postgres(ql)?:\/\//i, 'postgresql+psycopg2://');
}

/** The argument list after `mlflow`: `server --host ... --port ...`. */
export function buildServerArgs(args: MlflowServerArgs): string[] {
  const list = [
    'server',
    '--host',
    args.host,
    '--port',
    String(args.port),
    '--workers',
    String(args.workers),
    '--backend-store-uri',
    args.backendStoreUri,
    '--artifacts-destination',
    args.artifactsDestination,
    '--serve-artifacts',
  ];
  if (args.allowedHosts && args.allowedHosts.length > 0) {
    list.push('--allowed-hosts', args.allowedHosts.join(','));
  }
  if (args.corsAllowedOrigins && args.corsAllowedOrigins.length > 0) {
    list.push('--cors-allowed-origins', args.corsAllowedOrigins.join(','));
  }
  return list;
}

/** The URL clients use: a wildcard bind address is reached through loopback. */
export function clientUrl(options: { host: string; port: number }): string {
  const { host, port } = options;
  if (host === '0.0.0.0' || host === '') return `http://127.0.0.1:${port}`;
  if (host === '::' || host === '[::]') return `http://[::1]:${port}`;
  return host.includes(':') && !host.startsWith('[')
    ? `http://[${host}]:${port}`
    : `http://${host}:${port}`;
}
