/**
 * Logs an evaluated model the MLflow 3 way: create the logged model (to learn its id), write the
 * model folder with that id in MLmodel, upload it, link it to the run as an output, finalize READY
 * (UPLOAD_FAILED if anything in between fails, so no half-written model looks usable).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MlflowClient } from 'mlflow-js-client';
import { writeModelDir, type ModelDirContents } from '../artifact/model-dir.js';

export interface LogModelInput extends Omit<ModelDirContents, 'dir' | 'modelId'> {
  readonly client: MlflowClient;
  readonly experimentId: string;
  readonly runId: string;
  readonly name: string;
  readonly params: Readonly<Record<string, string>>;
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * A logged model name MLflow accepts: it refuses '/', ':', '.', '%' and quotes in logged model
 * names although registered model names may hold dots (e.g. `credit.default`).
 */
export function loggedModelName(name: string): string {
  return name.replace(/[/:.%"']/g, '_');
}

export async function logModel(input: LogModelInput): Promise<{ modelId: string }> {
  const { client } = input;
  const created = await client.loggedModels.create({
    experimentId: input.experimentId,
    name: input.name,
    modelType: 'binary-classifier',
    sourceRunId: input.runId,
    params: input.params,
    tags: input.tags,
  });
  const modelId = created.info.model_id;
  const dir = await mkdtemp(join(tmpdir(), 'champion-model-'));
  try {
    await writeModelDir({ ...input, dir, modelId });
    await client.loggedModels.uploadFiles(created, dir);
    await client.runs.logOutputs(input.runId, [{ modelId }]);
    await client.loggedModels.finalize(modelId, 'READY');
    return { modelId };
  } catch (error) {
    await client.loggedModels.finalize(modelId, 'UPLOAD_FAILED').catch(() => undefined);
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
