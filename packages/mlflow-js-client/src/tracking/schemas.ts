/** zod schemas of MLflow tracking responses (service.proto), with the inferred types. */
import { z } from 'zod';
import { identifierSchema, optionalIdentifierSchema } from '../identifiers.js';
import { int64, keyValue, list } from '../schema-util.js';

const experimentId = identifierSchema('experiment id');
const runId = identifierSchema('run id');
const modelId = identifierSchema('logged model id');

export const experimentSchema = z.object({
  experiment_id: experimentId,
  name: z.string(),
  artifact_location: z.string().optional(),
  lifecycle_stage: z.string().optional(),
  last_update_time: int64.optional(),
  creation_time: int64.optional(),
  tags: list(keyValue),
});
export type Experiment = z.infer<typeof experimentSchema>;

export const metricSchema = z.object({
  key: z.string(),
  // MLflow sends NaN/Infinity as JSON strings "NaN"/"Infinity" in some paths.
  value: z.union([z.number(), z.enum(['NaN', 'Infinity', '-Infinity']).transform(Number)]),
  timestamp: int64,
  step: int64.optional().default(0),
  dataset_name: z.string().optional(),
  dataset_digest: z.string().optional(),
  model_id: optionalIdentifierSchema('logged model id'),
  run_id: optionalIdentifierSchema('run id'),
});
export type Metric = z.infer<typeof metricSchema>;

export const runStatusSchema = z.enum(['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED']);
export type RunStatus = z.infer<typeof runStatusSchema>;

export const runInfoSchema = z.object({
  run_id: runId,
  run_uuid: optionalIdentifierSchema('run id'),
  experiment_id: experimentId,
  run_name: z.string().optional(),
  user_id: z.string().optional(),
  status: runStatusSchema,
  start_time: int64.optional(),
  end_time: int64.optional(),
  artifact_uri: z.string(),
  lifecycle_stage: z.string(),
});
export type RunInfo = z.infer<typeof runInfoSchema>;

export const datasetSchema = z.object({
  name: z.string(),
  digest: z.string(),
  source_type: z.string(),
  source: z.string(),
  schema: z.string().optional(),
  profile: z.string().optional(),
});
export type Dataset = z.infer<typeof datasetSchema>;

export const datasetInputSchema = z.object({
  tags: list(keyValue),
  dataset: datasetSchema,
});
export type DatasetInput = z.infer<typeof datasetInputSchema>;

export const runSchema = z.object({
  info: runInfoSchema,
  data: z
    .object({
      metrics: list(metricSchema),
      params: list(keyValue),
      tags: list(keyValue),
    })
    .optional()
    .default({ metrics: [], params: [], tags: [] }),
  inputs: z
    .object({
      dataset_inputs: list(datasetInputSchema),
      model_inputs: list(z.object({ model_id: modelId })),
    })
    .optional()
    .default({ dataset_inputs: [], model_inputs: [] }),
  outputs: z
    .object({
      model_outputs: list(z.object({ model_id: modelId, step: int64.optional() })),
    })
    .optional()
    .default({ model_outputs: [] }),
});
export type Run = z.infer<typeof runSchema>;

export const emptySchema = z.object({}).loose();
