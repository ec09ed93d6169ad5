/**
 * The chunked path of a batch run: tabular's reader on the main thread, chunk k+1 read while
 * chunk k is scored, as many chunks scored at once as the scorer has workers, and the write of
 * chunk k awaited only before chunk k+1's write, so the output stream's backpressure bounds
 * memory. Rows the reader set aside go to the reject file with their reasons.
 */
import {
  explainBatch,
  type BatchExplanations,
  type Explainer,
  type ServedModel,
} from '@champion/runtime';
import { planChunks, type FileChunk } from './chunk-stream.js';
import { toFeatureBatch } from './feature-batch.js';
import { rowFormat } from './format-rows.js';
import { outputTable } from './output-table.js';
import type { TableWriter } from './output-writer.js';
import type { ScorePlan } from './plan.js';
import { rejectReason, type RejectWriter } from './reject-writer.js';
import type { ScoredChunk, Scorer } from './scorer.js';
import type { Stopwatch } from './stopwatch.js';

/** A chunk whose scores are on their way. */
interface InFlight {
  readonly file: string;
  readonly chunk: FileChunk['chunk'];
  readonly rows: number;
  readonly scores: Promise<ScoredChunk> | undefined;
  readonly explanations: Promise<BatchExplanations> | undefined;
}

export interface ChunkedScoringOptions {
  readonly plan: ScorePlan;
  readonly model: ServedModel;
  readonly keep: readonly string[];
  readonly chunkRows: number;
  readonly scorer: Scorer;
  readonly writer: TableWriter;
  readonly rejects: RejectWriter;
  readonly watch: Stopwatch;
  /** Rows scored and rejected so far, shared with the fast path. */
  readonly counts: { rowsScored: number; rowsRejected: number };
  /** Called after each chunk is handed to the writers. */
  readonly onChunk: () => void;
  /** `--explain topN`: the model's explainer and N (output tables are built here, not in workers). */
  readonly explain?: { readonly top: number; readonly explainer: Explainer } | undefined;
}

export class ChunkedScoring {
  readonly #o: ChunkedScoringOptions;
  #writing: Promise<void> = Promise.resolve();
  /** Chunks being scored, oldest first; up to scorer.parallelism of them, written in input order. */
  readonly #inFlight: InFlight[] = [];

  constructor(options: ChunkedScoringOptions) {
    this.#o = options;
  }

  /** Scores `files` (all of them, in order) through the chunked path. */
  async score(files: readonly string[]): Promise<void> {
    const { plan, model, chunkRows, scorer, watch } = this.#o;
    const iterator = planChunks({ plan: { ...plan, files }, features: model.features, chunkRows });
    try {
      let next = iterator.next();
      for (;;) {
        const step: IteratorResult<FileChunk> = await watch.time('read', () => next);
        if (step.done === true) break;
        next = iterator.next();
        next.catch(() => undefined); // handled when awaited; avoids an unhandled rejection
        this.#inFlight.push(await this.#start(step.value));
        if (this.#inFlight.length >= scorer.parallelism)
          await this.#finish(this.#inFlight.shift() as InFlight);
      }
      for (let entry = this.#inFlight.shift(); entry !== undefined; entry = this.#inFlight.shift())
        await this.#finish(entry);
      await watch.time('write', () => this.#writing);
    } finally {
      await iterator.return(undefined).catch(() => undefined);
    }
  }

  /** Resolves once the last write has ended, whether it succeeded or not (for cleanup). */
  settled(): Promise<void> {
    return this.#writing.catch(() => undefined);
  }

  /** Sends a chunk to the scorer. */
  async #start({ file, chunk }: FileChunk): Promise<InFlight> {
    const { model, keep, scorer, watch, explain } = this.#o;
    const batch = await watch.time('prepare', () => toFeatureBatch(chunk.table, model.features));
    const explanations =
      explain === undefined || batch.rows === 0
        ? undefined
        : explainBatch(explain.explainer, batch);
    explanations?.catch(() => undefined); // handled when awaited
    // On the main thread `run` may do the work before returning; to a worker it only sends
    // it. Both writers take CSV lines (Parquet is staged as CSV), formatted by the worker.
    const format = rowFormat({
      kept: keep.flatMap((name) => chunk.table.columns.filter((c) => c.name === name)),
      labels: [model.target.negative, model.target.positive],
      version: model.version,
    });
    // Explained rows get their reason columns here: no worker-formatted lines.
    const scores =
      batch.rows === 0
        ? undefined
        : watch.timeSync('inference', () =>
            explain === undefined ? scorer.run(batch, format) : scorer.run(batch),
          );
    scores?.catch(() => undefined); // handled when awaited, as above
    return { file, chunk, rows: batch.rows, scores, explanations };
  }

  /** Waits for a chunk's scores and hands its rows and rejects to the writers. */
  async #finish(entry: InFlight): Promise<void> {
    const { model, keep, writer, rejects, watch, counts } = this.#o;
    const { file, chunk } = entry;
    const scores = entry.scores && (await watch.time('inference', () => entry.scores));
    const explanations =
      entry.explanations && (await watch.time('inference', () => entry.explanations));
    const top = this.#o.explain?.top;
    await watch.time('write', () => this.#writing);
    // A worker may have formatted the output lines already (CSV output); else build the table.
    const text = scores?.text;
    const table =
      scores && text === undefined
        ? outputTable({
            table: chunk.table,
            keep,
            scores,
            model,
            ...(top !== undefined && explanations !== undefined
              ? { reasons: { top, explanations } }
              : {}),
          })
        : undefined;
    const rejected = chunk.setAside.map((r) => ({
      file,
      row: r.row,
      reason: rejectReason(r.reasons),
      record: r.text,
    }));
    this.#writing = watch.time('write', async () => {
      if (text !== undefined) await writer.writeText(text);
      else if (table) await writer.write(table);
      if (rejected.length > 0) await rejects.write(rejected);
    });
    counts.rowsScored += entry.rows;
    counts.rowsRejected += rejected.length;
    this.#o.onChunk();
  }
}
