import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectoryStore, type ServedRecord } from '@champion/inference-store';
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
  store.append(
    [0, 1, 2].map((i) => ({
      requestId: `req-${i}`,
      model: 'credit',
      version: '1',
      features: { age: i },
      probability: 0.5,
      label: 'good',
      classes: ['good', 'bad'] as const,
    })),
  );
  await store.close();
  process.exitCode = undefined;
});
afterEach(async () => {
  process.exitCode = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function run(csv: string, ...extra: string[]): Promise<string[]> {
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
  const file = join(dir, 'labels.csv');
  await writeFile(file, csv);
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
    expect(await stored()).toEqual({ 'req-0': 'bad', 'req-1': undefined, 'req-2': 'good' });
    expect(process.exitCode).toBeUndefined();
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

  it('names the line of a bad row', async () => {
    await expect(run('request_id,label\nreq-0,bad\nhas space,bad\n')).rejects.toThrow(
      /labels\.csv, line 3: request_id: a request id is 1-200 characters/,
    );
  });

  it('names a header without the columns it needs', async () => {
    await expect(run('id,y\nreq-0,bad\n')).rejects.toThrow(/no request_id or no label column/);
  });
});
