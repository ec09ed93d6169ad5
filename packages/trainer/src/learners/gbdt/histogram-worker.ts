/** A histogram worker thread (started by parallel.ts): runs the worker loop on the shared buffers. */
import { workerData } from 'node:worker_threads';
import { accumulateHistograms } from './histogram.js';
import { workerMain, type WorkerData } from './parallel-control.js';

workerMain(accumulateHistograms, workerData as WorkerData);
