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

/**
 * One open request, linked to its neighbours. A list rather than a Map keyed by response: with
 * the Map (an entry set and deleted per request) the server promoted ~2.5 MB of finished
 * requests per scavenge under load, with the list ~0.03 MB, and those copies set serving's p99
 * (`--trace-gc-nvp` under `pnpm bench serving`'s load).
 */
interface Entry {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly startedAt: number;
  prev: Entry | undefined;
  next: Entry | undefined;
}

const MAX_PATH = 200;

export class InFlightRequests {
  #head: Entry | undefined;
  #size = 0;
  #closing = false;

  /** `handler`, counting its requests and applying the connection rule. */
  wrap(handler: RequestListener): RequestListener {
    return (req, res) => {
      const entry = this.#add(req, res);
      res.once('close', () => this.#remove(entry));
      if (this.#closing) res.setHeader('Connection', 'close');
      handler(req, res);
    };
  }

  #add(req: IncomingMessage, res: ServerResponse): Entry {
    const entry: Entry = { req, res, startedAt: Date.now(), prev: undefined, next: this.#head };
    if (this.#head !== undefined) this.#head.prev = entry;
    this.#head = entry;
    this.#size++;
    return entry;
  }

  #remove(entry: Entry): void {
    if (entry.prev !== undefined) entry.prev.next = entry.next;
    else if (this.#head === entry) this.#head = entry.next;
    else return; // already removed
    if (entry.next !== undefined) entry.next.prev = entry.prev;
    entry.prev = undefined;
    entry.next = undefined;
    this.#size--;
  }

  /** The open requests, newest first. */
  *#entries(): Generator<Entry> {
    for (let e = this.#head; e !== undefined; e = e.next) yield e;
  }

  /** From now on responses close their connection, including those already being prepared. */
  closeConnections(): void {
    this.#closing = true;
    for (const { res } of this.#entries())
      if (!res.headersSent) res.setHeader('Connection', 'close');
  }

  get size(): number {
    return this.#size;
  }

  /** The requests still open, oldest first. */
  list(now: number = Date.now()): InFlightRequest[] {
    return [...this.#entries()]
      .sort((a, b) => a.startedAt - b.startedAt)
      .map(({ req, res, startedAt }) => {
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
