/**
 * A job process's stdout events, validated and folded into its record: progress (and the MLflow
 * run id, on the event that reports the run's creation), then the training's result. Anything
 * else the process prints is kept as the job's `output` (a monitoring pass's report line).
 */
import { z } from 'zod';
import { now, type Job } from './job.js';

const runIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

const progressEvent = z.object({
  event: z.literal('progress'),
  stage: z.string().max(50),
  message: z.string().transform((m) => m.slice(0, 1000)),
  fraction: z.number().min(0).max(1).optional(),
  runId: runIdSchema.optional(),
});

const trainedEvent = z.object({
  event: z.literal('trained'),
  runId: runIdSchema,
  version: z.string().nullable(),
  decision: z.string().nullable(),
});

/** The job after `event`; the same object when the event says nothing new. */
export function applyEvent(job: Job, event: Readonly<Record<string, unknown>>): Job {
  const progress = progressEvent.safeParse(event);
  if (progress.success) {
    const { stage, message, fraction, runId } = progress.data;
    return {
      ...job,
      progress: { stage, message, ...(fraction === undefined ? {} : { fraction }), at: now() },
      ...(runId === undefined ? {} : { mlflowRunId: runId }),
    };
  }
  const trained = trainedEvent.safeParse(event);
  if (trained.success) {
    const { runId, version, decision } = trained.data;
    return { ...job, mlflowRunId: runId, result: { name: job.name, version, gate: decision } };
  }
  if (job.kind === 'monitor') return { ...job, output: { ...event } };
  return job;
}
