/**
 * A fake MLflow server for hostile-world tests: a `node:http` server answering whatever JSON (or
 * broken body) a test routes to an endpoint, recording every request it gets with its
 * Authorization header. It plays an attacker or a broken server; tests of real behaviour against
 * MLflow use the real server (jest/global-setup.ts).
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the fake saw it. */
export interface FakeRequest {
  readonly method: string;
  /** The URL path, percent-decoded. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** The Authorization header, when one arrived. */
  readonly authorization: string | undefined;
  readonly body: string;
}

/** What a route answers: JSON, raw bytes, or full control of the response (slow, cut short). */
export type FakeReply =
  | { readonly json: unknown; readonly status?: number }
  | { readonly body: string | Buffer; readonly status?: number; readonly contentType?: string }
  | { readonly handle: (res: ServerResponse) => void | Promise<void> };

/** Answers one request. */
export type FakeRoute = (req: FakeRequest) => FakeReply | Promise<FakeReply>;

const NOT_FOUND: FakeReply = {
  status: 404,
  json: { error_code: 'ENDPOINT_NOT_FOUND', message: 'not routed in the fake' },
};

/** A running fake; `route()` what it should answer, read `requests` for what it got. */
export class FakeMlflow {
  /** Every request received, in order. */
  readonly requests: FakeRequest[] = [];
  readonly #routes = new Map<string, FakeRoute>();
  readonly #prefixes: { prefix: string; route: FakeRoute }[] = [];
  readonly #server: Server;

  private constructor() {
    this.#server = createServer((req, res) => {
      void this.handle(req, res);
    });
  }

  /** Starts a fake on a free port of 127.0.0.1. */
  static async start(): Promise<FakeMlflow> {
    const fake = new FakeMlflow();
    await new Promise<void>((done) => fake.#server.listen(0, '127.0.0.1', done));
    return fake;
  }

  /** `http://127.0.0.1:<port>`. */
  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** Answers `METHOD path` (exact path, no query) with `route`; a later call replaces it. */
  route(method: string, path: string, route: FakeRoute | FakeReply): this {
    this.#routes.set(`${method} ${path}`, typeof route === 'function' ? route : () => route);
    return this;
  }

  /**
   * Answers every path starting with `prefix` (checked after exact routes, longest first); a later
   * call with the same prefix replaces the route.
   */
  routePrefix(prefix: string, route: FakeRoute): this {
    const same = this.#prefixes.findIndex((p) => p.prefix === prefix);
    if (same !== -1) this.#prefixes.splice(same, 1);
    this.#prefixes.push({ prefix, route });
    this.#prefixes.sort((a, b) => b.prefix.length - a.prefix.length);
    return this;
  }

  /** Requests received on a path (any method). */
  requestsTo(path: string): FakeRequest[] {
    return this.requests.filter((r) => r.path === path || r.path.startsWith(`${path}/`));
  }

  /** Stops listening and drops open connections (a slow route may still be writing). */
  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((done) => this.#server.close(() => done()));
  }

  /** Routes one request; a route that throws answers 500. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://fake');
    const seen: FakeRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      query: url.searchParams,
      authorization: req.headers.authorization,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    this.requests.push(seen);
    const route =
      this.#routes.get(`${seen.method} ${seen.path}`) ??
      this.#prefixes.find((p) => seen.path.startsWith(p.prefix))?.route;
    try {
      await send(res, route === undefined ? NOT_FOUND : await route(seen));
    } catch (err) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error_code: 'INTERNAL_ERROR', message: String(err) }));
    }
  }
}

async function send(res: ServerResponse, reply: FakeReply): Promise<void> {
  if ('handle' in reply) {
    await reply.handle(res);
    return;
  }
  const isJson = 'json' in reply;
  const body = isJson ? JSON.stringify(reply.json) : reply.body;
  const contentType = isJson
    ? 'application/json'
    : (reply.contentType ?? 'application/octet-stream');
  res.writeHead(reply.status ?? 200, { 'content-type': contentType });
  res.end(body);
}
