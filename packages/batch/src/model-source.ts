/**
 * The model a batch job scores with: `models:/NAME@ALIAS`, `models:/NAME/VERSION` or
 * `models:/MODEL_ID` downloaded from MLflow into a temporary folder, or a local model folder.
 * Loaded with the same checks and warm-up as the service.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseModelUri, type MlflowClient } from 'mlflow-js-client';
import type { InferenceSession } from 'onnxruntime-node';
import { loadModelDir, type LoadedModel } from '@champion/runtime';
import { BatchError } from './errors.js';

/**
 * Files of a champion model that scoring does not read (plots, the training data's profile and
 * drift reference, the Python environment files): not downloaded, a round trip each saved.
 */
const NOT_FOR_SCORING = [
  'plots',
  'champion/profile.json',
  // The monitor's drift reference: up to ~10 MB, read only by `champion monitor`.
  'champion/reference.json',
  // The fairness report: the model card's, not scoring's.
  'champion/fairness.json',
  'conda.yaml',
  'python_env.yaml',
  'requirements.txt',
  'serving_input_example.json',
];

export interface ResolveBatchModelOptions {
  /** `models:/…` or a local folder. */
  readonly model: string;
  /** Needed for `models:/` URIs. */
  readonly client?: MlflowClient;
  /** @default SERVING_SESSION_OPTIONS */
  readonly sessionOptions?: InferenceSession.SessionOptions;
  /** Where the download's temporary folder is made (removed on close). @default os.tmpdir() */
  readonly tempRoot?: string;
}

/** A loaded model and how to let go of it (session and downloaded files). */
export interface BatchModel {
  readonly loaded: LoadedModel;
  close(): Promise<void>;
}

/**
 * How a batch run loads its model: onnxruntime as the loaded model's own engine, because a batch
 * run picks its engine itself (open-scorer.ts: compiled trees in worker threads, verified against
 * this onnxruntime session), so the load need not compile and verify a second time.
 */
function sessionOption(options: ResolveBatchModelOptions): {
  engine: 'onnxruntime';
  sessionOptions?: InferenceSession.SessionOptions;
} {
  return {
    engine: 'onnxruntime',
    ...(options.sessionOptions ? { sessionOptions: options.sessionOptions } : {}),
  };
}

/** Resolves, downloads if needed, loads and warms the model. */
export async function resolveBatchModel(options: ResolveBatchModelOptions): Promise<BatchModel> {
  if (!options.model.startsWith('models:/')) {
    const dir = resolve(options.model);
    const loaded = await loadModelDir(dir, {
      name: basename(dir),
      version: 'local',
      ...sessionOption(options),
    });
    return { loaded, close: () => loaded.retire() };
  }
  const uri = parseModelUri(options.model);
  if (options.client === undefined) {
    throw new BatchError('BAD_OPTIONS', `--model ${options.model} needs MLFLOW_TRACKING_URI`);
  }
  const temp = await mkdtemp(join(options.tempRoot ?? tmpdir(), 'champion-score-'));
  try {
    const resolved = await options.client.resolveModelUri(options.model, join(temp, 'model'), {
      skip: NOT_FOR_SCORING,
    });
    const name = uri.kind === 'logged-model' ? uri.modelId : uri.name;
    const loaded = await loadModelDir(resolved.localPath, {
      name,
      version: resolved.version?.version ?? resolved.modelId ?? 'unknown',
      alias: uri.kind === 'alias' ? uri.alias : undefined,
      modelId: resolved.modelId,
      runId: resolved.version?.run_id ?? undefined,
      ...sessionOption(options),
    });
    return {
      loaded,
      close: async () => {
        await loaded.retire();
        await rm(temp, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}
