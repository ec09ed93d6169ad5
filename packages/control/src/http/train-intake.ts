/**
 * `POST /jobs/train` from request to job spec: the data (an upload, or a JSON body naming a file
 * inside the allowed directories), the options under `champion train`'s flag names validated by
 * the trainer's one schema, then the data checked (readable, not empty, the named columns
 * present). Any failure is a 4xx naming the problem, and no job exists; an upload is removed.
 */
import { realpath, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Request } from 'express';
import { isInside } from 'mlflow-js-client';
import {
  checkTrainOptions,
  defaultModelName,
  parseTrainRequest,
  SEARCH_CANDIDATES,
  TRAIN_REQUEST_FLAGS,
  trainRequestArgs,
  trainRequestGate,
  flagKey,
} from '@champion/trainer';
import type { ControlConfig } from '../config.js';
import { ControlError } from '../errors.js';
import { checkTrainingData } from '../jobs/check-data.js';
import type { JobSpec } from '../jobs/job-service.js';
import { receiveUpload, UPLOAD_TYPES } from './upload.js';

const ACCEPTED = new Set(TRAIN_REQUEST_FLAGS.map(flagKey));

/** Options given as query parameters or JSON fields; unknown names are refused, not ignored. */
function options(
  input: Readonly<Record<string, unknown>>,
  extra: readonly string[],
): Record<string, unknown> {
  const unknown = Object.keys(input).filter((k) => !ACCEPTED.has(flagKey(k)) && !extra.includes(k));
  if (unknown.length > 0) {
    throw new ControlError({
      code: 'INVALID_REQUEST',
      message: `Unknown training option ${unknown.map((u) => `'${u}'`).join(', ')}; the options are ${TRAIN_REQUEST_FLAGS.join(', ')}.`,
      details: unknown.map((u) => ({ path: u, problem: 'not a training option' })),
    });
  }
  return Object.fromEntries(Object.entries(input).filter(([k]) => !extra.includes(k)));
}

async function allowedPath(data: unknown, roots: readonly string[]): Promise<string> {
  if (typeof data !== 'string' || data === '') {
    throw new ControlError({
      code: 'INVALID_REQUEST',
      message: '`data` must name the training file (a path this service can read).',
      details: [{ path: 'data', problem: 'required' }],
    });
  }
  const local = data.startsWith('file://') ? new URL(data).pathname : data;
  let real: string;
  try {
    real = await realpath(path.resolve(local));
  } catch {
    throw new ControlError({
      code: 'INVALID_DATA',
      message: `The data file ${data} does not exist.`,
      details: [{ path: 'data', problem: 'not found' }],
    });
  }
  const realRoots = await Promise.all(roots.map((r) => realpath(r).catch(() => r)));
  if (!realRoots.some((root) => isInside(root, real))) {
    throw new ControlError({
      code: 'INVALID_DATA',
      message: `The data file ${data} is outside the directories this service may read (CHAMPION_CONTROL_DATA_ROOTS).`,
      details: [{ path: 'data', problem: 'outside the allowed directories' }],
    });
  }
  return real;
}

async function dataOf(
  req: Request,
  config: ControlConfig,
): Promise<{ file: string; upload: boolean; input: Record<string, unknown> }> {
  const type = (req.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const format = UPLOAD_TYPES[type];
  if (format !== undefined) {
    const input = options(req.query, []);
    const file = await receiveUpload({
      req,
      dir: config.uploadDir,
      format,
      maxBytes: config.maxUploadBytes,
    });
    return { file, upload: true, input };
  }
  if (type !== 'application/json') {
    throw new ControlError({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message:
        'Send the data as text/csv or application/vnd.apache.parquet (options as query parameters), or JSON {"data": "<path>", "target": …}.',
    });
  }
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ControlError({
      code: 'INVALID_REQUEST',
      message: 'The JSON body must be an object: {"data": "<path>", "target": "<column>", …}.',
    });
  }
  const input = options(
    { ...(req.query as Record<string, unknown>), ...(body as Record<string, unknown>) },
    ['data'],
  );
  return {
    file: await allowedPath((body as Record<string, unknown>)['data'], config.dataRoots),
    upload: false,
    input,
  };
}

/** The job a training request asks for; throws ControlError (4xx) for anything wrong with it. */
export async function trainJobSpec(req: Request, config: ControlConfig): Promise<JobSpec> {
  const { file, upload, input } = await dataOf(req, config);
  try {
    const parsed = parseTrainRequest(input);
    // As the CLI does: a data file's name names the model; an upload's (generated) cannot.
    const name = parsed.name ?? (upload ? undefined : defaultModelName(file));
    if (name === undefined) {
      throw new ControlError({
        code: 'INVALID_REQUEST',
        message: '`name` (the registered model name) is required with an upload.',
        details: [{ path: 'name', problem: 'required' }],
      });
    }
    const request = { ...parsed, name };
    checkTrainOptions({
      name,
      data: { target: request.target },
      sensitive: request.sensitive,
      gate: trainRequestGate(request),
      learners: request.learners,
      candidates: request.candidates ?? SEARCH_CANDIDATES[request.search],
      folds: request.folds,
      timeBudgetSeconds: request.timeBudget,
    });
    await checkTrainingData({
      path: file,
      what: upload ? 'The uploaded file' : `The data file ${file}`,
      request,
    });
    return {
      kind: 'train',
      name,
      args: ['train', '--data', file, ...trainRequestArgs(request), '--events'],
    };
  } catch (error) {
    if (upload) await rm(file, { force: true });
    throw error;
  }
}
