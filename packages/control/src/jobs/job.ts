/**
 * A job as the API shows it and the store keeps it: one zod schema, so a record read back from
 * disk or a database is validated like any other input.
 */
import { z } from 'zod';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Statuses a job never leaves. */
export const FINAL_STATUSES: ReadonlySet<JobStatus> = new Set(['succeeded', 'failed', 'cancelled']);

export const jobProgressSchema = z.object({
  stage: z.string(),
  message: z.string(),
  fraction: z.number().min(0).max(1).optional(),
  at: z.iso.datetime(),
});
export type JobProgress = z.infer<typeof jobProgressSchema>;

export const jobResultSchema = z.object({
  name: z.string(),
  /** The registered version; null when nothing was registered (unchanged, --no-register). */
  version: z.string().nullable(),
  /** The gate's decision tag (promoted, rejected, awaiting-approval, unchanged…), when it ran. */
  gate: z.string().nullable(),
});
export type JobResult = z.infer<typeof jobResultSchema>;

export const jobSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['train', 'monitor']),
  status: z.enum(JOB_STATUSES),
  /** The `champion` arguments the job runs (after `--json`), data path included. */
  args: z.array(z.string()),
  /** The registered model name the job trains or monitors. */
  name: z.string(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().optional(),
  finishedAt: z.iso.datetime().optional(),
  progress: jobProgressSchema.optional(),
  mlflowRunId: z.string().optional(),
  result: jobResultSchema.optional(),
  /** The job's last JSON line for a monitor pass (what `champion --json monitor run` printed). */
  output: z.record(z.string(), z.unknown()).optional(),
  error: z.string().optional(),
  /** Where the executor runs it (a process id, a Kubernetes Job name). */
  handle: z.string().optional(),
  /** A cancel was asked for; the job ends `cancelled` once its process has stopped. */
  cancelRequested: z.boolean().optional(),
});
export type Job = z.infer<typeof jobSchema>;

export const now = (): string => new Date().toISOString();
