/**
 * `models:/…` URIs: parsing, and resolving one to a local directory holding the model's files
 * (alias → version → get-download-uri → artifact proxy download).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ArtifactsApi } from './artifacts/artifacts.js';
import { MlflowError } from './errors.js';
import { identifierProblem } from './identifiers.js';
import type { LoggedModelsApi } from './logged-models/logged-models.js';
import type { RegistryApi } from './registry/registry.js';
import type { ModelVersion } from './registry/schemas.js';

/** A parsed `models:/` URI. */
export type ModelUri =
  | { kind: 'alias'; name: string; alias: string }
  | { kind: 'version'; name: string; version: string }
  | { kind: 'logged-model'; modelId: string };

function invalid(uri: string, why: string): MlflowError {
  return new MlflowError({
    code: 'INVALID_PARAMETER_VALUE',
    message:
      `Invalid model URI '${uri}': ${why}. Use models:/NAME@ALIAS, models:/NAME/VERSION ` +
      'or models:/MODEL_ID.',
  });
}

/** Parses `models:/NAME@ALIAS`, `models:/NAME/VERSION` and `models:/MODEL_ID` (MLflow 3). */
export function parseModelUri(uri: string): ModelUri {
  if (!uri.startsWith('models:/')) throw invalid(uri, "it does not start with 'models:/'");
  const path = uri.slice('models:/'.length).replace(/^\/+/, '').replace(/\/+$/, '');
  if (path === '') throw invalid(uri, 'it names no model');
  const at = path.lastIndexOf('@');
  if (at !== -1) {
    const name = path.slice(0, at);
    const alias = path.slice(at + 1);
    if (name === '' || alias === '' || name.includes('/')) throw invalid(uri, 'bad NAME@ALIAS');
    return { kind: 'alias', name, alias };
  }
  const parts = path.split('/');
  if (parts.length === 1 && parts[0] !== undefined) {
    const problem = identifierProblem('logged model id', parts[0]);
    if (problem !== undefined) throw invalid(uri, problem);
    return { kind: 'logged-model', modelId: parts[0] };
  }
  const [name, version] = parts;
  if (parts.length !== 2 || name === undefined || version === undefined) {
    throw invalid(uri, 'too many path segments');
  }
  if (identifierProblem('model version', version) !== undefined) {
    throw invalid(uri, `'${version}' is not a version number (stages are not supported)`);
  }
  return { kind: 'version', name, version };
}

/** What {@link resolveModelUri} downloaded. */
export interface ResolvedModel {
  /** Local directory holding the model's files (MLmodel at its top). */
  localPath: string;
  /** The artifact URI the files came from. */
  artifactUri: string;
  /** The registry version, for `models:/NAME@ALIAS` and `models:/NAME/VERSION`. */
  version?: ModelVersion;
  /** The logged model id, when known. */
  modelId?: string;
}

/** The sub-APIs {@link resolveModelUri} uses. */
export interface ResolveDeps {
  registry: RegistryApi;
  artifacts: ArtifactsApi;
  loggedModels: LoggedModelsApi;
}

async function assertEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    const entries = await readdir(dir);
    if (entries.length > 0) {
      throw new MlflowError({
        code: 'INVALID_PARAMETER_VALUE',
        message: `Download destination ${dir} is not empty; pass a new or empty directory.`,
      });
    }
    return true;
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ENOENT') return false;
    throw err;
  }
}

async function locate(
  uri: string,
  deps: ResolveDeps,
): Promise<{ artifactUri: string; version?: ModelVersion; modelId?: string }> {
  const parsed = parseModelUri(uri);
  if (parsed.kind === 'logged-model') {
    const model = await deps.loggedModels.get(parsed.modelId);
    return { artifactUri: model.info.artifact_uri, modelId: parsed.modelId };
  }
  const version =
    parsed.kind === 'alias'
      ? await deps.registry.aliases.getVersion({ name: parsed.name, alias: parsed.alias })
      : await deps.registry.versions.get({ name: parsed.name, version: parsed.version });
  const artifactUri = await deps.registry.versions.getDownloadUri(version);
  // `models:/<model_id>` names the logged model; any other source (a copied version's
  // `models:/NAME/1`, a path) names none, and is never used as an id.
  const source = version.source?.startsWith('models:/') === true ? version.source.slice(8) : '';
  const fromSource =
    identifierProblem('logged model id', source) === undefined ? source : undefined;
  const modelId = (version.model_id === '' ? undefined : version.model_id) ?? fromSource;
  return { artifactUri, version, ...(modelId === undefined ? {} : { modelId }) };
}

/**
 * Downloads the files behind a `models:/` URI into `destDir` (which must be new or empty) and
 * returns where they are plus the version info; `options.skip` names files and folders of the
 * model not to download. The download goes to a temporary sibling first
 * and is renamed into place, so `destDir` never holds half a model.
 */
export async function resolveModelUri(
  deps: ResolveDeps,
  uri: string,
  options: { destDir: string; skip?: readonly string[] },
): Promise<ResolvedModel> {
  const { destDir } = options;
  const target = await locate(uri, deps);
  const existedEmpty = await assertEmptyOrMissing(destDir);
  const staging = join(
    dirname(destDir),
    `.${basename(destDir)}.part-${randomBytes(4).toString('hex')}`,
  );
  await mkdir(staging, { recursive: true });
  try {
    await deps.artifacts.download({
      artifactUri: target.artifactUri,
      destDir: staging,
      ...(options.skip === undefined ? {} : { skip: options.skip }),
    });
    const files = await readdir(staging);
    if (files.length === 0) {
      throw new MlflowError({
        code: 'RESOURCE_DOES_NOT_EXIST',
        message: `Model ${uri} resolves to ${target.artifactUri}, which holds no files.`,
      });
    }
    if (existedEmpty) await rmdir(destDir);
    await rename(staging, destDir);
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    throw err;
  }
  return {
    localPath: destDir,
    artifactUri: target.artifactUri,
    ...(target.version === undefined ? {} : { version: target.version }),
    ...(target.modelId === undefined ? {} : { modelId: target.modelId }),
  };
}
