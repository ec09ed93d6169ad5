import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectoryStore, type ServedRecord } from '@champion/inference-store';
import { writeParquet, type Table } from '@champion/tabular';
import type { CliContext } from '../context.js';
import { createProgram } from '../program.js';

const silent = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'monitor-labels-'));
  const store = new DirectoryStore({ dir: join(dir, 'store') });
  store.append([
    ...[0, 1, 2].map((i) => ({
      requestId: `req-${i}`,
      model: 'credit',
      version: '1',
      features: { age: i },
      probability: 0.5,
      label: 'good',
      classes: ['good', 'bad'] as const,
    })),
    // Integer-looking ids and classes: read as text, `007` stays `007` and `1` matches `1`.
    ...['007', '8'].map((requestId) => ({
      requestId,
      model: 'credit',
      version: '1',
      features: { age: 1 },
      probability: 0.5,
      label: '0',
      classes: ['0', '1'] as const,
    })),
  ]);
  await store.close();
  process.exitCode = undefined;
});
afterEach(async () => {
  process.exitCode = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function run(csv: string | Table, ...extra: string[]): Promise<string[]> {
  const results: string[] = [];
  const context = {
    config: { LOG_LEVEL: 'info' },
    logger: silent,
    output: {
      result: ({ text, data, json }: { text: string; data: unknown; json: boolean }) =>
        results.push(json ? JSON.stringify(data) : text),
    },
    services: {},
    shutdownSignal: () => Promise.resolve('SIGINT'),
  } as unknown as CliContext;
  const file = join(dir, typeof csv === 'string' ? 'labels.csv' : 'labels.parquet');
  if (typeof csv === 'string') await writeFile(file, csv);
  else await writeParquet(csv, file);
  const program = createProgram({ context, writeOut: () => undefined, writeErr: () => undefined });
  await program.parseAsync([
    ...['node', 'champion', 'monitor', 'labels', '--file', file],
    ...['--store', join(dir, 'store'), ...extra],
  ]);
  return results;
}

async function stored(): Promise<Record<string, string | undefined>> {
  const store = new DirectoryStore({ dir: join(dir, 'store') });
  const out: Record<string, string | undefined> = {};
  for await (const r of store.scan() as AsyncIterable<ServedRecord>) out[r.requestId] = r.trueLabel;
  await store.close();
  return out;
}

describe('champion monitor labels', () => {
  it('stores the labels of a CSV file and names unknown request ids', async () => {
    const [text] = await run('request_id,label\nreq-0,bad\nreq-2,good\nghost-1,bad\n');
    expect(text).toContain('2 of 3 labels stored');
    expect(text).toContain('1 for unknown request ids (no served record): ghost-1');
    expect(await stored()).toMatchObject({ 'req-0': 'bad', 'req-1': undefined, 'req-2': 'good' });
    expect(process.exitCode).toBeUndefined();
  });

  it('reads request ids and labels as the text written: 007 stays 007, 1 matches the class 1', async () => {
    const [text] = await run('request_id,label,note\n007,1,NA\n8,NA,x\n');
    expect(text).toContain('1 of 2 labels stored');
    expect(text).toMatch(/8: .*"NA"/);
    expect(await stored()).toMatchObject({ '007': '1', '8': undefined });
  });

  it('reads a Parquet file by the same rules', async () => {
    const table: Table = {
      rowCount: 2,
      columns: [
        {
          name: 'request_id',
          kind: 'categorical',
          codes: Int32Array.of(0, 1),
          dictionary: ['req-1', '007'],
        },
        {
          name: 'label',
          kind: 'categorical',
          codes: Int32Array.of(0, 1),
          dictionary: ['bad', '1'],
        },
      ],
    };
    const [text] = await run(table);
    expect(text).toContain('2 of 2 labels stored');
    expect(await stored()).toMatchObject({ 'req-1': 'bad', '007': '1' });
  });

  it('prints one JSON object with --json, and fails when nothing was stored', async () => {
    const [json] = await run('request_id,label\nreq-0,maybe\n', '--json');
    expect(JSON.parse(json ?? '')).toMatchObject({
      rows: 1,
      accepted: 0,
      unknown: [],
      invalid: [{ request_id: 'req-0', problem: expect.stringContaining('"maybe"') }],
    });
    expect(process.exitCode).toBe(1);
  });

  it('names the row of a bad row', async () => {
    await expect(run('request_id,label\nreq-0,bad\nhas space,bad\n')).rejects.toThrow(
      /labels\.csv, row 2 \(data rows counted from 1, header excluded\): request_id: a request id is 1-200 characters/,
    );
  });

  it('names the row and column of a row with an empty label', async () => {
    await expect(run('request_id,label\nreq-0,bad\nreq-1,\n')).rejects.toThrow(
      /labels\.csv, row 2 .*: label: /,
    );
  });

  it('names a header without the columns it needs', async () => {
    await expect(run('id,y\nreq-0,bad\n')).rejects.toThrow(/no request_id or no label column/);
  });
});
