import { ServingError } from '../model/errors.js';
import { toHttpError } from './to-http-error.js';

const options = { maxBodyBytes: 1000 };

/** What body-parser passes on: the stream's error with a 4xx status and no `type`. */
function withStatus(status: number, fields: Record<string, unknown> = {}): Error {
  return Object.assign(new Error('incorrect header check'), { status, ...fields });
}

describe('mapping errors to HTTP', () => {
  it('turns a zlib error on a body that is not what Content-Encoding says into 400 saying what to send', () => {
    const error = toHttpError(withStatus(400, { code: 'Z_DATA_ERROR', errno: -3 }), options);
    expect(error.code).toBe('MALFORMED_BODY');
    expect(error.message).toMatch(/Content-Encoding.*uncompressed/);
    expect(error.message).not.toMatch(/incorrect header check/);
  });

  it('keeps 413 and 415 from errors it has no type for', () => {
    expect(toHttpError(withStatus(413), options).code).toBe('BODY_TOO_LARGE');
    expect(toHttpError(withStatus(413), options).message).toContain('1000 bytes');
    expect(toHttpError(withStatus(415), options).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('maps body-parser types before statuses', () => {
    const error = toHttpError(withStatus(400, { type: 'entity.too.large' }), options);
    expect(error.code).toBe('BODY_TOO_LARGE');
  });

  it('leaves errors without a client status as INTERNAL, with a generic message', () => {
    for (const err of [new Error('boom'), withStatus(500), withStatus(302), 'text']) {
      const error = toHttpError(err, options);
      expect(error.code).toBe('INTERNAL');
      expect(error.message).not.toMatch(/boom|header check/);
    }
  });

  it('answers a host with no model (starting, or stopping) 503 MODEL_NOT_READY, never 500', () => {
    const stopping = toHttpError(new ServingError('STOPPED', 'host stopped'), options);
    const starting = toHttpError(new ServingError('NOT_READY', 'no model'), options);
    expect(stopping.code).toBe('MODEL_NOT_READY');
    expect(stopping.message).toMatch(/shutting down/);
    expect(starting.code).toBe('MODEL_NOT_READY');
    expect(starting.message).toMatch(/readyz/);
  });
});
