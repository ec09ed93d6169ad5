import { ServingHttpError } from '../errors.js';
import { textLines } from './line-reader.js';

function chunks(...parts: (string | Buffer)[]): AsyncIterable<Buffer> {
  return (async function* () {
    for (const part of parts) {
      await Promise.resolve();
      yield Buffer.from(part);
    }
  })();
}

async function collect(source: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const line of source) out.push(line);
  return out;
}

describe('the bounded line reader', () => {
  it('splits lines across chunks, skips blank lines and keeps a last line without newline', async () => {
    const lines = await collect(
      textLines(chunks('{"a":1}\n{"a"', ':2}\r\n\n\n', '{"a":3}'), { maxLineBytes: 100 }),
    );
    expect(lines).toEqual(['{"a":1}', '{"a":2}', '{"a":3}']);
  });

  it('decodes a character split between chunks', async () => {
    const euro = Buffer.from('"€"\n');
    const lines = await collect(
      textLines(chunks(euro.subarray(0, 2), euro.subarray(2)), { maxLineBytes: 100 }),
    );
    expect(lines).toEqual(['"€"']);
  });

  it('refuses a long line naming its number and the limit, before the rest of it is read', async () => {
    let read = 0;
    async function* endless(): AsyncGenerator<Buffer> {
      yield Buffer.from('{"a":1}\n\n');
      for (;;) {
        await Promise.resolve();
        read++;
        if (read > 5) throw new Error('read past the limit');
        yield Buffer.alloc(40, 0x78);
      }
    }
    const error = await collect(textLines(endless(), { maxLineBytes: 100 })).catch(
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(ServingHttpError);
    expect((error as ServingHttpError).code).toBe('LINE_TOO_LONG');
    expect((error as ServingHttpError).message).toMatch(
      /^Line 3 .*\(100 bytes, CHAMPION_MAX_LINE_BYTES\)/,
    );
    expect(read).toBe(3);
  });

  it('accepts a line of exactly the limit', async () => {
    const line = 'x'.repeat(100);
    expect(await collect(textLines(chunks(`${line}\n`), { maxLineBytes: 100 }))).toEqual([line]);
  });
});
