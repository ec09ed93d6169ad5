/** zod schemas of MLflow model registry responses (model_registry.proto). */
import { z } from 'zod';
import { identifierSchema, optionalIdentifierSchema } from '../identifiers.js';
import { int64, keyValue, list } from '../schema-util.js';

/** A version number as the registry sends it; it names download folders, so it is checked. */
const versionId = identifierSchema('model version');

export const modelVersionStatusSchema = z.enum([
  'PENDING_REGISTRATION',
  'FAILED_REGISTRATION',
  'READY',
]);
export type ModelVersionStatus = z.infer<typeof modelVersionStatusSchema>;

export const modelVersionSchema = z.object({
  name: z.string().min(1),
  version: versionId,
  creation_timestamp: int64.optional(),
  last_updated_timestamp: int64.optional(),
  current_stage: z.string().optional(),
  description: z.string().optional(),
  source: z.string().optional(),
  run_id: optionalIdentifierSchema('run id'),
  model_id: optionalIdentifierSchema('logged model id'),
  status: modelVersionStatusSchema.optional().default('READY'),
  status_message: z.string().optional(),
  tags: list(keyValue),
  run_link: z.string().optional(),
  aliases: list(z.string()),
});
export type ModelVersion = z.infer<typeof modelVersionSchema>;

export const registeredModelSchema = z.object({
  name: z.string(),
  creation_timestamp: int64.optional(),
  last_updated_timestamp: int64.optional(),
  description: z.string().optional(),
  latest_versions: list(modelVersionSchema),
  tags: list(keyValue),
  aliases: list(z.object({ alias: z.string(), version: versionId })),
});
export type RegisteredModel = z.infer<typeof registeredModelSchema>;

export const registeredModelResponse = z.object({ registered_model: registeredModelSchema });
export const modelVersionResponse = z.object({ model_version: modelVersionSchema });
