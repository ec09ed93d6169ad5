/**
 * The contract between `champion simulate`, the service and the inference store, end to end:
 * simulated traffic to a real `champion serve` lands in the store, the labels simulate sends to
 * POST /feedback join those records, and `champion monitor labels` adds labels from a file,
 * naming the request ids no record has.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MlflowClient } from 'mlflow-js-client';
import { openInferenceStore } from '@champion/inference-store';
import { waitFor200 } from '@champion/mlflow-server/test-support';
import { writeSynthCsv } from '@champion/tabular';
import {
  freePort,
  integrationClient,
  registerFixtureChampion,
  tempDir,
  uniqueName,
} from '@champion/trainer/test-support';
import { champion, startChampion, type CliProcess } from './run-cli.js';

const ROWS = 200;

describe('champion simulate → serve → inference store → monitor labels', () => {
  const name = uniqueName('sim-store');
  let client: MlflowClient;
  let tmp: { dir: string; cleanup: () => Promise<void> };
  let serve: CliProcess | undefined;

  beforeAll(async () => {
    client = integrationClient();
    tmp = await tempDir('sim-store');
    await registerFixtureChampion({ client, name, dir: join(tmp.dir, 'model') });
  }, 120_000);
  afterAll(async () => {
    serve?.child.kill('SIGKILL');
    await client.close();
    await tmp.cleanup();
  });

  it('stores every simulated record with its label, and labels from a file', async () => {
    const store = join(tmp.dir, 'store');
    const port = await freePort();
    const env = {
      CHAMPION_INFERENCE_STORE: store,
      CHAMPION_CACHE_DIR: join(tmp.dir, 'cache'),
      CHAMPION_DRAIN_DELAY_MS: '0',
    };
    serve = startChampion(['serve', '--name', name, '--port', String(port)], { env });
    const url = `http://127.0.0.1:${port}`;
    await waitFor200({ url: `${url}/readyz`, timeoutMs: 90_000 });
    const data = join(tmp.dir, 'credit.csv');
    await writeSynthCsv({ rows: 300, seed: 3, out: data });

    const sim = await champion(
      ['simulate', '--name', name, '--url', url, '--data', data, '--target', 'default'].concat([
        '--rows',
        String(ROWS),
        '--json',
      ]),
    );
    expect(sim.stderr).toBe('');
    expect(JSON.parse(sim.stdout.trim())).toMatchObject({
      ok: true,
      feedback: { labelsSent: ROWS, accepted: ROWS },
    });
    serve.child.kill('SIGTERM');
    await serve.done;

    const opened = await openInferenceStore({ setting: store });
    const scan = opened.scan();
    const ids: string[] = [];
    for await (const record of scan) ids.push(record.requestId);
    await opened.close();
    expect(scan.summary).toMatchObject({ records: ROWS, labelled: ROWS, corrupt: 0 });

    const labels = join(tmp.dir, 'labels.csv');
    await writeFile(labels, `request_id,label\n${ids[0]},1\nnever-served,0\n`);
    const run = await champion(['monitor', 'labels', '--file', labels, '--store', store]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 of 2 labels stored');
    expect(run.stdout).toContain('1 for unknown request ids (no served record): never-served');
  }, 180_000);
});
