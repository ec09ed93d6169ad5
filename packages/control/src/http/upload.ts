/**
 * An uploaded data file streamed to disk under the uploads directory, never held in memory:
 * refused with 413 as soon as it passes the size limit (by Content-Length, or by counting), and
 * removed when anything fails. The file name is generated, never taken from the client.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import { ControlError } from '../errors.js';

/** The data formats an upload may be, by media type. */
export const UPLOAD_TYPES: Readonly<Record<string, 'csv' | 'parquet'>> = {
  'text/csv': 'csv',
  'application/vnd.apache.parquet': 'parquet',
  'application/x-parquet': 'parquet',
};

function tooLarge(limit: number): ControlError {
  return new ControlError({
    code: 'BODY_TOO_LARGE',
    message: `The upload is larger than this service accepts (${limit} bytes, CHAMPION_CONTROL_MAX_UPLOAD_BYTES).`,
  });
}

function limiter(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      done(seen > limit ? tooLarge(limit) : null, chunk);
    },
  });
}

/** Writes the request body to a new file in `dir`; returns its path. */
export async function receiveUpload(options: {
  req: Request;
  dir: string;
  format: 'csv' | 'parquet';
  maxBytes: number;
}): Promise<string> {
  const { req, dir, maxBytes } = options;
  const declared = Number(req.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${randomUUID()}.${options.format}`);
  try {
    await pipeline(req, limiter(maxBytes), createWriteStream(file, { flags: 'wx' }));
    return file;
  } catch (error) {
    await rm(file, { force: true });
    if (error instanceof ControlError) throw error;
    throw new ControlError({
      code: 'MALFORMED_BODY',
      message: 'The upload was cut off before its end.',
      cause: error,
    });
  }
}
