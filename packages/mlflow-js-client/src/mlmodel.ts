/**
 * The `MLmodel` file: YAML with flavors, signature (JSON strings inside YAML, as MLflow writes
 * them), model_id and friends. Reading validates with zod and keeps unknown keys; writing emits
 * YAML that MLflow's `Model.load` reads.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parse, stringify } from 'yaml';
import { z } from 'zod';
import { MlflowError } from './errors.js';

/** One flavor's settings (`python_function`, `onnx`, ...); keys vary per flavor. */
export const flavorSchema = z.record(z.string(), z.unknown());

export const mlmodelSchema = z
  .object({
    artifact_path: z.string().optional(),
    flavors: z.record(z.string(), flavorSchema),
    model_uuid: z.string().optional(),
    model_id: z.string().nullable().optional(),
    run_id: z.string().nullable().optional(),
    utc_time_created: z.string().optional(),
    mlflow_version: z.string().optional(),
    model_size_bytes: z.number().optional(),
    /** `inputs`/`outputs`/`params` are JSON-encoded strings, as MLflow stores them. */
    signature: z
      .object({
        inputs: z.string().optional(),
        outputs: z.string().optional(),
        params: z.string().nullable().optional(),
      })
      .loose()
      .optional(),
    saved_input_example_info: z.record(z.string(), z.unknown()).optional(),
    metadata: z.record(z.string(), z.unknown()).nullable().optional(),
  })
  .loose();
export type MLmodel = z.infer<typeof mlmodelSchema>;

/** Parses MLmodel YAML text; `source` names the file in error messages. */
export function parseMLmodel(text: string, source = 'MLmodel'): MLmodel {
  let data: unknown;
  try {
    data = parse(text);
  } catch (err) {
    throw new MlflowError({
      code: 'BAD_RESPONSE',
      message: `${source} is not valid YAML: ${err instanceof Error ? err.message : String(err)}`,
      cause: err,
    });
  }
  const result = mlmodelSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new MlflowError({
      code: 'BAD_RESPONSE',
      message: `${source} is not a valid MLmodel: '${issue?.path.join('.') ?? ''}' ${issue?.message ?? ''}`,
      cause: result.error,
    });
  }
  return result.data;
}

/** YAML text for an MLmodel (block style, long JSON strings kept on one line). */
export function stringifyMLmodel(model: MLmodel): string {
  const checked = mlmodelSchema.parse(model);
  return stringify(checked, {
    lineWidth: 0,
    defaultStringType: 'PLAIN',
    aliasDuplicateObjects: false,
  });
}

/** Reads and validates an MLmodel file. */
export async function readMLmodel(path: string): Promise<MLmodel> {
  return parseMLmodel(await readFile(path, 'utf8'), path);
}

/** Writes an MLmodel file. */
export async function writeMLmodel(path: string, model: MLmodel): Promise<void> {
  await writeFile(path, stringifyMLmodel(model), 'utf8');
}
