/**
 * A raw HTTP client for the abuse tests: exact headers (or none: no Content-Length, chunked),
 * bodies sent as given, and an answer read even when the server answers before the body is sent
 * and closes the connection (what a server does with a body it refuses).
 */
import { request } from 'node:http';

export interface RawAnswer {
  /** Undefined when the connection failed before any answer. */
  readonly status?: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly text: string;
  /** The network error, when there was no answer. */
  readonly error?: string;
  readonly ms: number;
}

export interface RawRequest {
  readonly url: string;
  readonly path: string;
  /** @default 'POST' */
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent with Content-Length, unless `chunked`. */
  readonly body?: string | Buffer;
  /** Send the body with Transfer-Encoding: chunked, in pieces of this many bytes. */
  readonly chunked?: number;
  /** @default 30000 */
  readonly timeoutMs?: number;
}

function writeBody(req: ReturnType<typeof request>, options: RawRequest): void {
  const body = options.body === undefined ? Buffer.alloc(0) : Buffer.from(options.body);
  if (options.chunked === undefined) {
    req.end(body);
    return;
  }
  const size = options.chunked;
  let at = 0;
  const next = (): void => {
    while (at < body.length) {
      const piece = body.subarray(at, at + size);
      at += size;
      if (!req.write(piece)) {
        req.once('drain', next);
        return;
      }
    }
    req.end();
  };
  next();
}

/** Sends one request on a fresh connection; resolves with the answer (never rejects). */
export function rawRequest(options: RawRequest): Promise<RawAnswer> {
  const started = performance.now();
  const url = new URL(options.path, options.url);
  const headers: Record<string, string> = { connection: 'close', ...options.headers };
  if (options.body !== undefined && options.chunked === undefined)
    headers['content-length'] ??= String(Buffer.byteLength(options.body));
  if (options.chunked !== undefined) headers['transfer-encoding'] = 'chunked';
  return new Promise((resolve) => {
    let settled = false;
    const done = (answer: Omit<RawAnswer, 'ms'>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...answer, ms: performance.now() - started });
    };
    const req = request(url, { method: options.method ?? 'POST', headers }, (res) => {
      const parts: Buffer[] = [];
      const finish = (): void =>
        done({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: Buffer.concat(parts).toString('utf8'),
        });
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', finish);
      res.on('close', finish);
      res.on('error', finish);
    });
    const timer = setTimeout(() => {
      req.destroy();
      done({ headers: {}, text: '', error: 'timeout' });
    }, options.timeoutMs ?? 30_000);
    // The server may answer and close while the body is still going out: the answer counts.
    req.on('error', (err: NodeJS.ErrnoException) =>
      setTimeout(() => done({ headers: {}, text: '', error: err.code ?? err.message }), 200),
    );
    writeBody(req, options);
  });
}
