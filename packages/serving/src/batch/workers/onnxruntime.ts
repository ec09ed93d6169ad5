/**
 * The worker that scores with a one-thread onnxruntime session. onnxruntime-node's `run` blocks
 * the thread it is called on, so running it here lets the main thread read and parse the next
 * chunk meanwhile. onnxruntime-node is loaded from `workerData.ortPath`, the entry the main
 * thread resolved, so both threads use the same native binding.
 */
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import type * as Ort from 'onnxruntime-node';
import { formatRows } from '../format-rows.js';
import { messageOf, type Job, type OnnxWorkerData, type Reply } from './messages.js';

const port = parentPort;
if (port === null) throw new Error('onnxruntime.ts runs as a worker thread');
const reply = (message: Reply): void => port.postMessage(message);
const data = workerData as OnnxWorkerData;
const ort = createRequire(import.meta.url)(data.ortPath) as typeof Ort;

type ColumnsJob = Extract<Job, { rows: number }>;

/** Rows `[from, to)` of the job through the session. */
async function runSlice(
  session: Ort.InferenceSession,
  job: ColumnsJob,
  range: { from: number; to: number },
): Promise<{ probability: Float32Array; label: BigInt64Array }> {
  const { from, to } = range;
  const feeds: Record<string, Ort.Tensor> = {};
  job.names.forEach((name, i) => {
    const column = job.columns[i];
    if (column instanceof Float32Array) {
      feeds[name] = new ort.Tensor('float32', column.slice(from, to), [to - from]);
      return;
    }
    // Strings arrive as codes into their distinct values (see ../scorer.ts).
    const values = new Array<string>(to - from);
    for (let r = from; r < to; r++)
      values[r - from] = column?.dictionary[column.codes[r] as number] ?? '';
    feeds[name] = new ort.Tensor('string', values, [to - from]);
  });
  const out = await session.run(feeds);
  const probability = out['probability']?.data;
  const label = out['label']?.data;
  if (!(probability instanceof Float32Array) || !(label instanceof BigInt64Array)) {
    throw new Error('the model did not return float32 probability and int64 label');
  }
  return { probability, label };
}

/**
 * Scores a job in runs of at most `runRows` rows: onnxruntime's working memory grows with the
 * run's size (measured for a 150-tree model: about 150 MB at 65,536 rows, 55 MB at 16,384) at no
 * gain in speed.
 */
async function score(session: Ort.InferenceSession, job: ColumnsJob): Promise<Reply> {
  const probability = new Float32Array(job.rows);
  const label = new BigInt64Array(job.rows);
  for (let from = 0; from < job.rows; from += data.runRows) {
    const to = Math.min(job.rows, from + data.runRows);
    const part = await runSlice(session, job, { from, to });
    probability.set(part.probability, from);
    label.set(part.label, from);
  }
  const text = job.format ? formatRows(job.format, { probability, label }, job.rows) : undefined;
  return { id: job.id, probability, label, text };
}

ort.InferenceSession.create(data.onnxPath, data.sessionOptions).then(
  (session) => {
    port.on('message', (job: Job) => {
      const done =
        'block' in job
          ? Promise.reject(new Error('onnxruntime workers do not read blocks'))
          : score(session, job);
      done.then(
        (message) => {
          if ('probability' in message) {
            port.postMessage(message, [
              message.probability.buffer as ArrayBuffer,
              message.label.buffer as ArrayBuffer,
            ]);
          } else reply(message);
        },
        (error: unknown) => reply({ id: job.id, error: messageOf(error) }),
      );
    });
    reply({ ready: true });
  },
  (error: unknown) => reply({ startError: messageOf(error) }),
);
