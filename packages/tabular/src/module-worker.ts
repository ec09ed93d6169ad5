/**
 * Starts a worker thread from a module file, never from source text: the built `.js` file when
 * it exists (dist, production), else the `.ts` file beside where it would be, run through tsx
 * (worker-from-source.mjs registers tsx in the worker, whose loader does not reach Node 20's
 * worker threads by itself) with workspace packages resolved to their sources, as under
 * `tsx --conditions=@champion/source` and jest. Shared by every package that starts workers.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Starts the worker module `url` names (as built: `new URL('./x.js', import.meta.url)`). */
export function startModuleWorker(url: URL, options: WorkerOptions = {}): Worker {
  if (existsSync(fileURLToPath(url))) return new Worker(url, options);
  const source = new URL(url.href.replace(/\.js$/, '.ts'));
  if (!existsSync(fileURLToPath(source))) {
    throw new Error(`worker module ${fileURLToPath(url)} not found (nor its .ts source)`);
  }
  return new Worker(new URL('./worker-from-source.mjs', import.meta.url), {
    ...options,
    argv: [source.href],
    execArgv: ['--conditions=@champion/source'],
  });
}
