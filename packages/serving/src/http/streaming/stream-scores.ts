/**
 * Scores streamed rows chunk by chunk through the ModelHost and writes each chunk's answer as
 * soon as it is scored. The status line waits for the first chunk, so a problem found there
 * (bad header, model not ready, body too large) is still a normal error response; later failures
 * end the stream with an error line.
 *
 * Many clients (python-requests, most HTTP libraries) send the whole body before they read any of
 * the answer. Waiting for such a client to take our output while it is still sending deadlocks
 * both sides until Node's request timeout cuts the connection, so while the body is still
 * arriving the answer is buffered (up to CHAMPION_MAX_BATCH_BODY_BYTES: as much as we accept from
 * the client); only then, or once the body is complete, does writing wait for the client.
 */
import type { Request, Response } from 'express';
import type { AppContext } from '../context.js';
import { invalidRequest } from '../errors.js';
import type { CompiledFeatures } from '../records/feature-compiler.js';
import { labelValue } from '../labels.js';
import { warningsByRow } from '../records/warnings.js';
import { batchRecordIds } from '../record-request-ids.js';
import { scoreParsed } from '../scoring.js';
import { toHttpError } from '../to-http-error.js';
import { RecordChunkBuilder } from './record-chunk-builder.js';
import { discardRestOfBody } from './early-answer.js';
import type { FillRow } from './fill.js';
import type { BatchOutputFormat } from './output.js';

/** Rows per model run: large enough to amortise a run, small enough to stream. */
export const CHUNK_ROWS = 4096;

export interface StreamRequest {
  readonly context: AppContext;
  readonly req: Request;
  readonly res: Response;
  readonly compiled: CompiledFeatures;
  readonly format: BatchOutputFormat;
  readonly requestId: string;
  /** @default CHUNK_ROWS */
  readonly chunkRows?: number;
}

function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Writes `text`; waits for the client to read only when it may (see the module header). */
async function writeOut(request: StreamRequest, text: string): Promise<void> {
  const { req, res } = request;
  if (res.write(text)) return;
  const sending = !req.complete && !req.destroyed;
  if (sending && res.writableLength <= request.context.config.maxBatchBodyBytes) return;
  await drained(res);
}

/** Scores one filled chunk and writes its lines in input order. */
async function flush(
  request: StreamRequest,
  chunk: { builder: RecordChunkBuilder; filled: number },
): Promise<void> {
  const { context, res, format } = request;
  const { builder, filled } = chunk;
  const good = builder.finishChunk(filled);
  const scored = good
    ? await scoreParsed(context, {
        parsed: good.parsed,
        ids: batchRecordIds(
          request.requestId,
          good.rows.map((r) => builder.firstRow + r),
        ),
        endpoint: 'predict_batch',
      })
    : undefined;
  if (!res.headersSent) {
    res.status(200).setHeader('Content-Type', format.contentType);
    res.write(format.header);
  }
  const warnings = good === undefined ? [] : warningsByRow(good.parsed);
  let text = '';
  let next = 0;
  for (let r = 0; r < filled; r++) {
    const row = builder.firstRow + r;
    const problem = builder.rowProblems.get(r);
    if (problem !== undefined || scored === undefined || good === undefined) {
      if (problem !== undefined) text += format.invalid(row, builder.ids?.[r], problem);
      continue;
    }
    const { probability, label, model } = scored.scores;
    const index = label[next] === 1n ? 1 : 0;
    text += format.scored({
      row,
      id: good.parsed.ids?.[next],
      requestId: batchRecordIds(request.requestId).of(row),
      probability: probability[next] ?? NaN,
      label: labelValue(model, index),
      labelIndex: index,
      warnings: warnings[next] ?? [],
    });
    next++;
  }
  await writeOut(request, text);
  scored?.afterResponse();
}

/** Reads every item, scoring each full chunk; answers 400 when there was no row at all. */
export async function streamScores<T>(
  request: StreamRequest,
  input: { items: AsyncIterable<T>; fill: FillRow<T> },
): Promise<void> {
  const { res, compiled } = request;
  const chunkRows = request.chunkRows ?? CHUNK_ROWS;
  let total = 0;
  const newBuilder = (): RecordChunkBuilder =>
    new RecordChunkBuilder({ compiled, rows: chunkRows, firstRow: total });
  let builder = newBuilder();
  let filled = 0;
  try {
    for await (const item of input.items) {
      input.fill(builder, filled, item);
      filled++;
      total++;
      if (filled === chunkRows) {
        await flush(request, { builder, filled });
        // The client went away: stop reading and scoring.
        if (res.destroyed) return;
        builder = newBuilder();
        filled = 0;
      }
    }
    if (filled > 0) await flush(request, { builder, filled });
    if (total === 0) throw invalidRequest('The request holds no records; send at least one.');
    res.locals['rows'] = total;
    res.end();
  } catch (err) {
    if (!res.headersSent) {
      discardRestOfBody({
        req: request.req,
        res,
        limit: request.context.config.maxBatchBodyBytes,
      });
      throw err;
    }
    const error = toHttpError(err, { maxBodyBytes: request.context.config.maxBatchBodyBytes });
    if (error.code === 'INTERNAL')
      request.context.logger.error('batch stream failed', {
        requestId: request.requestId,
        error: err instanceof Error ? err.message : String(err),
      });
    res.locals['rows'] = total;
    res.end(
      request.format.failure({
        code: error.code,
        message: error.message,
        details: error.details,
        requestId: request.requestId,
      }),
    );
  }
}
