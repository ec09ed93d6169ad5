import { join } from 'node:path';
import { tempDir, writeFixtureModelDir } from '@champion/trainer/test-support';
import { loadModelDir } from './load-model-dir.js';
import type { LoadedModel } from './loaded-model.js';
import type { FeatureBatch, ServedFeature } from './types.js';

/** Rows with varied values: spread numbers, known and unseen categories, missing values. */
function variedBatch(features: readonly ServedFeature[], rows: number): FeatureBatch {
  const columns = features.map((feature, f) => {
    if (feature.type === 'categorical') {
      const choices = [...(feature.categories ?? []), '', 'never-seen'];
      return Array.from({ length: rows }, (_, r) => choices[(r * (f + 3)) % choices.length] ?? '');
    }
    const lo = feature.min ?? 0;
    const span = (feature.max ?? 1) - lo || 1;
    return Float32Array.from({ length: rows }, (_, r) =>
      r % 17 === 0 ? NaN : lo + ((((r + 1) * (f + 7) * 7919) % 1000) / 1000) * span,
    );
  });
  return { rows, columns };
}

describe('the scoring engine of a loaded model', () => {
  let tmp: { dir: string; cleanup: () => Promise<void> };
  let dir: string;
  const opened: LoadedModel[] = [];

  beforeAll(async () => {
    tmp = await tempDir('runtime-engine');
    dir = await writeFixtureModelDir({ dir: join(tmp.dir, 'gbdt'), trees: 30 });
  });
  afterAll(async () => {
    await Promise.all(opened.map((m) => m.retire()));
    await tmp.cleanup();
  });

  it('scores gradient-boosted trees with the compiled engine, exactly as onnxruntime does', async () => {
    const loaded = await loadModelDir(dir, { name: 'credit', version: '1' });
    opened.push(loaded);
    expect(loaded.model.engine).toEqual({ kind: 'compiled' });
    const batch = variedBatch(loaded.model.features, 3000);
    const served = await loaded.score(batch);
    const reference = await loaded.run(batch);
    expect(Array.from(served.probability)).toEqual(Array.from(reference.probability));
    expect(Array.from(served.label)).toEqual(Array.from(reference.label));
  });

  it('keeps onnxruntime when asked to, and says so', async () => {
    const loaded = await loadModelDir(dir, { name: 'credit', version: '1', engine: 'onnxruntime' });
    opened.push(loaded);
    expect(loaded.model.engine).toEqual({
      kind: 'onnxruntime',
      reason: 'onnxruntime was asked for',
    });
  });
});
