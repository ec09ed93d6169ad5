/**
 * POST /predict/batch: a file's worth of rows, streamed both ways. The body is CSV (header row of
 * feature names, optional `id` column) or NDJSON (one /predict record per line), read as it
 * arrives up to CHAMPION_MAX_BATCH_BODY_BYTES; rows are scored in chunks and answered as NDJSON
 * (or CSV with `Accept: text/csv`), one line per input row, invalid rows reported in place.
 */
import type { NextFunction, Request, Response } from 'express';
import type { AppContext } from '../context.js';
import { invalidRequest, ServingHttpError } from '../errors.js';
import { requireApiKey } from '../middleware/auth.js';
import { requireMediaType } from '../middleware/media-type.js';
import { requestIdOf } from '@champion/http-kit';
import { currentFeatures } from '../scoring.js';
import { csvFiller, ndjsonFiller } from '../streaming/fill.js';
import { discardRestOfBody } from '../streaming/early-answer.js';
import { batchBodyTooLarge, csvRecords, limitedBody } from '../streaming/input.js';
import { textLines } from '../streaming/line-reader.js';
import { CSV_OUTPUT, NDJSON_OUTPUT } from '../streaming/output.js';
import { streamScores, type StreamRequest } from '../streaming/stream-scores.js';
import type { ApiRouter } from '../api-router.js';
import { errors, type Operation } from '../openapi/operation.js';

export const BATCH_INPUT_TYPES = ['text/csv', 'application/x-ndjson'] as const;

/** 413 up front when Content-Length already says too much; 415 for compressed bodies. */
function checkBody(limit: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const encoding = (req.get('content-encoding') ?? 'identity').trim().toLowerCase();
    if (encoding !== 'identity') {
      res.setHeader('Connection', 'close');
      throw new ServingHttpError({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: `Content-Encoding ${JSON.stringify(encoding)} is not supported on /predict/batch; send the body uncompressed.`,
      });
    }
    const length = Number(req.get('content-length') ?? '0');
    if (length > limit) {
      res.setHeader('Connection', 'close');
      throw batchBodyTooLarge(limit);
    }
    next();
  };
}

async function firstOf<T>(
  iterator: AsyncIterator<T>,
): Promise<{ first: T | undefined; rest: AsyncIterable<T> }> {
  const step = await iterator.next();
  return {
    first: step.done === true ? undefined : step.value,
    rest: { [Symbol.asyncIterator]: () => iterator },
  };
}

const PREDICT_BATCH: Operation = ({ secured }) => ({
  summary:
    'Score a file streamed in (CSV with a header row, or NDJSON records), answered row by row as NDJSON (or CSV with Accept: text/csv)',
  description:
    'Rows are scored in chunks and streamed back, one line per input row: {row, id?, request_id, probability, label, label_index, warnings} (label typed as the training target, warnings as on /predict, request_id `<X-Request-Id>-<row>`: what POST /feedback names), or {row, error: {path, problem}} for an invalid row; CSV answers have the columns row,id,probability,label,label_index,error,warnings (warnings as "field: problem" items joined by "; "). A failure after streaming started ends the response with a final {"error": ...} line. Body limit: CHAMPION_MAX_BATCH_BODY_BYTES; a line (NDJSON) or record (CSV) longer than CHAMPION_MAX_LINE_BYTES is refused with 413 LINE_TOO_LONG.',
  security: secured,
  requestBody: {
    required: true,
    content: {
      'text/csv': { schema: { type: 'string', minLength: 1 } },
      'application/x-ndjson': { schema: { type: 'string', minLength: 1 } },
    },
  },
  responses: {
    '200': {
      description: 'One line per input row',
      content: {
        'application/x-ndjson': { schema: { type: 'string' } },
        'text/csv': { schema: { type: 'string' } },
      },
    },
    ...errors([400, 401, 413, 415, 422, 503, 500]),
  },
});

export function predictBatchRoutes(context: AppContext, router: ApiRouter): void {
  const { config } = context;
  router.post(
    '/predict/batch',
    PREDICT_BATCH,
    requireApiKey(config.apiKey),
    requireMediaType([...BATCH_INPUT_TYPES]),
    checkBody(config.maxBatchBodyBytes),
    async (req: Request, res: Response) => {
      const compiled = currentFeatures(context);
      const request: StreamRequest = {
        context,
        req,
        res,
        compiled,
        format:
          req.accepts(['application/x-ndjson', 'text/csv']) === 'text/csv'
            ? CSV_OUTPUT
            : NDJSON_OUTPUT,
        requestId: requestIdOf(res),
      };
      const body = limitedBody(req, config.maxBatchBodyBytes);
      const lines = { maxLineBytes: config.maxLineBytes };
      if (req.is('text/csv') === false) {
        const items = textLines(body, lines);
        await streamScores(request, { items, fill: ndjsonFiller(compiled) });
        return;
      }
      const { first, rest } = await firstOf(csvRecords(body, lines)[Symbol.asyncIterator]()).catch(
        (err: unknown) => {
          discardRestOfBody({ req, res, limit: config.maxBatchBodyBytes });
          throw err;
        },
      );
      if (first === undefined) {
        throw invalidRequest('The CSV body is empty; send a header row and at least one row.');
      }
      await streamScores(request, { items: rest, fill: csvFiller(compiled, first) });
    },
  );
}
