/**
 * The OpenAPI 3.1 document, composed by hand from JSON Schemas that zod generates
 * (`z.toJSONSchema`). Rebuilt once per served model version (cached by model object).
 */
import { z } from 'zod';
import type { ServedModel } from '@champion/runtime';
import type { ServingConfig } from '../../config.js';
import { SERVER_VERSION } from '../version.js';
import {
  v2InferRequestSchema,
  v2InferResponseSchema,
  v2ModelMetadataSchema,
  v2ServerMetadataSchema,
} from '../v2/schemas.js';
import {
  anyRecordSchema,
  errorSchema,
  invocationsRequestSchema,
  invocationsResponseSchema,
  mlflowErrorSchema,
  predictionSchema,
  recordSchema,
  v2ErrorSchema,
} from './schemas.js';

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const out = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  delete out['$schema'];
  return out;
}

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json): Json => ({ 'application/json': { schema } });
const errors = (codes: readonly number[], schema = ref('Error')): Json =>
  Object.fromEntries(
    codes.map((c) => [String(c), { description: 'Error', content: json(schema) }]),
  );

function components(options: { model: ServedModel | undefined; config: ServingConfig }): Json {
  const { model, config } = options;
  const unseen = config.unseenCategories;
  const record =
    model === undefined ? anyRecordSchema : recordSchema(model, { unseen, strict: true });
  const mlflowRecord =
    model === undefined ? anyRecordSchema : recordSchema(model, { unseen, strict: false });
  const prediction = predictionSchema(model);
  return {
    PredictRecord: jsonSchema(record, 'input'),
    PredictRequest: {
      oneOf: [
        ref('PredictRecord'),
        { type: 'array', items: ref('PredictRecord'), minItems: 1, maxItems: config.maxBatchRows },
      ],
    },
    Prediction: jsonSchema(prediction, 'output'),
    PredictResponse: { oneOf: [ref('Prediction'), { type: 'array', items: ref('Prediction') }] },
    InvocationsRequest: jsonSchema(invocationsRequestSchema(mlflowRecord), 'input'),
    InvocationsResponse: jsonSchema(invocationsResponseSchema(model), 'output'),
    V2InferRequest: jsonSchema(v2InferRequestSchema, 'input'),
    V2InferResponse: jsonSchema(v2InferResponseSchema, 'output'),
    V2ModelMetadata: jsonSchema(v2ModelMetadataSchema, 'output'),
    V2ServerMetadata: jsonSchema(v2ServerMetadataSchema, 'output'),
    Error: jsonSchema(errorSchema, 'output'),
    MlflowError: jsonSchema(mlflowErrorSchema, 'output'),
    V2Error: jsonSchema(v2ErrorSchema, 'output'),
  };
}

const get = (summary: string, extra: Json = {}): Json => ({
  get: {
    summary,
    responses: {
      '200': { description: 'OK', content: json({ type: 'object' }) },
      ...errors([503]),
    },
    ...extra,
  },
});

function paths(secured: Json[]): Json {
  const modelParam = {
    name: 'name',
    in: 'path',
    required: true,
    schema: { type: 'string' },
    description: 'Registered model name',
  };
  const versionParam = { name: 'version', in: 'path', required: true, schema: { type: 'string' } };
  const infer = (parameters: Json[]): Json => ({
    post: {
      summary:
        'Open Inference Protocol infer: one input per feature (FP32 or BYTES, shape [n]); outputs probability (FP32) and label, typed as the training target (INT64 for integer classes, BYTES for text, FP64 for other numbers; the model metadata says which). Unseen categories scored as missing are listed in the response parameters as `warnings`, a JSON text of [{row, field, problem}], only when there are any. Binary tensor data supported.',
      security: secured,
      parameters,
      requestBody: {
        required: true,
        content: {
          ...json(ref('V2InferRequest')),
          'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
        },
      },
      responses: {
        '200': { description: 'Outputs', content: json(ref('V2InferResponse')) },
        ...errors([400, 401, 404, 413, 422, 503, 500], ref('V2Error')),
      },
    },
  });
  const modelMeta = (parameters: Json[]): Json => ({
    get: {
      summary: 'V2 model metadata',
      parameters,
      responses: {
        '200': { description: 'Metadata', content: json(ref('V2ModelMetadata')) },
        ...errors([404, 503], ref('V2Error')),
      },
    },
  });
  const modelReady = (parameters: Json[]): Json => ({
    get: {
      summary: 'V2 model readiness (200 ready, 503 not)',
      parameters,
      responses: {
        '200': { description: 'Ready' },
        '503': { description: 'Not ready' },
        ...errors([404], ref('V2Error')),
      },
    },
  });
  return {
    '/predict': {
      post: {
        summary: 'Score one record (object in, object out) or many (array in, array out)',
        description:
          'Every feature must be present; send null for a missing value. An optional `id` per record is echoed back.',
        security: secured,
        requestBody: { required: true, content: json(ref('PredictRequest')) },
        responses: {
          '200': { description: 'Predictions', content: json(ref('PredictResponse')) },
          ...errors([400, 401, 413, 415, 422, 503, 500]),
        },
      },
    },
    '/predict/batch': {
      post: {
        summary:
          'Score a file streamed in (CSV with a header row, or NDJSON records), answered row by row as NDJSON (or CSV with Accept: text/csv)',
        description:
          'Rows are scored in chunks and streamed back, one line per input row: {row, id?, probability, label, label_index, warnings} (label typed as the training target, warnings as on /predict), or {row, error: {path, problem}} for an invalid row; CSV answers have the columns row,id,probability,label,label_index,error,warnings (warnings as "field: problem" items joined by "; "). A failure after streaming started ends the response with a final {"error": ...} line. Body limit: CHAMPION_MAX_BATCH_BODY_BYTES; a line (NDJSON) or record (CSV) longer than CHAMPION_MAX_LINE_BYTES is refused with 413 LINE_TOO_LONG.',
        security: secured,
        requestBody: {
          required: true,
          content: {
            'text/csv': { schema: { type: 'string', minLength: 1 } },
            'application/x-ndjson': { schema: { type: 'string', minLength: 1 } },
          },
        },
        responses: {
          '200': {
            description: 'One line per input row',
            content: {
              'application/x-ndjson': { schema: { type: 'string' } },
              'text/csv': { schema: { type: 'string' } },
            },
          },
          ...errors([400, 401, 413, 415, 422, 503, 500]),
        },
      },
    },
    '/invocations': {
      post: {
        summary:
          'MLflow scoring protocol (dataframe_split, dataframe_records, instances, inputs; or text/csv)',
        description:
          "A drop-in for mlflow models serve's /invocations: the JSON body may hold Python's NaN (a missing value) as json.dumps writes it; content-type parameters other than charset=utf-8 are refused (415) as MLflow does. Errors are MLflow's {error_code, message} with champion's {error} beside them; never a stack trace. Labels are typed as the training target (what `mlflow models serve` answers for the same model); unseen categories scored as missing are listed in `warnings` beside `predictions`, only when there are any.",
        security: secured,
        requestBody: {
          required: true,
          content: {
            ...json(ref('InvocationsRequest')),
            'text/csv': { schema: { type: 'string', minLength: 1 } },
          },
        },
        responses: {
          '200': { description: 'Predictions', content: json(ref('InvocationsResponse')) },
          ...errors([400, 401, 413, 415, 422, 503, 500], ref('MlflowError')),
        },
      },
    },
    '/v2': {
      get: {
        summary: 'V2 server metadata',
        responses: { '200': { description: 'Metadata', content: json(ref('V2ServerMetadata')) } },
      },
    },
    '/v2/health/live': {
      get: { summary: 'V2 liveness', responses: { '200': { description: 'Live' } } },
    },
    '/v2/health/ready': {
      get: {
        summary: 'V2 readiness',
        responses: {
          '200': { description: 'Ready' },
          '503': { description: 'Not ready' },
          ...errors([404], ref('V2Error')),
        },
      },
    },
    '/v2/models/{name}': modelMeta([modelParam]),
    '/v2/models/{name}/versions/{version}': modelMeta([modelParam, versionParam]),
    '/v2/models/{name}/ready': modelReady([modelParam]),
    '/v2/models/{name}/versions/{version}/ready': modelReady([modelParam, versionParam]),
    '/v2/models/{name}/infer': infer([modelParam]),
    '/v2/models/{name}/versions/{version}/infer': infer([modelParam, versionParam]),
    '/model': get(
      'The serving model: name, version, alias, threshold, engine (compiled or onnxruntime, and why), features, target, source run and model ids',
    ),
    '/model/params': get('Training parameters of the serving model'),
    '/model/metrics': get('Test metrics of the serving model'),
    '/model/schema': get('Features and target of the serving model'),
    '/model/example': {
      get: {
        summary:
          "A valid /predict body: a synthetic record (training medians and most frequent categories), or the model's stored input example when it is synthetic or CHAMPION_MODEL_EXAMPLE=stored",
        responses: {
          '200': { description: 'OK', content: json(ref('PredictRequest')) },
          ...errors([503]),
        },
      },
    },
    '/livez': get('Liveness: the process answers'),
    '/readyz': get('Readiness: 503 until a model is loaded and during shutdown'),
    '/health': get('Model lifecycle, uptime, memory and event-loop delay'),
    '/ping': {
      get: {
        summary:
          "MLflow scoring server's probe (mlflow models serve, SageMaker): 200 while a model is served; 503 before one is loaded and while draining. No API key.",
        responses: {
          '200': { description: 'Serving', content: json({ type: 'object' }) },
          '503': { description: 'Not serving (yet)', content: json({ type: 'object' }) },
        },
      },
    },
    '/version': {
      get: {
        summary:
          "champion's version as plain text (where mlflow models serve answers MLflow's version). No API key.",
        responses: {
          '200': {
            description: 'Version',
            content: { 'text/plain': { schema: { type: 'string' } } },
          },
        },
      },
    },
    '/metrics': {
      get: {
        summary: 'Prometheus metrics',
        responses: {
          '200': {
            description: 'Prometheus text format',
            content: { 'text/plain': { schema: { type: 'string' } } },
          },
        },
      },
    },
    '/admin/reload': {
      post: {
        summary:
          'Check the model alias now and swap if it moved (needs the API key; disabled without one)',
        security: [{ bearer: [] }, { apiKey: [] }],
        responses: {
          '200': { description: 'What happened', content: json({ type: 'object' }) },
          ...errors([401, 403, 500]),
        },
      },
    },
    '/openapi.json': {
      get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' } } },
    },
    '/docs': {
      get: {
        summary: 'Interactive documentation',
        responses: { '200': { description: 'HTML', content: { 'text/html': {} } } },
      },
    },
  };
}

/** The OpenAPI 3.1 document for the model serving now (or none yet). */
export function buildOpenApi(options: {
  model: ServedModel | undefined;
  config: ServingConfig;
}): Json {
  const { model, config } = options;
  const secured = config.apiKey === undefined ? [] : [{ bearer: [] }, { apiKey: [] }];
  return {
    openapi: '3.1.0',
    info: {
      title:
        model === undefined
          ? 'champion serving'
          : `champion serving: ${model.name} v${model.version}`,
      version: SERVER_VERSION,
      description:
        'Scores records with the registered model MLflow holds under the alias this server follows. ' +
        'Errors are `{error: {code, message, details: [{path, problem}], requestId}}` (MLflow and V2 dialects on their routes).',
    },
    paths: paths(secured),
    components: {
      schemas: components(options),
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
      },
    },
  };
}

/** Builds the document once per model version. */
export class OpenApiCache {
  readonly #byModel = new WeakMap<ServedModel, Json>();
  #withoutModel: Json | undefined;
  readonly #config: ServingConfig;

  constructor(config: ServingConfig) {
    this.#config = config;
  }

  get(model: ServedModel | undefined): Json {
    if (model === undefined)
      return (this.#withoutModel ??= buildOpenApi({ model, config: this.#config }));
    let doc = this.#byModel.get(model);
    if (doc === undefined) {
      doc = buildOpenApi({ model, config: this.#config });
      this.#byModel.set(model, doc);
    }
    return doc;
  }
}
