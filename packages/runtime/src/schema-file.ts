/**
 * champion/schema.json as the trainer writes it (tabular's SchemaDocument plus `threshold` and
 * `learner`), validated with zod. Unknown keys are kept so newer trainers stay readable.
 */
import { z } from 'zod';

const numericFacts = z
  .object({
    name: z.string(),
    type: z.literal('numeric'),
    min: z.number().nullable().optional(),
    max: z.number().nullable().optional(),
  })
  .loose();

const categoricalFacts = z
  .object({
    name: z.string(),
    type: z.literal('categorical'),
    categories: z.array(z.string()),
  })
  .loose();

export const schemaFileSchema = z
  .object({
    features: z
      .array(
        z.object({ name: z.string().min(1), type: z.enum(['numeric', 'categorical']) }).loose(),
      )
      .min(1),
    target: z
      .object({
        name: z.string(),
        positive: z.string(),
        negative: z.string(),
        // Absent in models trained before it was recorded: labels then stay as they were.
        type: z.enum(['numeric', 'text']).optional(),
      })
      .loose(),
    featureFacts: z
      .array(z.discriminatedUnion('type', [numericFacts, categoricalFacts]))
      .optional(),
    threshold: z.number().min(0).max(1).optional(),
    learner: z.string().optional(),
  })
  .loose();

export type SchemaFile = z.infer<typeof schemaFileSchema>;

/** Parses the text of champion/schema.json; throws a message naming the first bad field. */
export function parseSchemaFile(text: string): SchemaFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`champion/schema.json is not JSON (${String(error)})`);
  }
  const parsed = schemaFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('.') ?? '';
    throw new Error(
      `champion/schema.json is not a champion schema: '${path}' ${issue?.message ?? ''}`,
    );
  }
  return parsed.data;
}
