/**
 * The zod schemas of the HTTP API, for the OpenAPI document. The /predict record schema is
 * derived from the served model's features (so clients see the real field names, types and
 * categories); request validation itself runs in records/ (one pass, all errors at once), and
 * these schemas describe the same rules.
 */
import { z } from 'zod';
import type { ServedModel } from '@champion/runtime';
import type { HttpErrorCode } from '../errors.js';
import { numberNamed as acceptsNumbers } from '../records/feature-compiler.js';
import { modelLabels } from '../labels.js';

const ERROR_CODES: readonly HttpErrorCode[] = [
  'MALFORMED_BODY',
  'INVALID_REQUEST',
  'INVALID_RECORDS',
  'BODY_TOO_LARGE',
  'BATCH_TOO_LARGE',
  'LINE_TOO_LONG',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNAUTHORIZED',
  'ADMIN_DISABLED',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'MODEL_NOT_READY',
  'LABELS_REJECTED',
  'FEEDBACK_UNAVAILABLE',
  'EXPLANATIONS_UNAVAILABLE',
  'INTERNAL',
];

const FLOAT32_MAX = 3.4028234663852886e38;

function featureSchema(
  feature: ServedModel['features'][number],
  unseen: 'reject' | 'missing',
): z.ZodType {
  if (feature.type === 'numeric') {
    const range =
      feature.min != null && feature.max != null
        ? ` Training range ${feature.min} … ${feature.max}.`
        : '';
    // The model takes float32: larger magnitudes are refused (422), so the document says so.
    return z
      .union([z.number().min(-FLOAT32_MAX).max(FLOAT32_MAX), z.literal(''), z.null()])
      .meta({ description: `Numeric; null (or "") for missing.${range}` });
  }
  const categories = feature.categories ?? [];
  // The same rule as records/compile.ts: numbers only where every category name is a number.
  const numbers = acceptsNumbers(categories);
  const description = `Category; null (or "") for missing.${
    numbers ? ' The categories are numbers: 2 and "2" are the same category.' : ''
  }${
    unseen === 'missing'
      ? ' Categories not seen in training are scored as missing and reported in `warnings`.'
      : ' Categories not seen in training are rejected (422).'
  }`;
  if (unseen === 'reject' && categories.length > 0) {
    const named = z.enum(categories as [string, ...string[]]);
    const allowed = numbers
      ? z.union([
          named,
          z.literal(categories.map(Number) as [number, ...number[]]),
          z.literal(''),
          z.null(),
        ])
      : z.union([named, z.literal(''), z.null()]);
    return allowed.meta({ description });
  }
  const value = numbers
    ? z.union([z.string(), z.number(), z.null()])
    : z.union([z.string(), z.null()]);
  return value.meta({
    description,
    ...(categories.length > 0 ? { examples: categories.slice(0, 20) } : {}),
  });
}

/**
 * One /predict record of `model`: every feature required (null for missing), nothing else
 * (`strict`); /invocations, like MLflow, ignores other fields and takes no id.
 */
export function recordSchema(
  model: ServedModel,
  options: { unseen: 'reject' | 'missing'; strict: boolean },
): z.ZodType {
  const { unseen } = options;
  const shape: Record<string, z.ZodType> = {};
  for (const f of model.features) shape[f.name] = featureSchema(f, unseen);
  if (!options.strict) return z.looseObject(shape);
  if (!model.features.some((f) => f.name === 'id')) {
    shape['id'] = z
      .union([z.string(), z.number(), z.null()])
      .optional()
      .meta({ description: 'Echoed back in the prediction.' });
  }
  return z.strictObject(shape);
}

/** Before a model is loaded the record's fields are unknown. */
export const anyRecordSchema = z.record(z.string(), z.union([z.number(), z.string(), z.null()]));

/** The label of `model`'s answers: its two classes, typed as the training target (labels.ts). */
function labelSchema(model: ServedModel | undefined): z.ZodType {
  return model === undefined
    ? z.union([z.string(), z.number()])
    : z.literal([...modelLabels(model).values]);
}

const warningSchema = z.object({ field: z.string(), problem: z.string() });

/** One explanation (http/explanations.ts): contributions named as `model`'s features. */
function explanationFields(model: ServedModel | undefined) {
  const contributions =
    model === undefined
      ? z.record(z.string(), z.number())
      : z.strictObject(Object.fromEntries(model.features.map((f) => [f.name, z.number()])));
  return {
    base_value: z.number().meta({
      description: 'Expected log-odds over the training data, where the contributions start.',
    }),
    contributions: contributions.meta({
      description:
        "Each feature's contribution to this record's log-odds (TreeSHAP for trees, exact linear attributions for logistic regression); every feature once.",
    }),
    log_odds: z.number().meta({ description: 'base_value + Σ contributions.' }),
    probability: z.number().min(0).max(1).meta({
      description:
        "sigmoid(log_odds) in double precision (/predict's probability is it rounded to float32).",
    }),
  };
}

export function explanationSchema(model: ServedModel | undefined): z.ZodType {
  return z.object(explanationFields(model));
}

/** One record of POST /explain's answer. */
export function explainedPredictionSchema(model: ServedModel | undefined): z.ZodType {
  return z.object({
    id: z.union([z.string(), z.number()]).optional(),
    ...explanationFields(model),
    label: labelSchema(model),
    label_index: z.union([z.literal(0), z.literal(1)]),
    threshold: z.number(),
    model: z.object({ name: z.string(), version: z.string() }),
    warnings: z.array(warningSchema),
  });
}

export function predictionSchema(model: ServedModel | undefined): z.ZodType {
  const labels = labelSchema(model);
  return z.object({
    id: z.union([z.string(), z.number()]).optional(),
    request_id: z.string().meta({
      description:
        "This record's id in the inference store, what POST /feedback names: the X-Request-Id for one record sent as an object, `<X-Request-Id>-<index>` for the records of an array.",
    }),
    probability: z
      .number()
      .min(0)
      .max(1)
      .meta({ description: 'Probability of the positive class.' }),
    label: labels.meta({
      description:
        'The class label, typed as the training target was (a number for a numeric target): positive when probability ≥ threshold.',
    }),
    label_index: z.union([z.literal(0), z.literal(1)]),
    threshold: z.number(),
    model: z.object({ name: z.string(), version: z.string() }),
    warnings: z.array(warningSchema).meta({
      description:
        'What the model could not use in this record, e.g. an unseen category scored as missing; empty when nothing.',
    }),
    explanation: explanationSchema(model).nullable().optional().meta({
      description:
        'With ?explain=true: why the model gave this probability (as POST /explain); null when the model cannot explain (see explanation_unavailable).',
    }),
    explanation_unavailable: z.string().optional().meta({
      description: 'With ?explain=true on a model without explanations: why.',
    }),
  });
}

export const errorSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES as [HttpErrorCode, ...HttpErrorCode[]]),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), problem: z.string() })),
    requestId: z.string(),
  }),
});

const row = z.array(z.union([z.number(), z.string(), z.null()]));
const column = z.array(z.union([z.number(), z.string(), z.null()]));
export function invocationsRequestSchema(record: z.ZodType): z.ZodType {
  return z.union([
    z.object({
      dataframe_split: z.object({
        columns: z.array(z.string()),
        data: z.array(row),
        index: z.array(z.unknown()).optional(),
      }),
    }),
    z.object({ dataframe_records: z.array(record) }),
    z.object({ instances: z.union([z.array(record), z.array(row), z.record(z.string(), column)]) }),
    z.object({ inputs: z.union([z.record(z.string(), column), z.array(record), z.array(row)]) }),
  ]);
}

/** MLflow's answer for the model's pyfunc frame, plus champion's warnings when there are any. */
export function invocationsResponseSchema(model: ServedModel | undefined): z.ZodType {
  return z.object({
    predictions: z.array(
      z.object({
        label: labelSchema(model).meta({
          description: 'The class label, typed as the training target was.',
        }),
        probability: z.number(),
      }),
    ),
    warnings: z
      .array(warningSchema.extend({ row: z.number().int().min(0) }))
      .optional()
      .meta({
        description:
          'Present only when some record had a value the model could not use (an unseen category scored as missing); row is the 0-based index into predictions. MLflow clients ignore it.',
      }),
  });
}

export const mlflowErrorSchema = z.object({
  error_code: z.string(),
  message: z.string(),
  error: errorSchema.shape.error,
});
export const v2ErrorSchema = z.object({
  error: z.string(),
  code: z.string(),
  details: z.array(z.unknown()),
  requestId: z.string(),
});
