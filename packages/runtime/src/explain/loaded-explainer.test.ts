/**
 * Explanations of loaded model folders (the trainer's fixture: numeric and categorical features),
 * held to what onnxruntime scores: base + Σ contributions = logit(probability) for a GBDT and a
 * logistic regression; a file that does not belong to the model is caught on load.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir, writeFixtureModelDir } from '@champion/trainer/test-support';
import { loadModelDir } from '../load-model-dir.js';
import type { LoadedModel } from '../loaded-model.js';
import { syntheticBatch } from '../warm-up.js';

const logit = (p: number): number => Math.log(p / (1 - p));

describe('a loaded model’s explanations', () => {
  let tmp: { dir: string; cleanup: () => Promise<void> };
  const opened: LoadedModel[] = [];
  beforeAll(async () => {
    tmp = await tempDir('loaded-explainer');
  });
  afterAll(async () => {
    await Promise.all(opened.map((m) => m.retire()));
    await tmp.cleanup();
  });

  async function load(options: { learner: 'gbdt' | 'logreg'; dir: string }): Promise<LoadedModel> {
    const dir = await writeFixtureModelDir({
      dir: join(tmp.dir, options.dir),
      learner: options.learner,
    });
    const loaded = await loadModelDir(dir, { name: 'credit', version: '1' });
    opened.push(loaded);
    return loaded;
  }

  it.each(['gbdt', 'logreg'] as const)(
    '%s: add up to the log-odds of onnxruntime’s probability on every row',
    async (learner) => {
      const loaded = await load({ learner, dir: learner });
      expect(loaded.model.explanations).toEqual({
        available: true,
        method: learner === 'gbdt' ? 'tree_shap' : 'linear',
      });
      const batch = syntheticBatch(loaded.model.features, 200);
      const { probability } = await loaded.run(batch);
      const explained = await loaded.explain(batch);
      if (!explained.available) throw new Error(explained.reason);
      const { baseValue, contributions } = explained.value;
      const count = loaded.model.features.length;
      let worst = 0;
      for (let r = 0; r < batch.rows; r++) {
        let sum = baseValue;
        for (let f = 0; f < count; f++) sum += contributions[r * count + f] ?? NaN;
        worst = Math.max(worst, Math.abs(sum - logit(probability[r] ?? NaN)));
      }
      // onnxruntime's float32 probability against our double log-odds.
      expect(worst).toBeLessThan(1e-5);
    },
  );

  it('refuses an explainer file that does not reproduce model.onnx, and still serves', async () => {
    const dir = await writeFixtureModelDir({ dir: join(tmp.dir, 'tampered') });
    const path = join(dir, 'champion', 'explainer.json');
    const file = JSON.parse(await readFile(path, 'utf8')) as { base_score: number };
    await writeFile(path, JSON.stringify({ ...file, base_score: file.base_score + 1 }));
    const loaded = await loadModelDir(dir, { name: 'credit', version: '2' });
    opened.push(loaded);
    expect(loaded.model.explanations).toEqual({
      available: false,
      reason: expect.stringContaining('does not reproduce model.onnx'),
    });
    const { probability } = await loaded.run(syntheticBatch(loaded.model.features, 3));
    expect(probability).toHaveLength(3);
  });
});
