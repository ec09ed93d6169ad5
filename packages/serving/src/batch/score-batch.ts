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
import { mkdir, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import {
  compileGraph,
  instantiate,
  NotCompilable,
  type CompiledProgram,
  verifyCompiled,
  type LoadedModel,
  silentLogger,
  type Logger,
} from '@champion/runtime';
import { readOnnxGraph } from '@champion/onnx';
import { planChunks, type FileChunk } from './chunk-stream.js';
import { BatchError } from './errors.js';
import { toFeatureBatch } from './feature-batch.js';
import { openTableWriter, outputFormat } from './output-writer.js';
import { emptyOutputTable, outputTable } from './output-table.js';
import { planScoring } from './plan.js';
import { RejectWriter, rejectReason } from './reject-writer.js';
import {
  defaultOrtPath,
  mainThreadScorer,
  workerScorer,
  type ScoredChunk,
  type Scorer,
} from './scorer.js';
import { rowFormat } from './format-rows.js';
import { blockLayout, isParquet, quoteFree, scoreCsvFast } from './fast-csv.js';
import type { Shard } from './shard.js';

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

/** The model's graph compiled, or why it cannot be. */
async function compiledProgram(
  model: LoadedModel,
): Promise<{ program: CompiledProgram } | { reason: string }> {
  try {
    const bytes = await readFile(join(model.model.dir, 'model.onnx'));
    return { program: compileGraph(readOnnxGraph(bytes)) };
  } catch (error) {
    if (error instanceof NotCompilable || error instanceof RangeError) {
      return { reason: `the graph cannot be compiled: ${error.message}` };
    }
    throw error;
  }
}

/** Why `program` cannot replace onnxruntime (it scores some verification row differently), if so. */
async function mismatch(model: LoadedModel, program: CompiledProgram): Promise<string | undefined> {
  const check = await verifyCompiled({ program, reference: (batch) => model.run(batch) });
  return check.mismatches === 0
    ? undefined
    : `the compiled graph differs from onnxruntime on ${check.mismatches} of ${check.rows} verification rows (${check.example ?? ''})`;
}

interface OpenedScorer {
  readonly scorer: Scorer;
  readonly note?: string;
  /** The compiled program the scorer runs, when it runs one. */
  readonly program?: CompiledProgram;
}

async function openScorer(options: {
  model: LoadedModel;
  mode: 'auto' | 'worker' | 'main';
  engine: 'auto' | 'compiled' | 'onnxruntime';
  workers: number;
  log: Logger;
  releaseSession: boolean;
}): Promise<OpenedScorer> {
  const { model, mode, engine, workers, log } = options;
  let note: string | undefined;
  if (engine !== 'onnxruntime') {
    const compiled = await compiledProgram(model);
    // Workers start (a Node environment each, then the program) while the program is checked
    // against onnxruntime here; they are only used if it passes.
    const starting =
      'program' in compiled && mode !== 'main'
        ? workerScorer({ model, program: compiled.program, workers })
        : undefined;
    starting?.catch(() => undefined); // awaited below
    const stopStarting = (): Promise<void> =>
      starting?.then(
        (scorer) => scorer.close(),
        () => undefined,
      ) ?? Promise.resolve();
    let reason: string | undefined;
    try {
      reason = 'program' in compiled ? await mismatch(model, compiled.program) : compiled.reason;
    } catch (error) {
      await stopStarting(); // workers would keep the process alive
      throw error;
    }
    if ('program' in compiled && reason === undefined) {
      const { program } = compiled;
      if (starting === undefined) return { scorer: compiledMainThreadScorer(program), program };
      try {
        const scorer = await starting;
        if (options.releaseSession === true) await model.retire();
        return { scorer, program };
      } catch (error) {
        if (mode === 'worker') throw error;
        log.warn('the scoring workers did not start; scoring on the main thread', {
          error: error instanceof Error ? error.message : String(error),
        });
        return { scorer: compiledMainThreadScorer(program), program };
      }
    }
    await stopStarting();
    if (engine === 'compiled') throw new BatchError('BAD_OPTIONS', `--engine compiled: ${reason}`);
    note = reason;
    log.warn('scoring with onnxruntime', { why: note });
  }
  const withNote = (scorer: Scorer): OpenedScorer =>
    note === undefined ? { scorer } : { scorer, note };
  if (mode === 'main') return withNote(mainThreadScorer(model));
  const ortPath = defaultOrtPath();
  if (ortPath !== undefined) {
    try {
      return withNote(await workerScorer({ model, ortPath, workers }));
    } catch (error) {
      if (mode === 'worker') throw error;
      log.warn('the inference worker did not start; scoring on the main thread', {
        error: error instanceof Error ? error.message : String(error),
      });
      return withNote(mainThreadScorer(model));
    }
  }
  if (mode === 'worker') {
    throw new BatchError(
      'BAD_OPTIONS',
      'onnxruntime-node cannot be located for the inference worker',
    );
  }
  return withNote(mainThreadScorer(model));
}

/** Scores with a compiled program on the calling thread. */
function compiledMainThreadScorer(program: CompiledProgram): Scorer {
  const score = instantiate(program);
  return {
    where: 'main',
    engine: 'compiled',
    parallelism: 1,
    run: (batch) => Promise.resolve(score(batch.columns, batch.rows)),
    close: () => Promise.resolve(),
  };
}

/** A chunk whose scores are on their way. */
interface InFlight {
  readonly file: string;
  readonly chunk: FileChunk['chunk'];
  readonly rows: number;
  readonly scores: Promise<ScoredChunk> | undefined;
}

class Stopwatch {
  readonly totals = { read: 0, prepare: 0, inference: 0, write: 0 };
  timeSync<T>(stage: keyof Stopwatch['totals'], work: () => T): T {
    const start = performance.now();
    try {
      return work();
    } finally {
      this.totals[stage] += (performance.now() - start) / 1000;
    }
  }
  async time<T>(stage: keyof Stopwatch['totals'], work: () => Promise<T> | T): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.totals[stage] += (performance.now() - start) / 1000;
    }
  }
}

/** Scoring worker threads when the caller does not say: one per core, at most two. */
export function defaultScoringWorkers(): number {
  return Math.min(2, availableParallelism());
}

/** Scores `input` into `output`; see the module header. */
export async function scoreBatch(options: ScoreBatchOptions): Promise<BatchSummary> {
  const started = performance.now();
  const { model } = options;
  const served = model.model;
  const keep = options.keep ?? [];
  const shard = options.shard ?? { index: 0, count: 1 };
  const chunkRows = options.chunkRows ?? 16384;
  const log = options.logger ?? silentLogger;
  if (!Number.isInteger(chunkRows) || chunkRows < 1) {
    throw new BatchError(
      'BAD_OPTIONS',
      `--chunk-rows must be a positive integer, got ${chunkRows}`,
    );
  }
  outputFormat(options.output);
  const rejectFile = options.rejectFile ?? `${options.output}.rejects.csv`;
  const plan = await planScoring({ input: options.input, shard, features: served.features, keep });
  log.info('batch scoring', { files: plan.files.length, shard, model: served.version });

  const workers = options.inferenceWorkers ?? defaultScoringWorkers();
  if (!Number.isInteger(workers) || workers < 1) {
    throw new BatchError(
      'BAD_OPTIONS',
      `inferenceWorkers must be a positive integer, got ${workers}`,
    );
  }
  // Output folders are created (a fresh volume has none); a file that cannot be created fails here.
  await mkdir(dirname(options.output), { recursive: true });
  await mkdir(dirname(rejectFile), { recursive: true });
  // Whether a file's lines hold a quote (a pass over it) is found while its first blocks are
  // scored; the first file's check starts now, while the model is compiled and workers start.
  const quoteChecks = new Map<string, Promise<boolean>>();
  const quoteCheck = (file: string): Promise<boolean> => {
    let check = quoteChecks.get(file);
    if (check === undefined) {
      check = quoteFree(file, plan.headers.get(file) ?? []);
      check.catch(() => undefined); // awaited when the file is scored
      quoteChecks.set(file, check);
    }
    return check;
  };
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
  });
  const writer = await openTableWriter(options.output);
  await writer.write(emptyOutputTable({ keep, features: served.features }));
  const rejects = await RejectWriter.open(rejectFile);
  const watch = new Stopwatch();
  const counts = { rowsScored: 0, rowsRejected: 0 };
  const progress = (): BatchProgress => ({
    rowsRead: counts.rowsScored + counts.rowsRejected,
    ...counts,
    seconds: (performance.now() - started) / 1000,
  });
  let writing: Promise<void> = Promise.resolve();
  // Chunks being scored, oldest first; up to scorer.parallelism of them, written in input order.
  const inFlight: InFlight[] = [];
  const finish = async (entry: InFlight): Promise<void> => {
    const { file, chunk } = entry;
    const scores = entry.scores && (await watch.time('inference', () => entry.scores));
    await watch.time('write', () => writing);
    // A worker may have formatted the output lines already (CSV output); else build the table.
    const text = scores?.text;
    const table =
      scores && text === undefined
        ? outputTable({ table: chunk.table, keep, scores, model: served })
        : undefined;
    const rejected = chunk.setAside.map((r) => ({
      file,
      row: r.row,
      reason: rejectReason(r.reasons),
      record: r.text,
    }));
    writing = watch.time('write', async () => {
      if (text !== undefined) await writer.writeText(text);
      else if (table) await writer.write(table);
      if (rejected.length > 0) await rejects.write(rejected);
    });
    counts.rowsScored += entry.rows;
    counts.rowsRejected += rejected.length;
    options.onProgress?.(progress());
  };
  /** The chunked path: tabular's reader on the main thread, scoring in the scorer. */
  const scoreChunks = async (files: readonly string[]): Promise<void> => {
    const iterator = planChunks({ plan: { ...plan, files }, features: served.features, chunkRows });
    try {
      let next = iterator.next();
      for (;;) {
        const step: IteratorResult<FileChunk> = await watch.time('read', () => next);
        if (step.done === true) break;
        next = iterator.next();
        next.catch(() => undefined); // handled when awaited; avoids an unhandled rejection
        const { file, chunk } = step.value;
        const batch = await watch.time('prepare', () =>
          toFeatureBatch(chunk.table, served.features),
        );
        // On the main thread `run` may do the work before returning; to a worker it only sends
        // it. Both writers take CSV lines (Parquet is staged as CSV), formatted by the worker.
        const format = rowFormat({
          kept: keep.flatMap((name) => chunk.table.columns.filter((c) => c.name === name)),
          labels: [served.target.negative, served.target.positive],
          version: served.version,
        });
        const scores =
          batch.rows === 0
            ? undefined
            : watch.timeSync('inference', () => scorer.run(batch, format));
        scores?.catch(() => undefined); // handled when awaited, as above
        inFlight.push({ file, chunk, rows: batch.rows, scores });
        if (inFlight.length >= scorer.parallelism) await finish(inFlight.shift() as InFlight);
      }
      for (let entry = inFlight.shift(); entry !== undefined; entry = inFlight.shift())
        await finish(entry);
      await watch.time('write', () => writing);
    } finally {
      await iterator.return(undefined).catch(() => undefined);
    }
  };
  // The workers can read whole files when they run a compiled program and rows are not sharded;
  // their slow lines are scored here, with the same program.
  const fast =
    scorer.scoreBlock !== undefined && program !== undefined && plan.rowShard === undefined
      ? { scoreBlock: scorer.scoreBlock, scoreRows: instantiate(program) }
      : undefined;
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
          onBlock: () => options.onProgress?.(progress()),
          time: (stage, work) => watch.time(stage, work),
          quoteFree: quoteCheck(file),
        })) === 'scored';
      if (onWorkers) readers.workers++;
      else {
        readers.main++;
        await scoreChunks([file]);
      }
    }
  } catch (error) {
    await writing.catch(() => undefined);
    await Promise.allSettled([writer.close(), rejects.close(), scorer.close()]);
    throw error;
  }
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
