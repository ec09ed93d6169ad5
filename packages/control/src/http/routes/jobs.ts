/** The job API: submit (train, monitor), list, read, follow (SSE) and cancel. */
import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import type { ControlConfig } from '../../config.js';
import { ControlError } from '../../errors.js';
import { FINAL_STATUSES, type Job } from '../../jobs/job.js';
import type { JobService } from '../../jobs/job-service.js';
import type { ApiRouter } from '../api-router.js';
import { requireApiKey } from '../auth.js';
import { errors, json, ref, SECURED } from '../openapi.js';
import { trainJobSpec } from '../train-intake.js';

const SSE_HEARTBEAT_MS = 15_000;

const monitorBody = z.strictObject({
  name: z.string().min(1).max(256),
  force: z.boolean().optional(),
});

const view = (job: Job): Record<string, unknown> => {
  const { args: _args, handle: _handle, ...shown } = job;
  return shown;
};

const TRAIN = {
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
  responses: {
    '202': { description: 'Queued', content: json(ref('Job')) },
    ...errors([400, 401, 403, 413, 415, 422]),
  },
};

function sse(jobs: JobService) {
  return async (req: Request, res: Response): Promise<void> => {
    const id = String(req.params['id']);
    const first = await jobs.get(id);
    res.status(200).set({
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.flushHeaders();
    const send = (job: Job): void => {
      res.write(`event: job\ndata: ${JSON.stringify(view(job))}\n\n`);
      if (FINAL_STATUSES.has(job.status)) res.end();
    };
    const unsubscribe = jobs.subscribe(id, send);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), SSE_HEARTBEAT_MS);
    res.once('close', () => {
      unsubscribe();
      clearInterval(heartbeat);
    });
    send(first);
  };
}

export function jobRoutes(options: {
  router: ApiRouter;
  jobs: JobService;
  config: ControlConfig;
}): void {
  const { router, jobs, config } = options;
  const auth = requireApiKey(config.apiKey);
  const small = express.json({ limit: '64kb' });
  router.add(
    { method: 'post', path: '/jobs/train', operation: TRAIN },
    auth,
    small,
    async (req, res) => {
      const job = await jobs.submit(await trainJobSpec(req, config));
      res.status(202).location(`/jobs/${job.id}`).json({ id: job.id, status: job.status });
    },
  );
  router.add(
    {
      method: 'post',
      path: '/jobs/monitor',
      operation: {
        summary: 'Queue a monitoring pass (`champion monitor run`)',
        security: SECURED,
        requestBody: {
          content: json({
            type: 'object',
            required: ['name'],
            properties: { name: { type: 'string' }, force: { type: 'boolean' } },
          }),
        },
        responses: { '202': { description: 'Queued' }, ...errors([400, 401, 403]) },
      },
    },
    auth,
    small,
    async (req, res) => {
      const parsed = monitorBody.safeParse(req.body);
      if (!parsed.success) {
        const details = parsed.error.issues.map((i) => ({
          path: i.path.join('.') || '(body)',
          problem: i.message,
        }));
        throw new ControlError({
          code: 'INVALID_REQUEST',
          message: 'The body must be {"name": "<registered model>", "force"?: boolean}.',
          details,
        });
      }
      const { name, force } = parsed.data;
      const job = await jobs.submit({
        kind: 'monitor',
        name,
        args: ['monitor', 'run', '--name', name, ...(force === true ? ['--force'] : [])],
      });
      res.status(202).location(`/jobs/${job.id}`).json({ id: job.id, status: job.status });
    },
  );
  router.add(
    {
      method: 'get',
      path: '/jobs',
      operation: {
        summary: 'Every job, newest first',
        responses: {
          '200': {
            description: 'OK',
            content: json({
              type: 'object',
              properties: { jobs: { type: 'array', items: ref('Job') } },
            }),
          },
        },
      },
    },
    async (_req, res) => {
      res.json({ jobs: (await jobs.list()).map(view) });
    },
  );
  router.add(
    {
      method: 'get',
      path: '/jobs/:id',
      operation: {
        summary: 'One job: status, progress, MLflow run, result or error',
        responses: { '200': { description: 'OK', content: json(ref('Job')) }, ...errors([404]) },
      },
    },
    async (req, res) => {
      res.json(view(await jobs.get(String(req.params['id']))));
    },
  );
  router.add(
    {
      method: 'get',
      path: '/jobs/:id/events',
      operation: {
        summary: 'Server-sent events: the job after each change, until it ends',
        responses: {
          '200': { description: 'text/event-stream', content: { 'text/event-stream': {} } },
          ...errors([404]),
        },
      },
    },
    sse(jobs),
  );
  router.add(
    {
      method: 'delete',
      path: '/jobs/:id',
      operation: {
        summary: 'Cancel: a queued job ends now, a running one stops (its MLflow run ends KILLED)',
        security: SECURED,
        responses: {
          '202': { description: 'Cancelling or cancelled', content: json(ref('Job')) },
          ...errors([401, 403, 404, 409]),
        },
      },
    },
    auth,
    async (req, res) => {
      res.status(202).json(view(await jobs.cancel(String(req.params['id']))));
    },
  );
}
