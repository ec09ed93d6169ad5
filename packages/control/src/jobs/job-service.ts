/**
 * The job queue: accepts jobs, runs at most `concurrency` at once through an executor, folds
 * their events into their records (kept in the store after every change, so a restart finds
 * them) and tells subscribers (the SSE route). At start-up, jobs a previous process left queued or
 * running are marked failed and their MLflow runs ended: a job is never shown running when
 * nothing runs it. It does not know how jobs run (executors/) or how they arrive (http/).
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Logger, MlflowClient } from 'mlflow-js-client';
import { ControlError } from '../errors.js';
import type { Executor, JobExit, RunningJob } from '../executors/executor.js';
import { applyEvent } from './apply-event.js';
import { FINAL_STATUSES, now, type Job } from './job.js';
import { endRunIfOpen, removeInterruptedVersions } from './mlflow-cleanup.js';
import type { JobStore } from './store.js';

export const RESTARTED = 'control service restarted during the job';
export const STOPPED = 'control service stopped during the job';

export interface JobServiceOptions {
  readonly store: JobStore;
  readonly executor: Executor;
  /** Ends runs a dead job left open; without it only the job record is updated. */
  readonly client?: MlflowClient | undefined;
  readonly concurrency: number;
  readonly logger: Logger;
}

export interface JobSpec {
  readonly kind: Job['kind'];
  readonly name: string;
  readonly args: readonly string[];
}

export class JobService {
  readonly #o: JobServiceOptions;
  /** Jobs not yet final, the authoritative copy while they live. */
  readonly #live = new Map<string, Job>();
  readonly #running = new Map<string, RunningJob>();
  readonly #queue: string[] = [];
  /** Each running job's whole course, from start to its final record. */
  readonly #tasks = new Map<string, Promise<void>>();
  readonly #events = new EventEmitter();
  #writes: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(options: JobServiceOptions) {
    this.#o = options;
    this.#events.setMaxListeners(0);
  }

  /** Marks what a previous process left queued or running as failed (call once, at start). */
  async recover(): Promise<Job[]> {
    const left = (await this.#o.store.list()).filter((j) => !FINAL_STATUSES.has(j.status));
    for (const job of left) {
      await this.#o.executor
        .abandon(job)
        .catch((error: unknown) => this.#warn(job, 'abandon', error));
      await this.#endRun(job, 'FAILED', RESTARTED);
      await this.#o.store.put({ ...job, status: 'failed', error: RESTARTED, finishedAt: now() });
      this.#o.logger.warn('job failed: the control service restarted during it', { jobId: job.id });
    }
    return left;
  }

  async submit(spec: JobSpec): Promise<Job> {
    if (this.#closed)
      throw new ControlError({
        code: 'SHUTTING_DOWN',
        message: 'The control service is stopping; send the job to it again after its restart.',
      });
    const job: Job = {
      id: randomUUID(),
      kind: spec.kind,
      name: spec.name,
      args: [...spec.args],
      status: 'queued',
      createdAt: now(),
    };
    this.#live.set(job.id, job);
    await this.#save(job);
    this.#queue.push(job.id);
    this.#o.logger.info('job queued', { jobId: job.id, kind: job.kind, name: job.name });
    this.#pump();
    return job;
  }

  async get(id: string): Promise<Job> {
    const job = this.#live.get(id) ?? (await this.#o.store.get(id));
    if (job === undefined)
      throw new ControlError({ code: 'NOT_FOUND', message: `No job ${id}; GET /jobs lists them.` });
    return job;
  }

  async list(): Promise<Job[]> {
    const stored = await this.#o.store.list();
    return stored.map((j) => this.#live.get(j.id) ?? j);
  }

  /** A queued job ends now; a running one is asked to stop and ends when its process has. */
  async cancel(id: string): Promise<Job> {
    const job = await this.get(id);
    if (FINAL_STATUSES.has(job.status)) {
      throw new ControlError({
        code: 'JOB_FINISHED',
        message: `Job ${id} already ended ${job.status}; nothing to cancel.`,
      });
    }
    if (job.status === 'queued') {
      this.#queue.splice(this.#queue.indexOf(id), 1);
      return this.#finish(job, { status: 'cancelled', error: 'cancelled before it started' });
    }
    const next = await this.#update(job, { cancelRequested: true });
    await this.#running.get(id)?.cancel();
    this.#o.logger.info('job cancel requested', { jobId: id });
    return next;
  }

  /** Calls `listener` with the job after each change; returns how to stop. */
  subscribe(id: string, listener: (job: Job) => void): () => void {
    this.#events.on(id, listener);
    return () => this.#events.off(id, listener);
  }

  /** Stops taking jobs, stops running ones and marks every unfinished job failed. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#queue.length = 0;
    for (const job of [...this.#live.values()]) {
      if (job.status === 'running') await this.#update(job, { cancelRequested: true });
    }
    // A job still starting is stopped by #run as soon as its process exists.
    await Promise.all([...this.#running.values()].map((run) => run.cancel()));
    await Promise.all(this.#tasks.values());
    for (const job of [...this.#live.values()]) {
      await this.#finish(job, { status: 'failed', error: STOPPED });
    }
    await this.#writes;
  }

  get runningCount(): number {
    return this.#running.size;
  }

  get queuedCount(): number {
    return this.#queue.length;
  }

  #pump(): void {
    while (!this.#closed && this.#running.size < this.#o.concurrency && this.#queue.length > 0) {
      const id = this.#queue.shift() ?? '';
      const job = this.#live.get(id);
      if (job === undefined) continue;
      // A store that fails mid-job is logged; the job's process still ran to its end.
      const task = this.#run(job)
        .catch((error: unknown) => this.#warn(job, 'record the job', error))
        .finally(() => this.#tasks.delete(id));
      this.#tasks.set(id, task);
    }
  }

  async #run(queued: Job): Promise<void> {
    // Reserve the slot before the first await, so the pump never starts one too many.
    const placeholder: RunningJob = {
      handle: 'starting',
      exit: new Promise(() => undefined),
      cancel: () => Promise.resolve(),
    };
    this.#running.set(queued.id, placeholder);
    let exit: JobExit;
    try {
      let job = await this.#update(queued, { status: 'running', startedAt: now() });
      const run = await this.#o.executor.start({
        job,
        onEvent: (event) => {
          const current = this.#live.get(job.id);
          if (current === undefined) return;
          const next = applyEvent(current, event);
          if (next === current) return;
          this.#update(current, next).catch((error: unknown) =>
            this.#warn(current, 'record an event', error),
          );
        },
      });
      this.#running.set(job.id, run);
      job = await this.#update(this.#live.get(job.id) ?? job, { handle: run.handle });
      if (job.cancelRequested === true || this.#closed) await run.cancel();
      exit = await run.exit;
    } catch (error) {
      exit = {
        ok: false,
        error: `the job could not be started: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    this.#running.delete(queued.id);
    try {
      await this.#settle(queued.id, exit);
    } finally {
      this.#pump();
    }
  }

  async #settle(id: string, exit: JobExit): Promise<void> {
    const job = this.#live.get(id);
    if (job === undefined) return;
    if (this.#closed && !exit.ok) {
      await this.#endRun(job, 'KILLED', STOPPED);
      await this.#finish(job, { status: 'failed', error: STOPPED });
    } else if (job.cancelRequested === true && !exit.ok) {
      await this.#endRun(job, 'KILLED', 'cancelled through the control API');
      await this.#removeHalfRegistered(job);
      await this.#finish(job, { status: 'cancelled', error: 'cancelled through the control API' });
    } else if (exit.ok) {
      await this.#finish(job, { status: 'succeeded' });
    } else {
      const error = exit.error ?? 'the job failed';
      await this.#endRun(job, 'FAILED', error);
      await this.#finish(job, { status: 'failed', error });
    }
  }

  async #finish(job: Job, change: Pick<Job, 'status' | 'error'>): Promise<Job> {
    const done = await this.#update(job, { ...change, finishedAt: now() });
    this.#live.delete(job.id);
    const level = done.status === 'succeeded' ? 'info' : 'warn';
    this.#o.logger[level](`job ${done.status}`, {
      jobId: done.id,
      kind: done.kind,
      error: done.error,
      runId: done.mlflowRunId,
    });
    return done;
  }

  async #update(job: Job, change: Partial<Job>): Promise<Job> {
    const next: Job = { ...(this.#live.get(job.id) ?? job), ...change };
    this.#live.set(next.id, next);
    await this.#save(next);
    this.#events.emit(next.id, next);
    return next;
  }

  /** Writes in order: a later state never lands before an earlier one. */
  #save(job: Job): Promise<void> {
    const write = this.#writes.then(() => this.#o.store.put(job));
    this.#writes = write.catch((error: unknown) => this.#warn(job, 'store', error));
    return write;
  }

  async #endRun(job: Job, status: 'KILLED' | 'FAILED', reason: string): Promise<void> {
    const { client } = this.#o;
    if (client === undefined || job.mlflowRunId === undefined) return;
    await endRunIfOpen({ client, runId: job.mlflowRunId, status, reason }).catch((error: unknown) =>
      this.#warn(job, 'end the MLflow run', error),
    );
  }

  async #removeHalfRegistered(job: Job): Promise<void> {
    const { client, logger } = this.#o;
    if (client === undefined || job.mlflowRunId === undefined) return;
    await removeInterruptedVersions({ client, runId: job.mlflowRunId, logger }).catch(
      (error: unknown) => this.#warn(job, 'remove an interrupted version', error),
    );
  }

  #warn(job: Job, what: string, error: unknown): void {
    this.#o.logger.warn(`job: could not ${what}`, {
      jobId: job.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
