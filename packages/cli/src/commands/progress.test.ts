/**
 * The progress line: silent with --json (and without formatting anything), one line per event
 * when stderr is not a terminal, rewritten in place on a terminal.
 */
import { PassThrough } from 'node:stream';
import { createProgress } from './progress.js';

function capture(isTTY: boolean): { stream: NodeJS.WriteStream; written: () => string } {
  const stream = new PassThrough();
  let out = '';
  stream.on('data', (chunk: Buffer) => (out += chunk.toString()));
  Object.assign(stream, { isTTY, columns: 60 });
  return { stream: stream as unknown as NodeJS.WriteStream, written: () => out };
}

describe('createProgress', () => {
  it('with --json writes nothing and never formats the message', () => {
    const { stream, written } = capture(true);
    const progress = createProgress({ json: true, stream });
    const message = jest.fn(() => 'never shown');
    progress.update(message);
    progress.done();
    expect(message).not.toHaveBeenCalled();
    expect(written()).toBe('');
  });

  it('writes one line per update when stderr is not a terminal', () => {
    const { stream, written } = capture(false);
    const progress = createProgress({ json: false, stream });
    progress.update('1 rows read');
    progress.update(() => '2 rows read');
    progress.done();
    const lines = written().trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\s*\d+\.\ds {2}1 rows read$/);
    expect(lines[1]).toMatch(/2 rows read$/);
  });

  it('rewrites one line in place on a terminal, cut to its width, and ends it when done', () => {
    const { stream, written } = capture(true);
    const progress = createProgress({ json: false, stream });
    progress.update(() => `many rows ${'x'.repeat(100)}`);
    progress.done();
    const out = written();
    expect(out.startsWith('\r\x1b[2K')).toBe(true);
    expect(out.endsWith('\n')).toBe(true);
    expect(out.trimEnd().length).toBeLessThanOrEqual('\r\x1b[2K'.length + 59);
  });
});
