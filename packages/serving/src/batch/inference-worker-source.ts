/**
 * The inference worker of batch scoring, as CommonJS source for `new Worker(source, { eval })`.
 * onnxruntime-node's `run` blocks the thread it is called on, so running it here lets the main
 * thread read and parse the next chunk meanwhile. An eval'd worker needs no file of its own, so
 * it runs the same from TypeScript sources (tsx's loader does not reach Node 20 workers) and from
 * dist; `workerData.ortPath` is onnxruntime-node's entry as @champion/serving resolves it.
 */
import { SCORE_BLOCK_SOURCE } from './block-source.js';
import { FORMAT_ROWS_SOURCE } from './format-rows.js';

export const INFERENCE_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
${FORMAT_ROWS_SOURCE}
const ort = require(workerData.ortPath);
ort.InferenceSession.create(workerData.onnxPath, workerData.sessionOptions).then(
  (session) => {
    // Runs of at most runRows rows: onnxruntime's working memory grows with the run's size
    // (measured for a 150-tree model: about 150 MB at 65,536 rows, 55 MB at 16,384) at no gain in
    // speed.
    const runRows = workerData.runRows;
    const runSlice = async (job, from, to) => {
      const feeds = {};
      const n = to - from;
      job.names.forEach((name, i) => {
        const column = job.columns[i];
        if (column instanceof Float32Array) {
          feeds[name] = new ort.Tensor('float32', column.slice(from, to), [n]);
          return;
        }
        // Strings arrive as codes into their distinct values (see scorer.ts).
        const values = new Array(n);
        for (let r = 0; r < n; r++) values[r] = column.dictionary[column.codes[from + r]];
        feeds[name] = new ort.Tensor('string', values, [n]);
      });
      const out = await session.run(feeds);
      const probability = out.probability && out.probability.data;
      const label = out.label && out.label.data;
      if (!(probability instanceof Float32Array) || !(label instanceof BigInt64Array)) {
        throw new Error('the model did not return float32 probability and int64 label');
      }
      return { probability, label };
    };
    parentPort.on('message', async (job) => {
      try {
        const probability = new Float32Array(job.rows);
        const label = new BigInt64Array(job.rows);
        for (let from = 0; from < job.rows; from += runRows) {
          const to = Math.min(job.rows, from + runRows);
          const part = await runSlice(job, from, to);
          probability.set(part.probability, from);
          label.set(part.label, from);
        }
        const text = job.format ? formatRows(job.format, { probability, label }, job.rows) : undefined;
        parentPort.postMessage({ id: job.id, probability, label, text }, [probability.buffer, label.buffer]);
      } catch (error) {
        parentPort.postMessage({ id: job.id, error: String(error && error.message || error) });
      }
    });
    parentPort.postMessage({ ready: true });
  },
  (error) => parentPort.postMessage({ startError: String(error && error.message || error) }),
);
`;

/**
 * The worker that scores with a compiled program (see compiled/compile.ts) instead of
 * onnxruntime: `workerData.source` evaluates to a function of the trees' WebAssembly module
 * (`workerData.trees`, compiled once by the main thread and shared) returning
 * `score(columns, rows)`. Same messages as above.
 */
export const COMPILED_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
${FORMAT_ROWS_SOURCE}
${SCORE_BLOCK_SOURCE}
// Results are copied to the main thread, never moved: moving a buffer detaches it here, and once
// any buffer has been detached, V8's code checks for detachment on every typed-array access
// (measured: the block parser ~15% slower), and the first detachment throws away the code
// compiled so far. Posting a copy of a block's output (~0.4 MB) took 0.3 ms (measured).
// The program comes with the worker (workerData) or, for a worker started ahead of it
// (prestartScoringWorkers in scorer.ts), as the first message.
const start = (program) => {
  try {
    const score = new Function('return ' + program.source + ';')()(program.trees);
    if (program.parser !== undefined) useBlockParser(program.parser);
    parentPort.on('message', (job) => {
      try {
        if (job.block !== undefined) {
          const block = scoreBlock(job.block.bytes, job.block.layout, score);
          parentPort.postMessage({ id: job.id, block });
          return;
        }
        const { probability, label } = score(job.columns, job.rows);
        const text = job.format ? formatRows(job.format, { probability, label }, job.rows) : undefined;
        parentPort.postMessage({ id: job.id, probability, label, text });
      } catch (error) {
        parentPort.postMessage({ id: job.id, error: String(error && error.message || error) });
      }
    });
    parentPort.postMessage({ ready: true });
  } catch (error) {
    parentPort.postMessage({ startError: String(error && error.message || error) });
  }
};
if (workerData && workerData.source !== undefined) start(workerData);
else parentPort.once('message', (message) => start(message.program));
`;
