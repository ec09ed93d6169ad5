/**
 * The inference worker of batch scoring, as CommonJS source for `new Worker(source, { eval })`.
 * onnxruntime-node's `run` blocks the thread it is called on, so running it here lets the main
 * thread read and parse the next chunk meanwhile. An eval'd worker needs no file of its own, so
 * it runs the same from TypeScript sources (tsx's loader does not reach Node 20 workers) and from
 * dist; `workerData.ortPath` is onnxruntime-node's entry as @champion/serving resolves it.
 */
export const INFERENCE_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ort = require(workerData.ortPath);
ort.InferenceSession.create(workerData.onnxPath, workerData.sessionOptions).then(
  (session) => {
    parentPort.on('message', async (job) => {
      try {
        const feeds = {};
        job.names.forEach((name, i) => {
          const column = job.columns[i];
          feeds[name] = column instanceof Float32Array
            ? new ort.Tensor('float32', column, [job.rows])
            : new ort.Tensor('string', column, [job.rows]);
        });
        const out = await session.run(feeds);
        const probability = out.probability && out.probability.data;
        const label = out.label && out.label.data;
        if (!(probability instanceof Float32Array) || !(label instanceof BigInt64Array)) {
          throw new Error('the model did not return float32 probability and int64 label');
        }
        parentPort.postMessage({ id: job.id, probability, label }, [probability.buffer, label.buffer]);
      } catch (error) {
        parentPort.postMessage({ id: job.id, error: String(error && error.message || error) });
      }
    });
    parentPort.postMessage({ ready: true });
  },
  (error) => parentPort.postMessage({ startError: String(error && error.message || error) }),
);
`;
