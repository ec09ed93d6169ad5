/** `champion simulate` as a user runs it, against a recording stand-in of the service. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startRecordingService, type RecordingService } from '@champion/monitor/test-support';
import { tempDir } from '@champion/trainer/test-support';
import { champion } from './run-cli.js';

let dir: { dir: string; cleanup: () => Promise<void> };
let data: string;
let service: RecordingService | undefined;
const FEATURES = [
  { name: 'LIMIT_BAL', type: 'numeric' },
  { name: 'EDUCATION', type: 'categorical' },
] as const;

beforeAll(async () => {
  dir = await tempDir('cli-simulate');
  data = join(dir.dir, 'credit.csv');
  const rows = Array.from(
    { length: 120 },
    (_, i) => `${1000 * i},${1 + (i % 4)},${i % 5 === 0 ? 1 : 0}`,
  );
  await writeFile(data, ['LIMIT_BAL,EDUCATION,default', ...rows, ''].join('\n'));
});
afterAll(() => dir.cleanup());
afterEach(async () => {
  await service?.close();
  service = undefined;
});

const args = (url: string): string[] => [
  'simulate',
  '--name',
  'credit',
  '--url',
  url,
  '--data',
  data,
  '--target',
  'default',
];

it('prints a JSON summary of what it sent and exits 0 when everything was stored', async () => {
  service = await startRecordingService({ name: 'credit', features: FEATURES, apiKey: 'k' });
  const run = await champion(
    [...args(service.url), '--rows', '100', '--drift', 'LIMIT_BAL*1.4,EDUCATION=4@0.5', '--json'],
    { env: { CHAMPION_API_KEY: 'k' } },
  );
  expect(run.code).toBe(0);
  const summary = JSON.parse(run.stdout.trim()) as Record<string, unknown>;
  expect(summary).toMatchObject({
    event: 'simulated',
    ok: true,
    predict: { requests: 1, ok: 1, rowsOk: 100, failed: 0 },
    feedback: { labelsSent: 100, accepted: 100 },
    drift: [
      { term: 'LIMIT_BAL*1.4', rowsChanged: 100 },
      { term: 'EDUCATION=4@0.5', rowsChanged: expect.any(Number) },
    ],
  });
  expect(service.feedback).toHaveLength(100);
});

it('exits 1 and says how many requests failed when the service refuses some', async () => {
  service = await startRecordingService({
    name: 'credit',
    features: FEATURES,
    failPredict: (n) => n === 2,
  });
  const run = await champion([...args(service.url), '--rows', '100', '--batch-size', '25']);
  expect(run.code).toBe(1);
  expect(run.stdout).toContain('predict: 4 requests, 3 2xx, 1 failed (75 rows scored, 25 not)');
  expect(run.stdout).toContain('1 × HTTP 503: not ready');
  expect(run.stdout).toContain('NOT OK');
});

it('names the bad drift term before sending anything', async () => {
  service = await startRecordingService({ name: 'credit', features: FEATURES });
  const run = await champion([...args(service.url), '--rows', '10', '--drift', 'LIMIT_BAL^2']);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain("--drift term 'LIMIT_BAL^2'");
  expect(service.predictRequests).toBe(0);
});
