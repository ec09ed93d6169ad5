/**
 * Batch scoring: streams input files through a loaded model and writes the kept columns plus
 * probability, label and model version, in input order, with flat memory. Rows that fail
 * validation go to the reject file with their reasons; none is dropped silently.
 *
 * The scorer is the model compiled (WebAssembly trees, JavaScript around them) when that matches
 * onnxruntime exactly (see ../compiled), else onnxruntime. Each file takes one of two paths:
 * - fast (fast-csv.ts): quote-free CSV with compiled workers and no row shard. The main thread
 *   cuts the text into blocks; the workers parse, score and format them.
 * - chunked (below): tabular's reader on the main thread, chunk k+1 read while chunk k is scored,
 *   as many chunks scored at once as there are workers, and the write of chunk k awaited only
 *   before chunk k+1's write, so the output stream's backpressure bounds memory. It calls the
 *   model's `run` directly: the micro-batcher merges small concurrent requests, and a 16,384-row
 *   chunk needs no merging.
 */
import { mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import {
  instantiate,
  type Explainer,
  type LoadedModel,
  silentLogger,
  type Logger,
  type ServedModel,
} from '@champion/runtime';
import { ChunkedScoring } from './chunked-scoring.js';
import { openScorer } from './open-scorer.js';
import { BatchError } from './errors.js';
import { openTableWriter, outputFormat } from './output-writer.js';
import { emptyOutputTable } from './output-table.js';
import { planScoring, type ScorePlan } from './plan.js';
import { RejectWriter } from './reject-writer.js';
import type { ScoringWorkerPool } from './scorer.js';
import { Stopwatch } from './stopwatch.js';
import { blockLayout, isParquet, quoteFree, scoreCsvFast } from './fast-csv.js';
import type { Shard } from './shard.js';
import { MAX_REASONS } from './reasons.js';

export interface ScoreBatchOptions {
  readonly model: LoadedModel;
  /** A file or a glob with wildcards in the file name (`/data/in/*.csv`). */
  readonly input: string;
  /** `.csv` or `.parquet`. */
  readonly output: string;
  /** Input columns copied to the output, before the scores. @default [] */
  readonly keep?: readonly string[];
  /** @default `<output>.rejects.csv` */
  readonly rejectFile?: string;
  /** @default { index: 0, count: 1 } */
  readonly shard?: Shard;
  /**
   * Rows per chunk: the unit read, scored and written. 16,384 keeps 10 million rows under 500 MB
   * peak RSS (65,536: 600-750 MB) at about the same speed. @default 16384
   */
  readonly chunkRows?: number;
  /**
   * Where inference runs: a worker thread (reading overlaps inference), the main thread, or the
   * worker when its script can be found. @default 'auto'
   */
  readonly inference?: 'auto' | 'worker' | 'main';
  /**
   * What computes the scores: the model's ONNX graph compiled (WebAssembly trees, faster than
   * onnxruntime; used only when it gives onnxruntime's exact outputs on verification rows),
   * onnxruntime itself, or the compiled program when the graph allows it. @default 'auto'
   */
  readonly engine?: 'auto' | 'compiled' | 'onnxruntime';
  /**
   * Release the model's onnxruntime session once compiled workers score (memory: the session is
   * only needed to verify the program). The model cannot score afterwards. @default false
   */
  readonly releaseSession?: boolean;
  /**
   * Inference worker threads, each scoring its own chunk (one ONNX thread each).
   * @default 2 when the machine has 2 or more cores, else 1
   */
  readonly inferenceWorkers?: number;
  /**
   * Compiled-program workers started ahead (while the model downloads); the caller closes it
   * after scoring. @default none: workers start when the program is ready
   */
  readonly pool?: ScoringWorkerPool;
  /**
   * `--explain topN`: add each row's N largest contributions (reason_k, reason_k_contribution).
   * Explained runs take the chunked path (reasons are computed on the main thread). The model
   * must have an explainer (champion/explainer.json).
   */
  readonly explainTop?: number;
  /** Called after each chunk is written. */
  readonly onProgress?: (progress: BatchProgress) => void;
  /** @default silent */
  readonly logger?: Logger;
}

export interface BatchProgress {
  readonly rowsRead: number;
  readonly rowsScored: number;
  readonly rowsRejected: number;
  readonly seconds: number;
}

/** Seconds the main thread spent waiting for or doing each stage. */
export interface StageSeconds {
  /**
   * Waiting for the next chunk (tokenizing, parsing, validating on the main thread), or, on the
   * fast path, reading the next block's text.
   */
  readonly read: number;
  /** Building the model's input tensors from the chunk. */
  readonly prepare: number;
  /** Waiting for the scorer (on the fast path: for the workers to parse, score and format). */
  readonly inference: number;
  /** Formatting output rows and waiting for the disk. */
  readonly write: number;
}

export interface BatchSummary extends BatchProgress {
  readonly rowsPerSecond: number;
  readonly files: readonly string[];
  readonly output: string;
  readonly rejectFile: string;
  readonly shard: Shard;
  readonly model: { readonly name: string; readonly version: string };
  readonly stages: StageSeconds;
  readonly inference: 'main' | 'worker';
  readonly engine: 'compiled' | 'onnxruntime';
  /**
   * Files whose lines the scoring workers parsed (quote-free CSV, compiled engine, no row shard)
   * and files the main thread read with tabular's reader.
   */
  readonly readers: { readonly workers: number; readonly main: number };
  /** Why onnxruntime scored when the engine was 'auto'. */
  readonly engineNote?: string;
}

/** Scoring worker threads when the caller does not say: one per core, at most two. */
export function defaultScoringWorkers(): number {
  return Math.min(2, availableParallelism());
}

/** The run's settings with their defaults, checked (BAD_OPTIONS names the flag). */
function settingsOf(options: ScoreBatchOptions): {
  keep: readonly string[];
  shard: Shard;
  chunkRows: number;
  workers: number;
  rejectFile: string;
  log: Logger;
} {
  const chunkRows = options.chunkRows ?? 16384;
  if (!Number.isInteger(chunkRows) || chunkRows < 1) {
    throw new BatchError(
      'BAD_OPTIONS',
      `--chunk-rows must be a positive integer, got ${chunkRows}`,
    );
  }
  const workers = options.inferenceWorkers ?? defaultScoringWorkers();
  if (!Number.isInteger(workers) || workers < 1) {
    throw new BatchError(
      'BAD_OPTIONS',
      `inferenceWorkers must be a positive integer, got ${workers}`,
    );
  }
  outputFormat(options.output);
  const top = options.explainTop;
  if (top !== undefined && !(Number.isInteger(top) && top >= 1 && top <= MAX_REASONS))
    throw new BatchError(
      'BAD_OPTIONS',
      `--explain must be top1 to top${MAX_REASONS}, got top${top}`,
    );
  return {
    keep: options.keep ?? [],
    shard: options.shard ?? { index: 0, count: 1 },
    chunkRows,
    workers,
    rejectFile: options.rejectFile ?? `${options.output}.rejects.csv`,
    log: options.logger ?? silentLogger,
  };
}

/** The explainer of an `explainTop` run; BAD_OPTIONS (with the reason) when the model has none. */
function explainerOf(
  options: ScoreBatchOptions,
): { top: number; explainer: Explainer } | undefined {
  const top = options.explainTop;
  if (top === undefined) return undefined;
  const state = options.model.explainer;
  if (!state.available) {
    const { name, version } = options.model.model;
    throw new BatchError(
      'BAD_OPTIONS',
      `--explain: model ${name} version ${version} cannot explain its scores: ${state.reason}`,
    );
  }
  return { top, explainer: state.explainer };
}

/** Whether each file's lines are free of quotes, each file checked once, when first asked. */
function quoteChecks(plan: ScorePlan): (file: string) => Promise<boolean> {
  const checks = new Map<string, Promise<boolean>>();
  return (file) => {
    let check = checks.get(file);
    if (check === undefined) {
      check = quoteFree(file, plan.headers.get(file) ?? []);
      check.catch(() => undefined); // awaited when the file is scored
      checks.set(file, check);
    }
    return check;
  };
}

type OpenedScorer = Awaited<ReturnType<typeof openScorer>>;

/** What scoring the files needs: the plan, both paths (workers, main thread) and the outputs. */
interface FileScoring {
  readonly plan: ScorePlan;
  readonly served: ServedModel;
  /** The worker path's scoring functions, when the workers can read whole files. */
  readonly fast:
    | {
        readonly scoreBlock: NonNullable<OpenedScorer['scorer']['scoreBlock']>;
        readonly scoreRows: ReturnType<typeof instantiate>;
      }
    | undefined;
  readonly chunked: ChunkedScoring;
  readonly scorer: OpenedScorer['scorer'];
  readonly writer: Awaited<ReturnType<typeof openTableWriter>>;
  readonly rejects: RejectWriter;
  readonly counts: { rowsScored: number; rowsRejected: number };
  readonly watch: Stopwatch;
  readonly keep: readonly string[];
  readonly quoteCheck: (file: string) => Promise<boolean>;
  readonly onProgress: () => void;
}

/**
 * Scores every planned file in order: on the workers when they can read it whole (quote-free
 * CSV, compiled program), else through the chunked path. Returns how many files each path read;
 * on a failure the outputs are closed and the error rethrown.
 */
async function scoreFiles(job: FileScoring): Promise<{ workers: number; main: number }> {
  const { plan, fast, chunked, scorer, writer, rejects, counts, watch, keep, served } = job;
  const readers = { workers: 0, main: 0 };
  try {
    for (const file of plan.files) {
      const header = plan.headers.get(file) ?? [];
      const layout =
        fast !== undefined && !isParquet(file)
          ? blockLayout({ header, model: served, keep })
          : undefined;
      const onWorkers =
        fast !== undefined &&
        layout !== undefined &&
        (await scoreCsvFast({
          file,
          header,
          layout,
          model: served,
          keep,
          ...fast,
          inFlight: 3 * scorer.parallelism,
          writer,
          rejects,
          counts,
          onBlock: job.onProgress,
          time: (stage, work) => watch.time(stage, work),
          quoteFree: job.quoteCheck(file),
        })) === 'scored';
      if (onWorkers) readers.workers++;
      else {
        readers.main++;
        await chunked.score([file]);
      }
    }
  } catch (error) {
    await chunked.settled();
    await Promise.allSettled([writer.close(), rejects.close(), scorer.close()]);
    throw error;
  }
  return readers;
}

/** Scores `input` into `output`; see the module header. */
export async function scoreBatch(options: ScoreBatchOptions): Promise<BatchSummary> {
  const started = performance.now();
  const { model } = options;
  const served = model.model;
  const { keep, shard, chunkRows, workers, rejectFile, log } = settingsOf(options);
  const explain = explainerOf(options);
  const plan = await planScoring({ input: options.input, shard, features: served.features, keep });
  log.info('batch scoring', { files: plan.files.length, shard, model: served.version });

  // Output folders are created (a fresh volume has none); a file that cannot be created fails here.
  await mkdir(dirname(options.output), { recursive: true });
  await mkdir(dirname(rejectFile), { recursive: true });
  // Whether a file's lines hold a quote (a pass over it) is found while its first blocks are
  // scored; the first file's check starts now, while the model is compiled and workers start.
  const quoteCheck = quoteChecks(plan);
  const first = plan.files[0];
  if (first !== undefined && options.engine !== 'onnxruntime' && plan.rowShard === undefined)
    void quoteCheck(first);
  const {
    scorer,
    note: engineNote,
    program,
  } = await openScorer({
    model,
    mode: options.inference ?? 'auto',
    engine: options.engine ?? 'auto',
    workers,
    log,
    releaseSession: options.releaseSession ?? false,
    pool: options.pool,
  });
  const writer = await openTableWriter(options.output);
  await writer.write(
    emptyOutputTable({ keep, features: served.features, explainTop: explain?.top }),
  );
  const rejects = await RejectWriter.open(rejectFile);
  const watch = new Stopwatch();
  const counts = { rowsScored: 0, rowsRejected: 0 };
  const progress = (): BatchProgress => ({
    rowsRead: counts.rowsScored + counts.rowsRejected,
    ...counts,
    seconds: (performance.now() - started) / 1000,
  });
  const chunked = new ChunkedScoring({
    plan,
    model: served,
    keep,
    chunkRows,
    scorer,
    writer,
    rejects,
    watch,
    counts,
    onChunk: () => options.onProgress?.(progress()),
    explain,
  });
  // The workers can read whole files when they run a compiled program and rows are not sharded;
  // their slow lines are scored here, with the same program.
  const fast =
    scorer.scoreBlock !== undefined &&
    program !== undefined &&
    plan.rowShard === undefined &&
    explain === undefined
      ? { scoreBlock: scorer.scoreBlock, scoreRows: instantiate(program) }
      : undefined;
  const readers = await scoreFiles({
    plan,
    served,
    fast,
    chunked,
    scorer,
    writer,
    rejects,
    counts,
    watch,
    keep,
    quoteCheck,
    onProgress: () => options.onProgress?.(progress()),
  });
  await scorer.close();
  await watch.time('write', () => Promise.all([writer.close(), rejects.close()]));
  const final = progress();
  return {
    ...final,
    rowsPerSecond: final.seconds > 0 ? final.rowsRead / final.seconds : 0,
    files: plan.files,
    output: options.output,
    rejectFile,
    shard,
    model: { name: served.name, version: served.version },
    stages: watch.totals,
    inference: scorer.where,
    engine: scorer.engine,
    readers,
    ...(engineNote === undefined ? {} : { engineNote }),
  };
}
