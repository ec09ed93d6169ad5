/**
 * Writes a champion model folder, as DESIGN.md specifies: MLmodel (onnx + python_function
 * flavors, signature, input example), model.onnx, the Python env files, champion/schema.json,
 * champion/profile.json, metrics.json and the evaluation plots. MLflow's own pyfunc loads it.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringifyMLmodel, type MLmodel } from 'mlflow-js-client';
import type { FeatureSpec } from '../model/types.js';
import { condaYaml, MODEL_PYTHON_VERSION, pythonEnvYaml, requirementsTxt } from './model-env.js';
import { PYFUNC_CODE_DIR, PYFUNC_LOADER_MODULE, writePyfuncLoader } from './pyfunc-loader.js';
import { mlmodelSignature, type SignatureType } from './signature.js';

export const MLFLOW_VERSION = '3.17.2';
export const ONNX_VERSION = '1.23.2';

export interface ModelDirContents {
  readonly dir: string;
  readonly modelId: string;
  readonly onnx: Uint8Array;
  readonly features: readonly FeatureSpec[];
  /** Each feature's MLflow signature type (signature.ts: `signatureTypes`). */
  readonly signatureTypes: Readonly<Record<string, SignatureType>>;
  /** Up to a few rows of raw input, one object per row (null for missing). */
  readonly example: readonly Record<string, number | string | null>[];
  readonly schema: unknown;
  readonly profile: unknown;
  readonly metrics: Readonly<Record<string, number>>;
  /** File name (e.g. `roc.svg`) → SVG text, written under `plots/`. */
  readonly plots: Readonly<Record<string, string>>;
  /** Extra MLmodel `metadata` (threshold, positive label...). */
  readonly metadata: Readonly<Record<string, string>>;
}

function utcNow(): string {
  // MLflow writes 'YYYY-MM-DD HH:MM:SS.ffffff'.
  return `${new Date().toISOString().replace('T', ' ').replace('Z', '')}000`;
}

function exampleSplit(contents: ModelDirContents): {
  columns: string[];
  data: (number | string | null)[][];
} {
  const columns = contents.features.map((f) => f.name);
  return { columns, data: contents.example.map((row) => columns.map((c) => row[c] ?? null)) };
}

export function buildMLmodel(contents: ModelDirContents): MLmodel {
  return {
    artifact_path: 'model',
    flavors: {
      onnx: {
        code: null,
        data: 'model.onnx',
        onnx_session_options: null,
        onnx_version: ONNX_VERSION,
        providers: ['CPUExecutionProvider'],
      },
      // Our own loader (docs/pyfunc.md): mlflow.onnx cannot take pandas 3 text columns.
      python_function: {
        code: PYFUNC_CODE_DIR,
        data: 'model.onnx',
        env: { conda: 'conda.yaml', virtualenv: 'python_env.yaml' },
        loader_module: PYFUNC_LOADER_MODULE,
        python_version: MODEL_PYTHON_VERSION,
      },
    },
    is_signature_from_type_hint: false,
    mlflow_version: MLFLOW_VERSION,
    model_id: contents.modelId,
    model_size_bytes: contents.onnx.byteLength,
    model_uuid: randomUUID().replace(/-/g, ''),
    saved_input_example_info: {
      artifact_path: 'input_example.json',
      pandas_orient: 'split',
      serving_input_path: 'serving_input_example.json',
      type: 'dataframe',
    },
    signature: mlmodelSignature(contents.features, contents.signatureTypes),
    type_hint_from_example: false,
    utc_time_created: utcNow(),
    metadata: { ...contents.metadata },
  };
}

/** Writes the folder; returns its path. */
export async function writeModelDir(contents: ModelDirContents): Promise<string> {
  const { dir } = contents;
  await mkdir(join(dir, 'champion'), { recursive: true });
  await mkdir(join(dir, 'plots'), { recursive: true });
  const split = exampleSplit(contents);
  const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
  await Promise.all([
    writeFile(join(dir, 'MLmodel'), stringifyMLmodel(buildMLmodel(contents))),
    writeFile(join(dir, 'model.onnx'), contents.onnx),
    writePyfuncLoader(dir),
    writeFile(join(dir, 'conda.yaml'), condaYaml()),
    writeFile(join(dir, 'python_env.yaml'), pythonEnvYaml()),
    writeFile(join(dir, 'requirements.txt'), requirementsTxt()),
    writeFile(join(dir, 'input_example.json'), JSON.stringify(split)),
    writeFile(join(dir, 'serving_input_example.json'), json({ dataframe_split: split })),
    writeFile(join(dir, 'champion', 'schema.json'), json(contents.schema)),
    writeFile(join(dir, 'champion', 'profile.json'), json(contents.profile)),
    writeFile(join(dir, 'metrics.json'), json(contents.metrics)),
    ...Object.entries(contents.plots).map(([name, svg]) =>
      writeFile(join(dir, 'plots', name), svg),
    ),
  ]);
  return dir;
}
