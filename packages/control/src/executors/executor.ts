/**
 * Where a job's `champion` process runs: a child process (local) or a Kubernetes Job. The job
 * service does not know which; it starts a job, reads the lines the process prints on stdout
 * (its `--json` events) and waits for its end.
 */
import type { Job } from '../jobs/job.js';

/** How a job's process ended. */
export interface JobExit {
  /** True when the process reported success (exit code 0, Job condition Complete). */
  readonly ok: boolean;
  /** What went wrong, from the process's own error output when it said. */
  readonly error?: string;
}

export interface RunningJob {
  /** Names the process for people and for cleanup (`pid 1234`, `Job champion-train-…`). */
  readonly handle: string;
  readonly exit: Promise<JobExit>;
  /** Asks the process to stop (it ends its MLflow run KILLED); resolves once asked. */
  cancel(): Promise<void>;
}

export interface StartJobOptions {
  readonly job: Job;
  /** Each JSON object the process prints on stdout, in order. */
  readonly onEvent: (event: Readonly<Record<string, unknown>>) => void;
}

export interface Executor {
  readonly kind: 'local' | 'kubernetes';
  start(options: StartJobOptions): Promise<RunningJob>;
  /**
   * A job a previous control process left running: stop whatever may still run for it (best
   * effort; a local child stops itself when its parent dies).
   */
  abandon(job: Job): Promise<void>;
}
