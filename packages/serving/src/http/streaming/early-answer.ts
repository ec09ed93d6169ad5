/**
 * What happens to the rest of a streamed body when POST /predict/batch answers early (a line too
 * long, a body over the limit, a bad header row). Closing at once makes the kernel reset a
 * connection the client is still sending on, and a reset can discard the answer before the
 * client reads it (measured: a 90 MB line got EPIPE and no 413 in 1 of 3 tries). So the rest is
 * read and dropped, keeping nothing, up to as many bytes as the body limit; past that, or when
 * Content-Length already announces more, the connection is closed.
 */
import type { Request, Response } from 'express';

/** Call before sending an early answer while `req` is still arriving. */
export function discardRestOfBody(options: { req: Request; res: Response; limit: number }): void {
  const { req, res, limit } = options;
  if (req.complete) return;
  const declared = Number(req.get('content-length') ?? NaN);
  if (declared > limit) {
    res.setHeader('Connection', 'close');
    return;
  }
  let dropped = 0;
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > limit) req.socket.destroy();
  });
  req.resume();
}
