/**
 * Acceptance (issue 11): the HTTP abuse suite. A real server on a real champion answers hostile
 * requests on every route that takes a body (/predict, /predict/batch, /invocations in each
 * content type, /v2/models/NAME/infer, /admin/reload) with the expected 4xx (or a normal answer
 * where the input is merely odd), never a 500, always in the error format with no stack trace.
 * Also: /model/example holds no row of the training file, even for a model whose
 * input_example.json does (trained with `exampleRows: 'real'`, as models were before).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeSynthCsv } from '@champion/tabular';
import { train } from '@champion/trainer';
import { parse } from 'csv-parse/sync';
import { Secret, type MlflowClient } from 'mlflow-js-client';
import { startServer, type RunningServer } from '../src/server.js';
import { integrationClient, uniqueName } from '@champion/trainer/test-support';
import { tempDir } from '@champion/trainer/test-support';
import { rawRequest, type RawAnswer } from './raw-http.js';
import { servedModel, testConfig } from './serving-fixtures.js';
import { abuseCases, type AbuseCase, type Target } from './abuse-cases.js';

const KEY = 'abuse-test-key';
const MAX_BATCH_BODY = 4 * 1024 * 1024;

/** Training data and a champion whose stored input example is real rows of it. */
async function trainWithRealExample(options: {
  client: MlflowClient;
  name: string;
  dir: string;
}): Promise<string> {
  const csv = join(options.dir, 'train.csv');
  await writeSynthCsv({ rows: 1500, seed: 5, out: csv });
  const summary = await train({
    client: options.client,
    name: options.name,
    data: { path: csv, target: 'default', idColumns: ['id'], seed: 7 },
    candidates: 1,
    folds: 2,
    timeBudgetSeconds: 60,
    exampleRows: 'real',
  });
  await options.client.registry.aliases.set(
    { name: options.name, alias: 'champion' },
    summary.version ?? '1',
  );
  return csv;
}

/** The error body in the route's dialect: code, message and details, and no stack trace. */
function expectErrorBody(target: Target, answer: RawAnswer): void {
  expect(answer.text).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
  const body = JSON.parse(answer.text) as Record<string, unknown>;
  const inner = (target.dialect === 'v2' ? body : body['error']) as Record<string, unknown>;
  expect(typeof inner['code']).toBe('string');
  expect(Array.isArray(inner['details'])).toBe(true);
  const message = target.dialect === 'v2' ? body['error'] : inner['message'];
  expect(typeof message).toBe('string');
  expect(String(message).length).toBeGreaterThan(10);
}

function sameRow(record: Record<string, unknown>, row: Record<string, string>): boolean {
  return Object.entries(record).every(([name, value]) => {
    const cell = row[name] ?? '';
    if (typeof value === 'number') return cell !== '' && Number(cell) === value;
    return (value ?? '') === cell;
  });
}

describe('the HTTP abuse suite against a real server', () => {
  const name = uniqueName('abuse');
  let client: MlflowClient;
  let tmp: { dir: string; cleanup: () => Promise<void> };
  let server: RunningServer;
  let trainingRows: Record<string, string>[];
  let cases: readonly AbuseCase[];
  const answers: { name: string; answer: RawAnswer }[] = [];

  beforeAll(async () => {
    client = integrationClient();
    tmp = await tempDir('abuse');
    const csv = await trainWithRealExample({ client, name, dir: tmp.dir });
    trainingRows = parse<Record<string, string>>(await readFile(csv, 'utf8'), { columns: true });
    server = await startServer({
      config: {
        ...testConfig({ name, dir: tmp.dir }),
        apiKey: new Secret(KEY),
        maxBatchBodyBytes: MAX_BATCH_BODY,
      },
      client,
    });
    const model = await servedModel(server.host);
    const example = (await (await fetch(`${server.url}/model/example`)).json()) as Record<
      string,
      unknown
    >[];
    cases = abuseCases({ model, record: example[0] ?? {}, auth: `Bearer ${KEY}` });
  }, 240_000);
  afterAll(async () => {
    const counts = new Map<string, number>();
    for (const { answer } of answers) {
      const key = String(answer.status ?? answer.error);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    console.log(`abuse suite: ${answers.length} requests; answers by status`, counts);
    await server.shutdown();
    await client.close();
    await tmp.cleanup();
  });

  it('answers every hostile request as expected, in the error format, without a stack trace', async () => {
    const failures: string[] = [];
    for (const c of cases) {
      const answer = await rawRequest({ url: server.url, ...c.request });
      answers.push({ name: c.name, answer });
      if (answer.status === undefined || !c.expect.includes(answer.status)) {
        failures.push(
          `${c.name}: expected ${c.expect.join('|')}, got ${answer.status ?? answer.error} ${answer.text.slice(0, 300)}`,
        );
        continue;
      }
      if (answer.status >= 400) expectErrorBody(c.target, answer);
      if (c.check !== undefined) c.check(answer);
    }
    expect(failures).toEqual([]);
    expect(answers.length).toBeGreaterThan(80);
  });

  it('answered no request with a 5xx', () => {
    expect(answers.filter((a) => (a.answer.status ?? 0) >= 500).map((a) => a.name)).toEqual([]);
  });

  it('is still serving afterwards and no prototype was polluted', async () => {
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect((await fetch(`${server.url}/livez`)).status).toBe(200);
    const example = (await (await fetch(`${server.url}/model/example`)).json()) as unknown[];
    const res = await fetch(`${server.url}/predict`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify(example),
    });
    expect(res.status).toBe(200);
  });

  it('serves a /model/example that is no row of the training file, though the model stores real rows', async () => {
    const model = await servedModel(server.host);
    const stored = JSON.parse(await readFile(join(model.dir, 'input_example.json'), 'utf8')) as {
      columns: string[];
      data: unknown[][];
    };
    const storedRecord = Object.fromEntries(stored.columns.map((c, i) => [c, stored.data[0]?.[i]]));
    // The premise: this model's input_example.json is a training row.
    expect(trainingRows.some((row) => sameRow(storedRecord, row))).toBe(true);
    const served = (await (await fetch(`${server.url}/model/example`)).json()) as Record<
      string,
      unknown
    >[];
    expect(served.length).toBeGreaterThan(0);
    for (const record of served) {
      expect(Object.keys(record).sort()).toEqual(model.features.map((f) => f.name).sort());
      expect(trainingRows.filter((row) => sameRow(record, row))).toEqual([]);
    }
  });
});
