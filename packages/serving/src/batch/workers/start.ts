/** Starts a batch worker thread from its module file in this folder (see tabular's startModuleWorker). */
import type { Worker, WorkerOptions } from 'node:worker_threads';
import { startModuleWorker } from '@champion/tabular';

/** The worker modules of this folder. */
export type WorkerModule = 'compiled' | 'onnxruntime';

/** Starts worker module `name` with `options`. */
export function startWorker(name: WorkerModule, options: WorkerOptions): Worker {
  return startModuleWorker(new URL(`./${name}.js`, import.meta.url), options);
}
