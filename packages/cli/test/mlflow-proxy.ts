/**
 * A pass-through HTTP proxy in front of the real MLflow server that can hold chosen requests, so
 * a test can kill or signal the CLI at an exact point of its conversation with MLflow (after the
 * alias move reached the server, before a tag write...). It changes nothing it forwards; it is
 * not a fake MLflow.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the hold rule sees it. */
export interface SeenRequest {
  readonly method: string;
  /** Path without the query, e.g. `/api/2.0/mlflow/registered-models/alias`. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** The request body as text ('' for GET). */
  readonly body: string;
}

/**
 * - `before`: the request waits at the proxy until `release()` (MLflow has not seen it);
 * - `after`: it is forwarded at once, its answer waits until `release()` (MLflow did it, the
 *   client has not heard).
 */
export type HoldMode = 'before' | 'after';

export interface HeldRequest {
  readonly request: SeenRequest;
  /** Lets it continue (forwards it, or passes its answer on). */
  release(): void;
}

export interface MlflowProxy {
  readonly url: string;
  /** The next held request (in arrival order). */
  nextHeld(): Promise<HeldRequest>;
  close(): Promise<void>;
}

export async function startMlflowProxy(options: {
  target: string;
  /** Which requests to hold, and how; undefined passes the request through. */
  hold?: (request: SeenRequest) => HoldMode | undefined;
}): Promise<MlflowProxy> {
  const target = new URL(options.target);
  const queue: HeldRequest[] = [];
  const takers: ((held: HeldRequest) => void)[] = [];
  const offer = (held: HeldRequest): void => {
    const taker = takers.shift();
    if (taker) taker(held);
    else queue.push(held);
  };

  const forward = (
    { req, body, res }: { req: IncomingMessage; body: Buffer; res: ServerResponse },
    onAnswer: (answer: IncomingMessage) => void,
  ): void => {
    const upstream = request(
      {
        hostname: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      onAnswer,
    );
    upstream.on('error', (error) => res.destroy(error));
    upstream.end(body);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://proxy');
      const seen: SeenRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        body: body.toString('utf8'),
      };
      const pass = (answer: IncomingMessage): void => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      };
      const mode = options.hold?.(seen);
      const exchange = { req, body, res };
      if (mode === 'before') {
        offer({ request: seen, release: () => forward(exchange, pass) });
      } else if (mode === 'after') {
        forward(exchange, (answer) => offer({ request: seen, release: () => pass(answer) }));
      } else forward(exchange, pass);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    nextHeld: () =>
      new Promise((resolve) => {
        const held = queue.shift();
        if (held) resolve(held);
        else takers.push(resolve);
      }),
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** Whether `request` is a JSON POST whose body has these fields (e.g. `{ alias: 'champion' }`). */
export function postsJson(
  request: SeenRequest,
  path: string,
  fields: Readonly<Record<string, string>>,
): boolean {
  if (request.method !== 'POST' || !request.path.endsWith(path)) return false;
  try {
    const body = JSON.parse(request.body) as Record<string, unknown>;
    return Object.entries(fields).every(([k, v]) => body[k] === v);
  } catch {
    return false;
  }
}
