/**
 * The requests a server is answering, and the one connection rule of shutdown: once the server
 * stops accepting (after the drain delay), every response not yet started says
 * `Connection: close`, so no client sends another request on a socket that is about to close.
 * Node does not do this by itself: after `server.close()` a busy keep-alive socket keeps
 * serving requests for as long as the client sends them.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/** One request still being answered, as shutdown logs it when it has to cut it. */
export interface InFlightRequest {
  readonly method: string;
  /** The path without its query (which may carry anything). */
  readonly path: string;
  readonly requestId: string | undefined;
  readonly ageMs: number;
}

interface Entry {
  readonly req: IncomingMessage;
  readonly startedAt: number;
}

const MAX_PATH = 200;

export class InFlightRequests {
  readonly #open = new Map<ServerResponse, Entry>();
  #closing = false;

  /** `handler`, counting its requests and applying the connection rule. */
  wrap(handler: RequestListener): RequestListener {
    return (req, res) => {
      this.#open.set(res, { req, startedAt: Date.now() });
      res.once('close', () => this.#open.delete(res));
      if (this.#closing) res.setHeader('Connection', 'close');
      handler(req, res);
    };
  }

  /** From now on responses close their connection, including those already being prepared. */
  closeConnections(): void {
    this.#closing = true;
    for (const res of this.#open.keys()) if (!res.headersSent) res.setHeader('Connection', 'close');
  }

  get size(): number {
    return this.#open.size;
  }

  /** The requests still open, oldest first. */
  list(now: number = Date.now()): InFlightRequest[] {
    return [...this.#open.entries()]
      .sort(([, a], [, b]) => a.startedAt - b.startedAt)
      .map(([res, { req, startedAt }]) => {
        const id = res.getHeader('x-request-id');
        return {
          method: req.method ?? '?',
          path: (req.url ?? '').split('?')[0]?.slice(0, MAX_PATH) ?? '',
          requestId: typeof id === 'string' ? id : undefined,
          ageMs: now - startedAt,
        };
      });
  }
}
