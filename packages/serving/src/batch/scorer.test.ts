/**
 * The inference worker pool on a real (tiny) model: under jest the worker's onnxruntime-node is
 * located from the repository (scoreBatch's own lookup starts from the running program).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readTable, writeSynthCsv } from '@champion/tabular';
import { tempDir, writeFixtureModelDir } from '@champion/trainer/test-support';
import { loadModelDir, type LoadedModel, type FeatureBatch, compileGraph } from '@champion/runtime';
import { toFeatureBatch } from './feature-batch.js';
import { readColumnTypes } from './plan.js';
import { readOnnxGraph } from '@champion/onnx';
import { prestartScoringWorkers, workerScorer } from './scorer.js';

const ROWS = 20_000; // more than one worker run (8,192 rows), with a partial last run

describe('workerScorer', () => {
  let tmp: { dir: string; cleanup: () => Promise<void> };
  let model: LoadedModel;
  let batch: FeatureBatch;
  const ortPath = createRequire(join(process.cwd(), 'packages/serving/package.json')).resolve(
    'onnxruntime-node',
  );

  beforeAll(async () => {
    tmp = await tempDir('worker-scorer');
    const modelDir = await writeFixtureModelDir({ dir: join(tmp.dir, 'model'), trees: 10 });
    model = await loadModelDir(modelDir, { name: 'credit', version: '1' });
    const data = join(tmp.dir, 'data.csv');
    await writeSynthCsv({ rows: ROWS, seed: 5, out: data });
    const header = (await readFile(data, 'utf8')).split('\n', 1)[0]?.split(',') ?? [];
    const { table } = await readTable(data, {
      columnTypes: readColumnTypes(header, model.model.features),
    });
    batch = toFeatureBatch(table, model.model.features);
  });
  afterAll(async () => {
    await model.retire();
    await tmp.cleanup();
  });

  it('gives the same probabilities and labels as the model on the main thread', async () => {
    const scorer = await workerScorer({ model, ortPath, workers: 2 });
    try {
      const [fromWorkers, again] = await Promise.all([scorer.run(batch), scorer.run(batch)]);
      const direct = await model.run(batch);
      expect(fromWorkers.probability).toEqual(direct.probability);
      expect(fromWorkers.label).toEqual(direct.label);
      expect(again.probability).toEqual(direct.probability);
    } finally {
      await scorer.close();
    }
  });

  it('scores with workers started before the program, and stops the ones left unused', async () => {
    const program = compileGraph(
      readOnnxGraph(await readFile(join(model.model.dir, 'model.onnx'))),
    );
    const release = prestartScoringWorkers(3);
    const scorer = await workerScorer({ model, program, workers: 2 });
    try {
      const scores = await scorer.run(batch);
      const direct = await model.run(batch);
      expect(scores.probability).toEqual(direct.probability);
      expect(scores.label).toEqual(direct.label);
    } finally {
      await scorer.close();
    }
    // The scorer took two spares; the third was never given a program: release stops it, and a
    // second release has nothing left to stop.
    await expect(release()).resolves.toBe(1);
    await expect(release()).resolves.toBe(0);
  });
});
