import type { Readable } from 'node:stream';
import { MlflowError } from '../errors.js';

/**
 * Reads a response body as UTF-8 text, stopping (and destroying the stream) once it passes
 * `maxBytes`: a server cannot make the client buffer an answer of any size.
 */
export async function readBoundedText(
  body: Readable,
  options: { maxBytes: number; where: string; option: string },
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > options.maxBytes) {
      body.destroy();
      throw new MlflowError({
        code: 'LIMIT_EXCEEDED',
        message: `${options.where} answered with more than ${options.maxBytes} bytes; refused (raise ${options.option} if answers this large are expected).`,
        endpoint: options.where,
      });
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
