/**
 * Open Inference Protocol (KServe V2) REST: server health and metadata, model metadata and
 * readiness, and infer, so KServe/Triton clients (tritonclient[http]) work against this server.
 * The model name is the registered model name; the only version served is the current one.
 */
import express, { type Request, type Response } from 'express';
import type { ServedModel } from '@champion/runtime';
import type { AppContext } from '../context.js';
import { ServingHttpError } from '../errors.js';
import { requireApiKey } from '../middleware/auth.js';
import { requestIdOf } from '@champion/http-kit';
import { batchWarnings } from '../records/warnings.js';
import { batchRecordIds } from '../record-request-ids.js';
import { currentFeatures, scoreParsed } from '../scoring.js';
import { SERVER_NAME, SERVER_VERSION } from '../version.js';
import { splitBody } from '../v2/binary.js';
import { inferResponse, v2Outputs } from '../v2/response.js';
import { inferRequestToBatch, parseInferRequest } from '../v2/tensors.js';
import type { ApiRouter } from '../api-router.js';
import { errors, json, ref, type Operation } from '../openapi/operation.js';

const MODEL = '/v2/models/:name';
const VERSIONED = '/v2/models/:name/versions/:version';

function isReady(context: AppContext): boolean {
  return !context.state.shuttingDown && context.host.current() !== undefined;
}

/** The current model if `name` (and `version`, when given) designate it; 404/503 otherwise. */
function servedModel(context: AppContext, req: Request): ServedModel {
  const name = String(req.params['name']);
  const version = req.params['version'];
  const model = context.host.current();
  if (model === undefined) {
    if (name === context.config.modelName) {
      throw new ServingHttpError({
        code: 'MODEL_NOT_READY',
        message: `Model ${name} is still loading; retry shortly.`,
      });
    }
    throw new ServingHttpError({
      code: 'NOT_FOUND',
      message: `Model ${JSON.stringify(name)} is not served here.`,
    });
  }
  if (name !== model.name) {
    throw new ServingHttpError({
      code: 'NOT_FOUND',
      message: `Model ${JSON.stringify(name)} is not served here; this server serves ${JSON.stringify(model.name)}.`,
    });
  }
  if (version !== undefined && String(version) !== model.version) {
    throw new ServingHttpError({
      code: 'NOT_FOUND',
      message: `Version ${JSON.stringify(version)} of ${model.name} is not served; version ${model.version} is.`,
    });
  }
  return model;
}

/** V2 model metadata of a served model. */
export function v2ModelMetadata(model: ServedModel): Record<string, unknown> {
  return {
    name: model.name,
    versions: [model.version],
    platform: 'onnxruntime_onnx',
    inputs: model.features.map((f) => ({
      name: f.name,
      datatype: f.type === 'numeric' ? 'FP32' : 'BYTES',
      shape: [-1],
    })),
    outputs: v2Outputs(model).map((o) => ({ ...o, shape: [-1] })),
  };
}

const SERVER_METADATA: Operation = () => ({
  summary: 'V2 server metadata',
  responses: { '200': { description: 'Metadata', content: json(ref('V2ServerMetadata')) } },
});
const LIVE: Operation = () => ({
  summary: 'V2 liveness',
  responses: { '200': { description: 'Live' } },
});
const READY: Operation = () => ({
  summary: 'V2 readiness',
  responses: {
    '200': { description: 'Ready' },
    '503': { description: 'Not ready' },
    ...errors([404], ref('V2Error')),
  },
});
const MODEL_METADATA: Operation = () => ({
  summary: 'V2 model metadata',
  responses: {
    '200': { description: 'Metadata', content: json(ref('V2ModelMetadata')) },
    ...errors([404, 503], ref('V2Error')),
  },
});
const MODEL_READY: Operation = () => ({
  summary: 'V2 model readiness (200 ready, 503 not)',
  responses: {
    '200': { description: 'Ready' },
    '503': { description: 'Not ready' },
    ...errors([404], ref('V2Error')),
  },
});
const INFER: Operation = ({ secured }) => ({
  summary:
    'Open Inference Protocol infer: one input per feature (FP32 or BYTES, shape [n]); outputs probability (FP32) and label, typed as the training target (INT64 for integer classes, BYTES for text, FP64 for other numbers; the model metadata says which). Unseen categories scored as missing are listed in the response parameters as `warnings`, a JSON text of [{row, field, problem}], only when there are any. Binary tensor data supported.',
  security: secured,
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
});

export function v2Routes(context: AppContext, router: ApiRouter): void {
  const { config } = context;
  router.get('/v2', SERVER_METADATA, (_req, res) => {
    res.json({ name: SERVER_NAME, version: SERVER_VERSION, extensions: ['binary_tensor_data'] });
  });
  router.get('/v2/health/live', LIVE, (_req, res) => {
    res.status(200).end();
  });
  router.get('/v2/health/ready', READY, (_req, res) => {
    res.status(isReady(context) ? 200 : 503).end();
  });
  const metadata = (req: Request, res: Response): void => {
    res.json(v2ModelMetadata(servedModel(context, req)));
  };
  router.get(MODEL, MODEL_METADATA, metadata);
  router.get(VERSIONED, MODEL_METADATA, metadata);
  const ready = (req: Request, res: Response): void => {
    servedModel(context, req);
    res.status(context.state.shuttingDown ? 503 : 200).end();
  };
  router.get(`${MODEL}/ready`, MODEL_READY, ready);
  router.get(`${VERSIONED}/ready`, MODEL_READY, ready);

  const infer = async (req: Request, res: Response): Promise<void> => {
    servedModel(context, req);
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (body.length === 0)
      throw new ServingHttpError({
        code: 'INVALID_REQUEST',
        message: 'The inference request has no body.',
      });
    const { json, binary } = splitBody(body, req.get('inference-header-content-length'));
    const request = parseInferRequest(json);
    const parsed = inferRequestToBatch({
      compiled: currentFeatures(context),
      request,
      binary,
      maxRows: config.maxBatchRows,
    });
    const { scores, afterResponse } = await scoreParsed(context, {
      parsed,
      ids: batchRecordIds(requestIdOf(res)),
      endpoint: 'v2',
    });
    res.locals['rows'] = parsed.batch.rows;
    const response = inferResponse({ request, scores, warnings: batchWarnings(parsed) });
    if (response.binary.length === 0) {
      res.json(response.json);
    } else {
      const header = Buffer.from(JSON.stringify(response.json), 'utf8');
      res.setHeader('Inference-Header-Content-Length', String(header.length));
      res.type('application/octet-stream').send(Buffer.concat([header, ...response.binary]));
    }
    afterResponse();
  };
  // Any content type: tritonclient sends binary tensor data as octet-stream, JSON as JSON.
  const rawBody = express.raw({ type: () => true, limit: config.maxBodyBytes });
  router.post(`${MODEL}/infer`, INFER, requireApiKey(config.apiKey), rawBody, infer);
  router.post(`${VERSIONED}/infer`, INFER, requireApiKey(config.apiKey), rawBody, infer);
}
