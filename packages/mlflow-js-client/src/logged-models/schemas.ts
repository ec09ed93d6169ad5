/** zod schemas of MLflow 3 logged models (service.proto LoggedModel). */
import { z } from 'zod';
import { identifierSchema, optionalIdentifierSchema } from '../identifiers.js';
import { int64, keyValue, list } from '../schema-util.js';
import { metricSchema } from '../tracking/schemas.js';

export const loggedModelStatusSchema = z.enum([
  'LOGGED_MODEL_STATUS_UNSPECIFIED',
  'LOGGED_MODEL_PENDING',
  'LOGGED_MODEL_READY',
  'LOGGED_MODEL_UPLOAD_FAILED',
]);
export type LoggedModelStatus = z.infer<typeof loggedModelStatusSchema>;

export const loggedModelSchema = z.object({
  info: z.object({
    model_id: identifierSchema('logged model id'),
    experiment_id: identifierSchema('experiment id'),
    name: z.string().optional(),
    creation_timestamp_ms: int64.optional(),
    last_updated_timestamp_ms: int64.optional(),
    artifact_uri: z.string(),
    status: loggedModelStatusSchema.optional().default('LOGGED_MODEL_STATUS_UNSPECIFIED'),
    creator_id: int64.optional(),
    model_type: z.string().optional(),
    source_run_id: optionalIdentifierSchema('run id'),
    status_message: z.string().optional(),
    tags: list(keyValue),
    registrations: list(
      z.object({ name: z.string(), version: identifierSchema('model version') }).loose(),
    ),
  }),
  data: z
    .object({ params: list(keyValue), metrics: list(metricSchema) })
    .optional()
    .default({ params: [], metrics: [] }),
});
export type LoggedModel = z.infer<typeof loggedModelSchema>;

export const loggedModelResponse = z.object({ model: loggedModelSchema });
