/**
 * The worker that scores with a compiled program (../../compiled): its scoring function is made
 * here from the program's numbers and the trees' module the main thread compiled once. It scores
 * column batches, and reads, scores and formats whole blocks of CSV lines (../block-reader.ts).
 *
 * Results are copied to the main thread, never moved: moving a buffer detaches it here, and once
 * any buffer has been detached, V8's code checks for detachment on every typed-array access
 * (measured: the block reader ~15% slower). Posting a copy of a block's output (~0.4 MB) took
 * 0.3 ms (measured). The program comes with the worker (workerData) or, for a worker started ahead
 * of it (prestartScoringWorkers in ../scorer.ts), as the first message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { makeScoreFunction, type ScoreFunction } from '@champion/runtime/compiled';
import { scoreBlock } from '../block-reader.js';
import { formatRows } from '../format-rows.js';
import { messageOf, type Job, type Reply, type WorkerProgram } from './messages.js';

const port = parentPort;
if (port === null) throw new Error('compiled.ts runs as a worker thread');
const reply = (message: Reply): void => port.postMessage(message);

function run(score: ScoreFunction, job: Job): Reply {
  if ('block' in job) {
    return { id: job.id, block: scoreBlock(job.block.bytes, job.block.layout, score) };
  }
  const { probability, label } = score(job.columns, job.rows);
  const text = job.format ? formatRows(job.format, { probability, label }, job.rows) : undefined;
  return { id: job.id, probability, label, text };
}

function start(program: WorkerProgram): void {
  try {
    const score = makeScoreFunction(program.spec, program.trees);
    port?.on('message', (job: Job) => {
      try {
        reply(run(score, job));
      } catch (error) {
        reply({ id: job.id, error: messageOf(error) });
      }
    });
    reply({ ready: true });
  } catch (error) {
    reply({ startError: messageOf(error) });
  }
}

const given = workerData as WorkerProgram | undefined;
if (given?.spec !== undefined) start(given);
else port.once('message', (message: { program: WorkerProgram }) => start(message.program));
