/**
 * Canned routes for {@link FakeMlflow}: one registered model version behind an alias, its logged
 * model, and its files behind the artifact proxy. Every value can be replaced by a crafted one
 * (a version of `../../victim`, a foreign artifact_uri), and any route overridden afterwards.
 */
import type { FakeMlflow, FakeReply } from './fake-mlflow.js';

/** Endpoint paths the canned routes answer. */
export const FAKE_PATHS = {
  alias: '/api/2.0/mlflow/registered-models/alias',
  versionGet: '/api/2.0/mlflow/model-versions/get',
  downloadUri: '/api/2.0/mlflow/model-versions/get-download-uri',
  loggedModel: '/api/2.0/mlflow/logged-models',
  artifacts: '/api/2.0/mlflow-artifacts/artifacts',
} as const;

/** The model version a fake serves; every field may be crafted. */
export interface FakeModelOptions {
  readonly name: string;
  /** @default 'champion' */
  readonly alias?: string;
  /** @default '1' */
  readonly version?: string;
  /** @default 32 hex digits */
  readonly runId?: string;
  /** @default 'm-' + 32 hex digits */
  readonly modelId?: string;
  /** @default '1' */
  readonly experimentId?: string;
  /** What get-download-uri and the logged model answer. @default the proxy root of the model */
  readonly artifactUri?: string;
  /** The model's files (relative path → content), listed and downloaded through the proxy. */
  readonly files?: Readonly<Record<string, string | Buffer>>;
}

const RUN_ID = '0123456789abcdef0123456789abcdef';
const MODEL_ID = 'm-fedcba9876543210fedcba9876543210';

/** Routes alias → version → download URI → logged model → files; returns the artifact root. */
export function serveModel(fake: FakeMlflow, options: FakeModelOptions): string {
  const experimentId = options.experimentId ?? '1';
  const modelId = options.modelId ?? MODEL_ID;
  const root = `${experimentId}/models/${modelId}/artifacts`;
  const artifactUri = options.artifactUri ?? `mlflow-artifacts:/${root}`;
  const modelVersion = {
    name: options.name,
    version: options.version ?? '1',
    current_stage: 'None',
    source: `models:/${modelId}`,
    run_id: options.runId ?? RUN_ID,
    model_id: modelId,
    status: 'READY',
    aliases: [options.alias ?? 'champion'],
  };
  fake
    .route('GET', FAKE_PATHS.alias, { json: { model_version: modelVersion } })
    .route('GET', FAKE_PATHS.versionGet, { json: { model_version: modelVersion } })
    .route('GET', FAKE_PATHS.downloadUri, { json: { artifact_uri: artifactUri } })
    .routePrefix(`${FAKE_PATHS.loggedModel}/`, () => ({
      json: {
        model: {
          info: {
            model_id: modelId,
            experiment_id: experimentId,
            artifact_uri: artifactUri,
            status: 'LOGGED_MODEL_READY',
            source_run_id: options.runId ?? RUN_ID,
          },
          data: { params: [{ key: 'learner', value: 'fake' }] },
        },
      },
    }));
  serveArtifacts(fake, { root, files: options.files ?? {} });
  return root;
}

/**
 * Serves `files` under the artifact root `root` (e.g. `1/models/m-…/artifacts`) as MLflow's proxy
 * does: listings of one folder level (names relative to the listed folder) and file downloads.
 */
export function serveArtifacts(
  fake: FakeMlflow,
  options: { root: string; files: Readonly<Record<string, string | Buffer>> },
): void {
  const { root, files } = options;
  fake.route('GET', FAKE_PATHS.artifacts, (req) => {
    const asked = req.query.get('path') ?? '';
    if (asked !== root && !asked.startsWith(`${root}/`)) return { json: { files: [] } };
    return { json: { files: listLevel(files, asked.slice(root.length + 1)) } };
  });
  fake.routePrefix(`${FAKE_PATHS.artifacts}/${root}/`, (req): FakeReply => {
    const content = files[req.path.slice(`${FAKE_PATHS.artifacts}/${root}/`.length)];
    if (content === undefined) {
      return { status: 404, json: { error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'no file' } };
    }
    return { body: content };
  });
}

function listLevel(
  files: Readonly<Record<string, string | Buffer>>,
  dir: string,
): { path: string; is_dir: boolean; file_size?: number }[] {
  const prefix = dir === '' ? '' : `${dir}/`;
  const level = new Map<string, { path: string; is_dir: boolean; file_size?: number }>();
  for (const [path, content] of Object.entries(files)) {
    if (!path.startsWith(prefix)) continue;
    const [head, ...rest] = path.slice(prefix.length).split('/');
    if (head === undefined || head === '') continue;
    level.set(
      head,
      rest.length > 0
        ? { path: head, is_dir: true }
        : { path: head, is_dir: false, file_size: Buffer.byteLength(content) },
    );
  }
  return [...level.values()];
}
