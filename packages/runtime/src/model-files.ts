/** Reads the small files of a champion model folder beside model.onnx, validated with zod. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readMLmodel, resolveInside, safeArtifactPath, type MLmodel } from 'mlflow-js-client';
import { z } from 'zod';
import { parseSchemaFile, type SchemaFile } from './schema-file.js';

const metricsSchema = z.record(z.string(), z.number());
const inputExampleSchema = z.object({
  columns: z.array(z.string()),
  data: z.array(z.array(z.unknown())),
});

export interface ModelFiles {
  readonly mlmodel: MLmodel;
  /** The ONNX file named by the onnx flavor's `data`. */
  readonly onnxPath: string;
  readonly schema: SchemaFile;
  readonly metrics: Readonly<Record<string, number>>;
  readonly inputExample: z.infer<typeof inputExampleSchema>;
}

async function optionalJson<T>(options: {
  path: string;
  schema: z.ZodType<T>;
  fallback: T;
}): Promise<T> {
  let text: string;
  try {
    text = await readFile(options.path, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return options.fallback;
    throw error;
  }
  const parsed = options.schema.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new Error(`${options.path} is malformed: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

/** Reads and validates MLmodel (must have the onnx flavor), schema, metrics and input example. */
export async function readModelFiles(dir: string): Promise<ModelFiles> {
  const mlmodel = await readMLmodel(join(dir, 'MLmodel'));
  const onnx = mlmodel.flavors['onnx'];
  if (onnx === undefined) {
    const flavors = Object.keys(mlmodel.flavors).join(', ') || 'none';
    throw new Error(
      `MLmodel has no onnx flavor (flavors: ${flavors}); serving runs ONNX models only`,
    );
  }
  const data = typeof onnx['data'] === 'string' ? onnx['data'] : 'model.onnx';
  // MLmodel came from MLflow: the file it names must be one of the model's own files.
  const what = "MLmodel's onnx flavor data";
  const onnxPath = resolveInside({ root: dir, segments: [safeArtifactPath(data, what)], what });
  let schemaText: string;
  try {
    schemaText = await readFile(join(dir, 'champion', 'schema.json'), 'utf8');
  } catch (error) {
    throw new Error(`champion/schema.json is missing or unreadable (${String(error)})`);
  }
  return {
    mlmodel,
    onnxPath,
    schema: parseSchemaFile(schemaText),
    metrics: await optionalJson({
      path: join(dir, 'metrics.json'),
      schema: metricsSchema,
      fallback: {},
    }),
    inputExample: await optionalJson({
      path: join(dir, 'input_example.json'),
      schema: inputExampleSchema,
      fallback: { columns: [], data: [] },
    }),
  };
}
