/**
 * A job process's stdout events, validated and folded into its record: progress (and the MLflow
 * run id, on the event that reports the run's creation), then the training's result. Anything
 * else the process prints is kept as the job's `output` (a monitoring pass's report line, whose
 * monitoring run and decision also become the job's run id and result).
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

/** `champion --json monitor run`'s result line: its monitoring run and what the loop did. */
const monitoredEvent = z.object({
  run_id: runIdSchema.nullable(),
  decision: z.object({ version: z.string().nullable(), gate: z.string().nullable() }),
});

/** A monitor job keeps its report line as `output`, and its run and decision as for training. */
function applyMonitorResult(job: Job, event: Readonly<Record<string, unknown>>): Job {
  const monitored = monitoredEvent.safeParse(event);
  if (!monitored.success) return { ...job, output: { ...event } };
  const { run_id: runId, decision } = monitored.data;
  return {
    ...job,
    output: { ...event },
    ...(runId === null ? {} : { mlflowRunId: runId }),
    result: { name: job.name, version: decision.version, gate: decision.gate },
  };
}

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
  if (job.kind === 'monitor') return applyMonitorResult(job, event);
  return job;
}
