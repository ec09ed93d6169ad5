/** Request bodies validated by zod, also the OpenAPI document's schemas (openapi.ts). */
import { z } from 'zod';

/** `POST /jobs/monitor`. */
export const monitorRequestSchema = z.strictObject({
  name: z.string().min(1).max(256),
  force: z.boolean().optional(),
});
