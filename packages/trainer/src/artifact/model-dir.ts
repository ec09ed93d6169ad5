/**
 * Writes a champion model folder, as DESIGN.md specifies: MLmodel (onnx + python_function
 * flavors, signature, input example), model.onnx, the Python env files, champion/schema.json,
 * champion/profile.json, metrics.json and the evaluation plots. MLflow's own pyfunc loads it.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { syntheticExample, type ExampleProfile } from '@champion/tabular';
import { stringifyMLmodel, type MLmodel } from 'mlflow-js-client';
import type { FeatureSpec } from '../model/types.js';
import { condaYaml, MODEL_PYTHON_VERSION, pythonEnvYaml, requirementsTxt } from './model-env.js';
import { PYFUNC_CODE_DIR, PYFUNC_LOADER_MODULE, writePyfuncLoader } from './pyfunc-loader.js';
import { mlmodelSignature, type SignatureType } from './signature.js';

export const MLFLOW_VERSION = '3.17.2';
export const ONNX_VERSION = '1.23.2';

/** Where the input example comes from; recorded as MLmodel metadata `input_example`. */
export type InputExample =
  | { readonly source: 'synthetic' }
  | {
      readonly source: 'real';
      /** A few rows of raw input, one object per row (null for missing). */
      readonly rows: readonly Record<string, number | string | null>[];
    };

export interface ModelDirContents {
  readonly dir: string;
  readonly modelId: string;
  readonly onnx: Uint8Array;
  readonly features: readonly FeatureSpec[];
  /** Each feature's MLflow signature type (signature.ts: `signatureTypes`). */
  readonly signatureTypes: Readonly<Record<string, SignatureType>>;
  /**
   * input_example.json: `synthetic` (one record built from `profile`: medians and most frequent
   * categories, no row of the data) unless the user opted in to `real` rows of the data.
   */
  readonly example: InputExample;
  readonly schema: unknown;
  readonly profile: unknown;
  /** The drift reference (`champion/reference.json`, @champion/tabular `buildReference`). */
  readonly reference?: unknown;
  /** What explanations need (`champion/explainer.json`, explain/explainer-doc.ts). */
  readonly explainer?: unknown;
  /** The fairness report on the test split (`champion/fairness.json`), with `--sensitive`. */
  readonly fairness?: unknown;
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

function isExampleProfile(profile: unknown): profile is ExampleProfile {
  return (
    typeof profile === 'object' &&
    profile !== null &&
    Array.isArray((profile as { features?: unknown }).features)
  );
}

function exampleRows(
  contents: ModelDirContents,
): readonly Record<string, number | string | null>[] {
  if (contents.example.source === 'real') return contents.example.rows;
  const features = contents.features.map((f) => ({ name: f.name, type: f.kind }));
  // Without a profile every value is missing: still a valid request, still no row of the data.
  const profile = isExampleProfile(contents.profile) ? contents.profile : { features: [] };
  return [asSignatureTypes(syntheticExample({ profile, features }), contents.signatureTypes)];
}

/**
 * A median can fall between two whole numbers, and an integer-coded category is a string in the
 * profile: a `long` column of the signature gets a whole number, or MLflow refuses the example.
 * Other numbers keep 12 significant digits.
 */
function asSignatureTypes(
  record: Record<string, number | string | null>,
  types: Readonly<Record<string, SignatureType>>,
): Record<string, number | string | null> {
  const typed: Record<string, number | string | null> = {};
  for (const [name, value] of Object.entries(record)) {
    const number = typeof value === 'string' && value !== '' ? Number(value) : value;
    typed[name] =
      types[name] === 'long' && typeof number === 'number' && Number.isFinite(number)
        ? Math.round(number)
        : typeof value === 'number' && Number.isFinite(value)
          ? // A median between two values carries float noise (9.934999999999999): 12 digits.
            Number(value.toPrecision(12))
          : value;
  }
  return typed;
}

function exampleSplit(contents: ModelDirContents): {
  columns: string[];
  data: (number | string | null)[][];
} {
  const columns = contents.features.map((f) => f.name);
  const rows = exampleRows(contents);
  return { columns, data: rows.map((row) => columns.map((c) => row[c] ?? null)) };
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
    signature: mlmodelSignature({
      features: contents.features,
      types: contents.signatureTypes,
      schema: contents.schema,
    }),
    type_hint_from_example: false,
    utc_time_created: utcNow(),
    metadata: { ...contents.metadata, input_example: contents.example.source },
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
    // Compact (no indentation): it can hold up to maxDistinct numbers per column.
    ...(contents.reference === undefined
      ? []
      : [writeFile(join(dir, 'champion', 'reference.json'), JSON.stringify(contents.reference))]),
    // Compact too: one number per tree node.
    ...(contents.explainer === undefined
      ? []
      : [writeFile(join(dir, 'champion', 'explainer.json'), JSON.stringify(contents.explainer))]),
    ...(contents.fairness === undefined
      ? []
      : [writeFile(join(dir, 'champion', 'fairness.json'), json(contents.fairness))]),
    writeFile(join(dir, 'metrics.json'), json(contents.metrics)),
    ...Object.entries(contents.plots).map(([name, svg]) =>
      writeFile(join(dir, 'plots', name), svg),
    ),
  ]);
  return dir;
}
