/**
 * Acceptance: the official Open Inference Protocol client (tritonclient[http]) reads our server
 * and model metadata and gets from /v2 the probabilities /predict gives for the same rows.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MlflowClient } from 'mlflow-js-client';
import { startServer, type RunningServer } from '../src/server.js';
import { integrationClient, trainChampion, uniqueName } from '@champion/trainer/test-support';
import { tempDir } from '@champion/trainer/test-support';
import {
  available,
  peerPython,
  repoRoot,
  runPythonJson,
  sampleRecords,
  testConfig,
  servedModel,
} from './serving-fixtures.js';

const python = peerPython('tritonclient.http');
const run = available(
  'tritonclient[http]',
  python,
  'run `pnpm bench` once (it builds .venv-bench from packages/bench/requirements.txt) or set CHAMPION_PEERS_PYTHON to a Python with tritonclient[http]',
);

interface PeerResult {
  live: boolean;
  ready: boolean;
  modelReady: boolean;
  server: { name: string; version: string; extensions: string[] };
  model: { name: string; versions: string[]; inputs: { name: string }[] };
  probability: number[];
  labelDatatype: string;
  label: (number | string)[];
}

(run ? describe : describe.skip)('tritonclient[http] against /v2', () => {
  const name = uniqueName('triton');
  let client: MlflowClient;
  let tmp: { dir: string; cleanup: () => Promise<void> };
  let server: RunningServer;
  let expected: { probability: number; label: number | string }[];
  const results: Partial<Record<'json' | 'binary', PeerResult>> = {};
  let version: string;

  beforeAll(async () => {
    client = integrationClient();
    tmp = await tempDir('triton');
    ({ version } = await trainChampion({ client, name, dir: tmp.dir }));
    server = await startServer({ config: testConfig({ name, dir: tmp.dir }), client });
    const rows = sampleRecords(await servedModel(server.host), 12);
    const rowsPath = join(tmp.dir, 'rows.json');
    await writeFile(rowsPath, JSON.stringify(rows));
    const res = await fetch(`${server.url}/predict`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(rows),
    });
    expected = (await res.json()) as typeof expected;
    const script = join(repoRoot(), 'packages/serving/test/python/triton_peer.py');
    const address = server.url.replace(/^http:\/\//, '');
    for (const mode of ['json', 'binary'] as const) {
      results[mode] = await runPythonJson<PeerResult>({
        python: python ?? '',
        args: [script, address, name, rowsPath, mode === 'binary' ? '1' : '0'],
      });
    }
  });
  afterAll(async () => {
    await server.shutdown();
    await client.close();
    await tmp.cleanup();
  });

  it('sees a live and ready server and model', () => {
    expect(results.json).toMatchObject({ live: true, ready: true, modelReady: true });
  });

  it('reads the server and model metadata', () => {
    expect(results.json?.server.name).toEqual(expect.any(String));
    expect(results.json?.model).toMatchObject({ name, versions: [version] });
    const features = server.host.current()?.features.map((f) => f.name);
    expect(results.json?.model.inputs.map((i) => i.name)).toEqual(features);
  });

  it.each(['json', 'binary'] as const)(
    'gets the probabilities and labels /predict gives (%s tensors)',
    (mode) => {
      const result = results[mode];
      // The synthetic target is 0/1 (numeric): INT64 labels equal to /predict's.
      expect(result?.labelDatatype).toBe('INT64');
      expect(result?.label).toEqual(expected.map((p) => p.label));
      result?.probability.forEach((p, i) =>
        expect(p).toBeCloseTo(expected[i]?.probability ?? NaN, 6),
      );
    },
  );
});
