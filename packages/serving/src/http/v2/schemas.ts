/** Open Inference Protocol (KServe V2) REST bodies, as zod schemas (also used for OpenAPI). */
import { z } from 'zod';

const parameters = z.record(z.string(), z.unknown());

export const v2RequestInputSchema = z.object({
  name: z.string(),
  shape: z.array(z.number().int().min(0)),
  datatype: z.string(),
  parameters: parameters.optional(),
  /** Flat or nested (row-major) values; absent when sent as binary tensor data. */
  data: z.unknown().optional(),
});

export const v2RequestOutputSchema = z.object({
  name: z.string(),
  parameters: parameters.optional(),
});

export const v2InferRequestSchema = z.object({
  id: z.string().optional(),
  parameters: parameters.optional(),
  inputs: z.array(v2RequestInputSchema).min(1),
  outputs: z.array(v2RequestOutputSchema).optional(),
});

export type V2InferRequest = z.infer<typeof v2InferRequestSchema>;
export type V2RequestInput = z.infer<typeof v2RequestInputSchema>;

export const v2TensorMetadataSchema = z.object({
  name: z.string(),
  datatype: z.string(),
  shape: z.array(z.number().int()),
});

export const v2ModelMetadataSchema = z.object({
  name: z.string(),
  versions: z.array(z.string()),
  platform: z.string(),
  inputs: z.array(v2TensorMetadataSchema),
  outputs: z.array(v2TensorMetadataSchema),
});

export const v2ServerMetadataSchema = z.object({
  name: z.string(),
  version: z.string(),
  extensions: z.array(z.string()),
});

export const v2ResponseOutputSchema = z.object({
  name: z.string(),
  shape: z.array(z.number().int()),
  datatype: z.string(),
  parameters: parameters.optional(),
  data: z.array(z.union([z.number(), z.string()])).optional(),
});

export const v2InferResponseSchema = z.object({
  model_name: z.string(),
  model_version: z.string().optional(),
  id: z.string().optional(),
  parameters: parameters.optional(),
  outputs: z.array(v2ResponseOutputSchema),
});
