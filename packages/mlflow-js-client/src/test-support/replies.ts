/** Replies of a broken or hostile server, for {@link FakeMlflow} routes. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { FakeReply } from './fake-mlflow.js';

/** Sends the headers at once, then the JSON body after `delayMs` (a server that stalls). */
export function slowJson(options: { json: unknown; delayMs: number }): FakeReply {
  return {
    handle: async (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.flushHeaders();
      // Unreferenced: a test ending first does not wait for this timer.
      await sleep(options.delayMs, undefined, { ref: false });
      if (!res.destroyed) res.end(JSON.stringify(options.json));
    },
  };
}

/**
 * Promises `declaredBytes` in Content-Length, sends only `body`, then drops the connection
 * (a server that dies mid-answer).
 */
export function truncatedBody(options: { body: string; declaredBytes: number }): FakeReply {
  return {
    handle: async (res) => {
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': String(options.declaredBytes),
      });
      await new Promise<void>((done) => res.write(options.body, () => done()));
      res.socket?.destroy();
    },
  };
}

/** A body of `bytes` bytes of JSON-looking padding, streamed (a server that never stops talking). */
export function hugeJson(options: { bytes: number }): FakeReply {
  return {
    handle: async (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      res.write('{"files":[');
      for (let sent = 0; sent < options.bytes && !res.destroyed; sent += chunk.length) {
        if (!res.write(chunk)) await new Promise((done) => res.once('drain', done));
      }
      res.end(']}');
    },
  };
}
