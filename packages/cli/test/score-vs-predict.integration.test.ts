/**
 * Acceptance: a 1,000-row sample of `champion score`'s output equals `POST /predict` on the same
 * rows. Everything is real: a GBDT trained and exported to ONNX by @champion/trainer, registered
 * in the integration MLflow server, `champion score` and `champion serve` as child processes
 * (onnxruntime-node in each), and a client that posts the sampled input rows as JSON records.
 *
 * Both score `models:/NAME@champion`: `champion serve` only follows registry aliases, and
 * `champion score --model <folder>` labels its rows `model_version=local`, so the registry URI is
 * what makes the model version comparable.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRng, writeSynthCsv } from '@champion/tabular';
import type { MlflowClient } from 'mlflow-js-client';
import {
  freePort,
  integrationClient,
  registerDir,
  uniqueName,
} from '@champion/trainer/test-support';
import { tempDir, writeFixtureModelDir } from '@champion/trainer/test-support';
import { spawnChild, waitFor200, type Child } from '@champion/mlflow-server/test-support';
import { champion, type CliRun } from './run-cli.js';

const INPUT_ROWS = 50_000;
const SAMPLE_ROWS = 1_000;
/** A client sends the sample in a few requests, well under the 1 MB body limit each. */
const ROWS_PER_REQUEST = 250;
const SAMPLE_SEED = 20_240_611;

/** One /predict answer (see the OpenAPI document). */
interface Prediction {
  id?: number | string;
  probability: number;
  label: string | number;
  label_index: 0 | 1;
  model: { name: string; version: string };
}

interface SchemaFeature {
  name: string;
  type: 'numeric' | 'categorical';
}

/** A CSV file as header + rows of fields. The synthetic data has no quoted fields. */
function parseCsv(text: string): { header: string[]; rows: string[][] } {
  if (text.includes('"')) throw new Error('quoted CSV fields are not expected here');
  const [first = '', ...lines] = text.trimEnd().split('\n');
  return { header: first.split(','), rows: lines.map((line) => line.split(',')) };
}

/**
 * One random row in each of SAMPLE_ROWS equal strata of the input: a seeded sample spread over
 * the whole file (every chunk the scorer reads), not its first rows.
 */
function stratifiedSample(rows: number, size: number, seed: number): number[] {
  const rng = createRng(seed);
  const stride = Math.floor(rows / size);
  return Array.from({ length: size }, (_, k) => k * stride + rng.int(stride));
}

/** A record as a client builds it from a CSV row: numbers as numbers, text as text, '' → null. */
function toRecord(options: {
  row: readonly string[];
  header: readonly string[];
  features: readonly SchemaFeature[];
}): Record<string, unknown> {
  const { row, header, features } = options;
  const field = (name: string): string => {
    const at = header.indexOf(name);
    if (at < 0) throw new Error(`the input has no column ${name}`);
    return row[at] ?? '';
  };
  const record: Record<string, unknown> = { id: Number(field('id')) };
  for (const f of features) {
    const text = field(f.name);
    record[f.name] = text === '' ? null : f.type === 'numeric' ? Number(text) : text;
  }
  return record;
}

async function postPredict(url: string, records: unknown[]): Promise<Prediction[]> {
  const res = await fetch(`${url}/predict`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(records),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`POST /predict answered ${res.status}: ${text}`);
  return JSON.parse(text) as Prediction[];
}

describe('champion score and POST /predict on the same rows', () => {
  const name = uniqueName('score-vs-predict');
  let client: MlflowClient | undefined;
  let tmp: { dir: string; cleanup: () => Promise<void> } | undefined;
  let serve: Child | undefined;
  let url: string;
  let version: string;
  let input: string;
  let output: string;
  let run: CliRun;

  beforeAll(async () => {
    client = integrationClient();
    tmp = await tempDir('score-vs-predict');
    const { dir } = tmp;
    const modelDir = await writeFixtureModelDir({ dir: join(dir, 'model'), trees: 40 });
    const experiment = await client.experiments.getOrCreate({ name });
    await client.registry.models.getOrCreate({ name });
    version = await registerDir({
      client,
      name,
      experimentId: experiment.experiment_id,
      dir: modelDir,
    });
    await client.registry.aliases.set({ name, alias: 'champion' }, version);
    input = join(dir, 'input.csv');
    // Another seed than the training data's: rows the model has not seen.
    await writeSynthCsv({ rows: INPUT_ROWS, seed: 99, out: input });
    output = join(dir, 'scored.csv');

    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const started = spawnChild({
      command: process.execPath,
      args: [
        ...['--import', 'tsx', '--conditions=@champion/source', 'packages/cli/src/main.ts'],
        ...['serve', '--name', name, '--port', String(port)],
      ],
      env: {
        LOG_LEVEL: 'error',
        // No load balancer to wait for: stop at once on SIGTERM.
        CHAMPION_DRAIN_DELAY_MS: '0',
        CHAMPION_CACHE_DIR: join(dir, 'serve-cache'),
        CHAMPION_INFERENCE_LOG_DIR: join(dir, 'inference-log'),
      },
    });
    serve = started;
    // The scorer and the service start side by side; neither waits for the other.
    [run] = await Promise.all([
      champion([
        '--json',
        ...['score', '--model', `models:/${name}@champion`],
        ...['--input', input, '--output', output, '--keep', 'id'],
      ]),
      waitFor200({ url: `${url}/readyz`, timeoutMs: 90_000, why: started.output }),
    ]);
  }, 180_000);

  afterAll(async () => {
    if (serve !== undefined) {
      serve.kill('SIGTERM');
      const timer = setTimeout(() => serve?.kill('SIGKILL'), 5000);
      await serve.exited;
      clearTimeout(timer);
    }
    await client?.close();
    await tmp?.cleanup();
  });

  it('scores every input row and prints a summary whose counts add up', async () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      event: 'scored',
      rowsRead: INPUT_ROWS,
      rowsScored: INPUT_ROWS,
      rowsRejected: 0,
      rejectShare: 0,
      output,
      model: { name, version },
    });
    const scored = parseCsv(await readFile(output, 'utf8'));
    expect(scored.header).toEqual(['id', 'probability', 'label', 'model_version']);
    expect(scored.rows).toHaveLength(INPUT_ROWS);
  });

  it('gives every sampled row the id, probability, label and version /predict gives it', async () => {
    const source = parseCsv(await readFile(input, 'utf8'));
    const scored = parseCsv(await readFile(output, 'utf8'));
    const byId = new Map(scored.rows.map((row) => [row[0] ?? '', row]));
    expect(byId.size).toBe(INPUT_ROWS);
    const schema = (await (await fetch(`${url}/model/schema`)).json()) as {
      features: SchemaFeature[];
    };
    const sample = stratifiedSample(INPUT_ROWS, SAMPLE_ROWS, SAMPLE_SEED);
    const records = sample.map((at) =>
      toRecord({ row: source.rows[at] ?? [], header: source.header, features: schema.features }),
    );
    const predictions: Prediction[] = [];
    for (let start = 0; start < records.length; start += ROWS_PER_REQUEST) {
      predictions.push(...(await postPredict(url, records.slice(start, start + ROWS_PER_REQUEST))));
    }
    expect(predictions).toHaveLength(SAMPLE_ROWS);

    const mismatches: string[] = [];
    predictions.forEach((p, i) => {
      const sentId = records[i]?.['id'];
      const line = byId.get(String(p.id));
      const [id, probability, label, modelVersion] = line ?? [];
      // The CSV writer prints the float32 probability (widened to a double) with String(), the
      // shortest text that reads back as the same double; res.json does the same. So Number()
      // of the CSV text and the JSON number must be the very same float32 value.
      const same =
        p.id === sentId &&
        id === String(sentId) &&
        Number(probability) === p.probability &&
        Math.fround(p.probability) === p.probability &&
        label === String(p.label) &&
        modelVersion === p.model.version &&
        p.model.version === version;
      if (!same)
        mismatches.push(
          `id ${String(sentId)}: score ${JSON.stringify(line)} vs /predict ${JSON.stringify(p)}`,
        );
    });
    expect(mismatches).toEqual([]);
    // A sample that misses the end of the file, missing values or a label would prove little.
    expect(Math.max(...sample)).toBeGreaterThan(INPUT_ROWS * 0.99);
    expect(records.filter((r) => Object.values(r).includes(null)).length).toBeGreaterThan(50);
    expect(new Set(predictions.map((p) => p.label)).size).toBe(2);
  });
});
