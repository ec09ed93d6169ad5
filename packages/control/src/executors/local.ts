/**
 * The local executor: each job is a `champion --json …` child process of the control service.
 * Cancel sends SIGTERM (the CLI stops between stages and ends its MLflow run KILLED), then
 * SIGKILL after a grace period. A child whose parent dies stops itself (the CLI watches its
 * parent), so a crashed control service leaves no training running.
 */
import { spawn } from 'node:child_process';
import type { Logger } from 'mlflow-js-client';
import type { Job } from '../jobs/job.js';
import type { Executor, JobExit, RunningJob, StartJobOptions } from './executor.js';
import { ErrorTail, jsonObject, LineSplitter } from './job-output.js';

export interface LocalExecutorOptions {
  /** How to run `champion`: the program and its leading arguments. */
  readonly command: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly killGraceMs: number;
  readonly logger: Logger;
}

export class LocalExecutor implements Executor {
  readonly kind = 'local';
  readonly #options: LocalExecutorOptions;

  constructor(options: LocalExecutorOptions) {
    if (options.command.length === 0) throw new Error('the local executor needs a command');
    this.#options = options;
  }

  start({ job, onEvent }: StartJobOptions): Promise<RunningJob> {
    const [program = '', ...lead] = this.#options.command;
    const child = spawn(program, [...lead, '--json', ...job.args], {
      env: { ...this.#options.env, LOG_LEVEL: this.#options.env['LOG_LEVEL'] ?? 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = new LineSplitter();
    const err = new LineSplitter();
    const tail = new ErrorTail();
    const emit = (lines: string[]): void => {
      for (const line of lines) {
        const event = jsonObject(line);
        if (event !== undefined) onEvent(event);
      }
    };
    child.stdout.setEncoding('utf8').on('data', (d: string) => emit(out.push(d)));
    child.stderr
      .setEncoding('utf8')
      .on('data', (d: string) => err.push(d).forEach((l) => tail.push(l)));
    const exit = new Promise<JobExit>((resolve) => {
      child.once('error', (error) =>
        resolve({ ok: false, error: `could not start champion: ${error.message}` }),
      );
      child.once('close', (code, signal) => {
        emit(out.flush());
        err.flush().forEach((l) => tail.push(l));
        const said = tail.text();
        const how = signal === null ? `exit code ${code}` : `signal ${signal}`;
        resolve(
          code === 0 ? { ok: true } : { ok: false, error: said ?? `champion ended with ${how}` },
        );
      });
    });
    let killTimer: NodeJS.Timeout | undefined;
    void exit.then(() => clearTimeout(killTimer));
    const cancel = (): Promise<void> => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        killTimer ??= setTimeout(() => child.kill('SIGKILL'), this.#options.killGraceMs);
        killTimer.unref();
      }
      return Promise.resolve();
    };
    this.#options.logger.info('job process started', { jobId: job.id, pid: child.pid });
    return Promise.resolve({ handle: `pid ${child.pid ?? '?'}`, exit, cancel });
  }

  abandon(job: Job): Promise<void> {
    // The child watched this process's predecessor and stopped when it died.
    this.#options.logger.info('job left by a previous control process', {
      jobId: job.id,
      handle: job.handle,
    });
    return Promise.resolve();
  }
}
