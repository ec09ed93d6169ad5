/**
 * Loads a champion model folder for serving: reads and validates MLmodel and
 * champion/schema.json, opens model.onnx in onnxruntime, checks the graph takes exactly the
 * schema's features with the right element types and returns `probability` and `label`, and
 * warms the session. Any failure is a ModelError('MODEL_INVALID') whose message says why.
 */
import { readFile } from 'node:fs/promises';
import type { InferenceSession } from 'onnxruntime-node';
import { chooseEngine, type EnginePreference, type ScoringEngine } from './engine.js';
import { errorMessage, ModelError } from './errors.js';
import { LoadedModel, type BatchingOptions } from './loaded-model.js';
import { readModelFiles, type ModelFiles } from './model-files.js';
import { onnxSchemaProblems } from './onnx-check.js';
import { createSession, SERVING_SESSION_OPTIONS } from './session.js';
import type { ExplanationStatus, FeatureBatch, ServedFeature, ServedModel } from './types.js';
import { exampleBatch, syntheticBatch } from './warm-up.js';
import { loadExplainer, type ExplainerState } from './explain/load-explainer.js';
import { verifyExplainer } from './explain/verify.js';
import { runBatch } from './onnx-runner.js';

export interface LoadModelDirOptions {
  readonly name: string;
  readonly version: string;
  readonly alias?: string | undefined;
  /** Defaults to MLmodel's model_id. */
  readonly modelId?: string | undefined;
  /** Defaults to MLmodel's run_id. */
  readonly runId?: string | undefined;
  /** Training params (the logged model's). @default {} */
  readonly params?: Readonly<Record<string, string>>;
  readonly batching?: BatchingOptions;
  /** @default SERVING_SESSION_OPTIONS */
  readonly sessionOptions?: InferenceSession.SessionOptions;
  /** Which engine scores requests (engine.ts). @default 'auto' */
  readonly engine?: EnginePreference;
}

function invalid(
  options: { name: string; version: string; dir: string },
  reason: string,
  cause?: unknown,
): ModelError {
  return new ModelError(
    'MODEL_INVALID',
    `model ${options.name} version ${options.version} (${options.dir}) is refused: ${reason}`,
    { cause },
  );
}

function threshold(files: ModelFiles): number {
  const raw = files.mlmodel.metadata?.['threshold'];
  const fromMlmodel = raw === undefined || raw === null ? undefined : Number(raw);
  const fromSchema = files.schema.threshold;
  if (fromMlmodel !== undefined && !(fromMlmodel >= 0 && fromMlmodel <= 1)) {
    throw new Error(`MLmodel metadata.threshold '${String(raw)}' is not a probability`);
  }
  if (
    fromMlmodel !== undefined &&
    fromSchema !== undefined &&
    Math.abs(fromMlmodel - fromSchema) > 1e-9
  ) {
    throw new Error(
      `MLmodel metadata.threshold ${fromMlmodel} differs from champion/schema.json threshold ${fromSchema}`,
    );
  }
  const value = fromMlmodel ?? fromSchema;
  if (value === undefined) {
    throw new Error(
      'no decision threshold (MLmodel metadata.threshold or champion/schema.json threshold)',
    );
  }
  return value;
}

/** Features in ONNX input order, with the facts schema.json records. */
function servedFeatures(session: InferenceSession, files: ModelFiles): ServedFeature[] {
  const declared = new Map(files.schema.features.map((f) => [f.name, f.type]));
  const facts = new Map((files.schema.featureFacts ?? []).map((f) => [f.name, f]));
  return session.inputNames.map((name): ServedFeature => {
    const type = declared.get(name) ?? 'numeric';
    const fact = facts.get(name);
    if (fact?.type === 'categorical') return { name, type, categories: fact.categories };
    if (fact?.type === 'numeric')
      return { name, type, min: fact.min ?? null, max: fact.max ?? null };
    return { name, type };
  });
}

async function warm(loaded: LoadedModel): Promise<void> {
  const { features, inputExample } = loaded.model;
  const batches: FeatureBatch[] = [syntheticBatch(features, 1), syntheticBatch(features, 64)];
  const example = exampleBatch(features, inputExample);
  if (example !== undefined) batches.unshift(example);
  for (const batch of batches) {
    const scores = await loaded.run(batch);
    const bad = scores.probability.findIndex((p) => !(p >= 0 && p <= 1));
    if (scores.probability.length !== batch.rows || bad !== -1) {
      throw new Error(
        `the warm-up run returned an invalid probability (${scores.probability[bad] ?? 'none'})`,
      );
    }
  }
}

/** The folder's explainer, held to onnxruntime's scores on a synthetic batch (explain/verify.ts). */
async function checkedExplainer(
  dir: string,
  options: { features: readonly ServedFeature[]; session: InferenceSession },
): Promise<ExplainerState> {
  const state = await loadExplainer(dir, options.features);
  if (!state.available) return state;
  const batch = syntheticBatch(options.features, 64);
  const { probability } = await runBatch({ ...options, batch });
  const problem = await verifyExplainer({ explainer: state.explainer, batch, probability });
  return problem === undefined ? state : { available: false, reason: problem };
}

function explanationStatus(state: ExplainerState): ExplanationStatus {
  if (!state.available) return { available: false, reason: state.reason };
  return { available: true, method: state.explainer.kind === 'trees' ? 'tree_shap' : 'linear' };
}

/** Loads, checks and warms the model in `dir`. Throws ModelError('MODEL_INVALID'). */
export async function loadModelDir(
  dir: string,
  options: LoadModelDirOptions,
): Promise<LoadedModel> {
  const where = { name: options.name, version: options.version, dir };
  let files: ModelFiles;
  let thresholdValue: number;
  try {
    files = await readModelFiles(dir);
    thresholdValue = threshold(files);
  } catch (error) {
    throw invalid(where, errorMessage(error), error);
  }
  let session: InferenceSession;
  try {
    session = await createSession(
      files.onnxPath,
      options.sessionOptions ?? SERVING_SESSION_OPTIONS,
    );
  } catch (error) {
    throw invalid(where, `model.onnx does not load in onnxruntime: ${errorMessage(error)}`, error);
  }
  const problems = onnxSchemaProblems(session, files.schema.features);
  if (problems.length > 0) {
    await session.release().catch(() => undefined);
    throw invalid(where, `model.onnx does not match champion/schema.json: ${problems.join('; ')}`);
  }
  const features = servedFeatures(session, files);
  let engine: ScoringEngine;
  try {
    engine = await chooseEngine({
      preference: options.engine ?? 'auto',
      onnx: await readFile(files.onnxPath),
      session,
      features,
    });
  } catch (error) {
    await session.release().catch(() => undefined);
    throw invalid(where, `no engine could score model.onnx: ${errorMessage(error)}`, error);
  }
  const { mlmodel, schema } = files;
  let explainer: ExplainerState;
  try {
    explainer = await checkedExplainer(dir, { features, session });
  } catch (error) {
    explainer = { available: false, reason: `explainer check failed: ${errorMessage(error)}` };
  }
  const model: ServedModel = Object.freeze({
    name: options.name,
    version: options.version,
    alias: options.alias,
    modelId: options.modelId ?? mlmodel.model_id ?? undefined,
    runId: options.runId ?? mlmodel.run_id ?? undefined,
    features,
    engine: {
      kind: engine.kind,
      ...(engine.reason === undefined ? {} : { reason: engine.reason }),
    },
    target: {
      name: schema.target.name,
      positive: schema.target.positive,
      negative: schema.target.negative,
      type: schema.target.type,
    },
    threshold: thresholdValue,
    metrics: files.metrics,
    params: options.params ?? {},
    inputExample: files.inputExample,
    explanations: explanationStatus(explainer),
    dir,
    loadedAt: new Date(),
  });
  const loaded = new LoadedModel({
    model,
    session,
    engine,
    explainer,
    ...(options.batching ? { batching: options.batching } : {}),
  });
  try {
    await warm(loaded);
  } catch (error) {
    await loaded.retire();
    throw invalid(where, `warm-up failed: ${errorMessage(error)}`, error);
  }
  return loaded;
}
