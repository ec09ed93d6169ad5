import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { InFlightRequests } from './in-flight.js';

/** A response that records its headers and closes when told. */
class FakeResponse extends EventEmitter {
  headersSent = false;
  readonly headers = new Map<string, string>();
  setHeader(name: string, value: string): void {
    this.headers.set(name.toLowerCase(), value);
  }
  getHeader(name: string): string | undefined {
    return this.headers.get(name.toLowerCase());
  }
}

function exchange(url: string, id: string): { req: IncomingMessage; res: FakeResponse } {
  const res = new FakeResponse();
  res.setHeader('X-Request-Id', id);
  return { req: { method: 'POST', url } as IncomingMessage, res };
}

describe('InFlightRequests', () => {
  it('lists open requests oldest first and forgets each one once its response closes', () => {
    const inFlight = new InFlightRequests();
    const handle = inFlight.wrap(() => undefined);
    const open = ['a', 'b', 'c', 'd'].map((id, i) => exchange(`/predict?n=${i}`, id));
    for (const [i, { req, res }] of open.entries()) {
      handle(req, res as unknown as ServerResponse);
      expect(inFlight.size).toBe(i + 1);
    }
    // Close the newest, one in the middle, then the oldest: the list stays whole each time.
    for (const closing of [3, 1, 0]) {
      open[closing]?.res.emit('close');
      open[closing]?.res.emit('close'); // a second close changes nothing
    }
    expect(inFlight.size).toBe(1);
    expect(inFlight.list(Date.now())).toEqual([
      { method: 'POST', path: '/predict', requestId: 'c', ageMs: expect.any(Number) },
    ]);
    open[2]?.res.emit('close');
    expect(inFlight.size).toBe(0);
    expect(inFlight.list()).toEqual([]);
  });

  it('once closing, sets Connection: close on open responses not yet started, and on new ones', () => {
    const inFlight = new InFlightRequests();
    const handle = inFlight.wrap(() => undefined);
    const [started, waiting, later] = ['s', 'w', 'l'].map((id) => exchange('/predict', id));
    if (!started || !waiting || !later) throw new Error('exchanges');
    handle(started.req, started.res as unknown as ServerResponse);
    handle(waiting.req, waiting.res as unknown as ServerResponse);
    started.res.headersSent = true;
    inFlight.closeConnections();
    handle(later.req, later.res as unknown as ServerResponse);
    expect(started.res.getHeader('connection')).toBeUndefined();
    expect(waiting.res.getHeader('connection')).toBe('close');
    expect(later.res.getHeader('connection')).toBe('close');
  });
});
