/**
 * Reads a file in a worker thread ({@link readDriftDataInWorker}), so the reference and the
 * current data are read at once. Errors come back with their message (and code), never a stack.
 */
import { startModuleWorker } from '@champion/tabular';
import type { DatasetData } from './column-data.js';
import { DriftError } from './errors.js';
import type { ReadReply } from './workers/read.js';

/** readDriftData in a worker thread. */
export function readDriftDataInWorker(
  path: string,
  onProgress?: (rows: number) => void,
): Promise<DatasetData> {
  const worker = startModuleWorker(new URL('./workers/read.js', import.meta.url), {
    workerData: { path },
  });
  return new Promise<DatasetData>((resolve, reject) => {
    worker.on('message', (reply: ReadReply) => {
      if (reply.kind === 'rows') onProgress?.(reply.rows);
      else if (reply.kind === 'done') resolve(reply.data);
      else {
        const error = new Error(reply.message);
        reject(Object.assign(error, reply.code === undefined ? {} : { code: reply.code }));
      }
      if (reply.kind !== 'rows') void worker.terminate();
    });
    worker.on('error', (error) =>
      reject(
        new DriftError({
          code: 'EMPTY_DATA',
          message: `reading ${path} failed: ${error.message}`,
          cause: error,
        }),
      ),
    );
  });
}
