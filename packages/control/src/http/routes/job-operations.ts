/** The OpenAPI operations of the job routes (schemas by name: openapi.ts generates them). */
import type { Json } from '../api-router.js';
import { errors, json, ref, SECURED } from '../openapi.js';

const queued = {
  '202': { description: 'Queued: {id, status}', content: json(ref('JobAccepted')) },
};

export const TRAIN: Json = {
  summary:
    'Queue a training: upload the data (text/csv or Parquet, options as query parameters) or name it in JSON',
  security: SECURED,
  requestBody: {
    content: {
      'text/csv': { schema: { type: 'string' } },
      'application/vnd.apache.parquet': { schema: { type: 'string', format: 'binary' } },
      ...json({
        allOf: [
          ref('TrainOptions'),
          { type: 'object', required: ['data'], properties: { data: { type: 'string' } } },
        ],
      }),
    },
  },
  responses: { ...queued, ...errors([400, 401, 403, 413, 415, 422]) },
};

export const MONITOR: Json = {
  summary: 'Queue a monitoring pass (`champion monitor run`)',
  security: SECURED,
  requestBody: { content: json(ref('MonitorRequest')) },
  responses: { ...queued, ...errors([400, 401, 403]) },
};

export const LIST: Json = {
  summary: 'Every job, newest first',
  responses: {
    '200': {
      description: 'OK',
      content: json({ type: 'object', properties: { jobs: { type: 'array', items: ref('Job') } } }),
    },
  },
};

export const GET: Json = {
  summary: 'One job: status, progress, MLflow run, result or error',
  responses: { '200': { description: 'OK', content: json(ref('Job')) }, ...errors([404]) },
};

export const EVENTS: Json = {
  summary: 'Server-sent events (`event: job`): the job after each change, until it ends',
  responses: {
    '200': { description: 'text/event-stream', content: { 'text/event-stream': {} } },
    ...errors([404]),
  },
};

export const CANCEL: Json = {
  summary: 'Cancel: a queued job ends now, a running one stops (its MLflow run ends KILLED)',
  security: SECURED,
  responses: {
    '202': { description: 'Cancelling or cancelled', content: json(ref('Job')) },
    ...errors([401, 403, 404, 409]),
  },
};
