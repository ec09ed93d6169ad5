/**
 * The worker that reads one side's file (read-data.ts `readDriftData`) so the two sides of a
 * comparison are read at once on two cores. It posts the {@link DatasetData} back, its sample
 * arrays transferred, not copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { DatasetData } from '../column-data.js';
import { readDriftData } from '../read-data.js';

const port = parentPort;
if (port === null) throw new Error('read.ts runs as a worker thread');

/** What the worker is given. */
export interface ReadWorkerData {
  readonly path: string;
}

/** What it answers. */
export type ReadReply =
  | { readonly kind: 'rows'; readonly rows: number }
  | { readonly kind: 'done'; readonly data: DatasetData }
  | { readonly kind: 'error'; readonly message: string; readonly code?: string };

function transferables(data: DatasetData): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const column of data.columns) {
    if (column.kind !== 'numeric') continue;
    buffers.add(column.sample.values.buffer as ArrayBuffer);
    if (column.sample.counts !== null) buffers.add(column.sample.counts.buffer as ArrayBuffer);
  }
  return [...buffers];
}

const { path } = workerData as ReadWorkerData;
readDriftData(path, {
  onProgress: (rows) => port.postMessage({ kind: 'rows', rows } satisfies ReadReply),
})
  .then((data) => port.postMessage({ kind: 'done', data } satisfies ReadReply, transferables(data)))
  .catch((error: unknown) => {
    const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
    const message = error instanceof Error ? error.message : String(error);
    port.postMessage({
      kind: 'error',
      message,
      ...(code === undefined ? {} : { code }),
    } satisfies ReadReply);
  });
