/**
 * The kubernetes executor: each job is a batch/v1 Job made from the template. It polls the Job's
 * status and its pod's log (the `--json` events, as a local child prints them) until the Job
 * completes or fails. Cancel deletes the Job with propagationPolicy Background: the pod gets
 * SIGTERM and the CLI in it ends its MLflow run KILLED; the job service makes sure of it.
 */
import path from 'node:path';
import type { Logger } from 'mlflow-js-client';
import type { Job } from '../../jobs/job.js';
import type { Executor, JobExit, RunningJob, StartJobOptions } from '../executor.js';
import { ErrorTail, isLogLine, jsonObject } from '../job-output.js';
import type { KubeApi, KubeJob } from './api.js';
import { fillJobTemplate, type JobTemplate } from './job-template.js';

export interface KubernetesExecutorOptions {
  readonly api: KubeApi;
  readonly namespace: string;
  readonly template: JobTemplate;
  /** The control service's data directory, and where the training pod mounts it. */
  readonly dataDir: string;
  readonly podDataPath: string;
  readonly pollMs: number;
  readonly logger: Logger;
}

/** Complete or Failed, from the Job's conditions (or its counters). */
function ended(job: KubeJob): 'complete' | 'failed' | undefined {
  const conditions = job.status?.conditions ?? [];
  const is = (type: string): boolean =>
    conditions.some((c) => c.type === type && c.status === 'True');
  if (is('Complete') || (job.status?.succeeded ?? 0) > 0) return 'complete';
  if (is('Failed') || (job.status?.failed ?? 0) > 0) return 'failed';
  return undefined;
}

function failureReason(job: KubeJob): string | undefined {
  const failed = job.status?.conditions?.find((c) => c.type === 'Failed' && c.status === 'True');
  return failed === undefined
    ? undefined
    : `Kubernetes Job failed: ${failed.reason ?? ''} ${failed.message ?? ''}`.trim();
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms).unref());

export class KubernetesExecutor implements Executor {
  readonly kind = 'kubernetes';
  readonly #o: KubernetesExecutorOptions;

  constructor(options: KubernetesExecutorOptions) {
    this.#o = options;
  }

  async start({ job, onEvent }: StartJobOptions): Promise<RunningJob> {
    const body = fillJobTemplate(this.#o.template, {
      id: job.id,
      kind: job.kind,
      args: this.#podArgs(job.args),
    });
    const created = await this.#o.api.createJob(this.#o.namespace, body);
    const name = created.metadata.name;
    this.#o.logger.info('Kubernetes Job created', {
      jobId: job.id,
      job: name,
      namespace: this.#o.namespace,
    });
    let cancelled = false;
    const exit = this.#follow({ name, onEvent, cancelled: () => cancelled });
    const cancel = async (): Promise<void> => {
      cancelled = true;
      await this.#o.api.deleteJob(this.#o.namespace, name);
    };
    return { handle: `Job ${this.#o.namespace}/${name}`, exit, cancel };
  }

  async abandon(job: Job): Promise<void> {
    await this.#o.api.deleteJob(this.#o.namespace, `champion-${job.kind}-${job.id}`);
  }

  /** The job's args with its data path as the pod sees it (the shared volume's mount). */
  #podArgs(args: readonly string[]): string[] {
    return args.map((arg, i) => {
      if (args[i - 1] !== '--data') return arg;
      const rel = path.relative(this.#o.dataDir, arg);
      if (rel.startsWith('..') || path.isAbsolute(rel))
        throw new Error(
          `the data file ${arg} is not under ${this.#o.dataDir}, which the training pod mounts`,
        );
      return path.posix.join(this.#o.podDataPath, ...rel.split(path.sep));
    });
  }

  async #follow(options: {
    name: string;
    onEvent: StartJobOptions['onEvent'];
    cancelled: () => boolean;
  }): Promise<JobExit> {
    const { api, namespace } = this.#o;
    let seen = 0;
    const tail = new ErrorTail();
    const readLog = async (): Promise<void> => {
      const pod = await api.jobPod(namespace, options.name);
      const log = pod === undefined ? undefined : await api.podLog(namespace, pod);
      const lines = (log ?? '').split('\n').filter((l) => l.trim() !== '');
      for (const line of lines.slice(seen)) {
        const object = jsonObject(line);
        if (object !== undefined && !isLogLine(object)) options.onEvent(object);
        else tail.push(line);
      }
      seen = Math.max(seen, lines.length);
    };
    for (;;) {
      const job = await api.getJob(namespace, options.name).catch((error: unknown) => {
        this.#o.logger.warn('Kubernetes Job status not read; retrying', {
          job: options.name,
          error: String(error),
        });
        return 'retry' as const;
      });
      if (job === undefined)
        return {
          ok: false,
          error: options.cancelled()
            ? 'the Kubernetes Job was deleted (cancelled)'
            : 'the Kubernetes Job disappeared before it ended',
        };
      if (job !== 'retry') {
        await readLog().catch((error: unknown) =>
          this.#o.logger.warn('pod log not read', { job: options.name, error: String(error) }),
        );
        const end = ended(job);
        if (end === 'complete') return { ok: true };
        if (end === 'failed')
          return {
            ok: false,
            error: tail.text() ?? failureReason(job) ?? 'the Kubernetes Job failed',
          };
      }
      await sleep(this.#o.pollMs);
    }
  }
}
