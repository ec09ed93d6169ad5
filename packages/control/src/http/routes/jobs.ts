/** The job API: submit (train, monitor), list, read, follow (SSE) and cancel. */
import express, { type Request, type Response } from 'express';
import type { ControlConfig } from '../../config.js';
import { ControlError } from '../../errors.js';
import { FINAL_STATUSES, type Job } from '../../jobs/job.js';
import type { JobService } from '../../jobs/job-service.js';
import type { ApiRouter } from '../api-router.js';
import { requireApiKey } from '../auth.js';
import { monitorRequestSchema } from '../request-schemas.js';
import { trainJobSpec } from '../train-intake.js';
import { CANCEL, EVENTS, GET, LIST, MONITOR, TRAIN } from './job-operations.js';

const SSE_HEARTBEAT_MS = 15_000;

/** What clients see of a job: not the command line (it holds server paths) nor the handle. */
export function jobView(job: Job): Record<string, unknown> {
  const { args: _args, handle: _handle, ...shown } = job;
  return shown;
}

function accepted(res: Response, job: Job): void {
  res.status(202).location(`/jobs/${job.id}`).json({ id: job.id, status: job.status });
}

function monitorSpec(body: unknown): { kind: 'monitor'; name: string; args: string[] } {
  const parsed = monitorRequestSchema.safeParse(body);
  if (!parsed.success) {
    throw new ControlError({
      code: 'INVALID_REQUEST',
      message: 'The body must be {"name": "<registered model>", "force"?: boolean}.',
      details: parsed.error.issues.map((i) => ({
        path: i.path.join('.') || '(body)',
        problem: i.message,
      })),
    });
  }
  const { name, force } = parsed.data;
  return {
    kind: 'monitor',
    name,
    args: ['monitor', 'run', '--name', name, ...(force === true ? ['--force'] : []), '--events'],
  };
}

function events(jobs: JobService) {
  return async (req: Request, res: Response): Promise<void> => {
    const id = String(req.params['id']);
    const first = await jobs.get(id);
    res.status(200).set({ 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
    res.flushHeaders();
    const send = (job: Job): void => {
      res.write(`event: job\ndata: ${JSON.stringify(jobView(job))}\n\n`);
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
  const id = (req: Request): string => String(req.params['id']);
  router.add(
    { method: 'post', path: '/jobs/train', operation: TRAIN },
    auth,
    small,
    async (req, res) => {
      accepted(res, await jobs.submit(await trainJobSpec(req, config)));
    },
  );
  router.add(
    { method: 'post', path: '/jobs/monitor', operation: MONITOR },
    auth,
    small,
    async (req, res) => {
      accepted(res, await jobs.submit(monitorSpec(req.body)));
    },
  );
  router.add({ method: 'get', path: '/jobs', operation: LIST }, async (_req, res) => {
    res.json({ jobs: (await jobs.list()).map(jobView) });
  });
  router.add({ method: 'get', path: '/jobs/:id', operation: GET }, async (req, res) => {
    res.json(jobView(await jobs.get(id(req))));
  });
  router.add({ method: 'get', path: '/jobs/:id/events', operation: EVENTS }, events(jobs));
  router.add({ method: 'delete', path: '/jobs/:id', operation: CANCEL }, auth, async (req, res) => {
    res.status(202).json(jobView(await jobs.cancel(id(req))));
  });
}
