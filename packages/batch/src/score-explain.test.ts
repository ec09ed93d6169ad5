/**
 * `scoreBatch` with `explainTop` (`champion score --explain topN`): every scored row gets its N
 * strongest reasons, each the feature whose contribution it is, ordered by magnitude, matching
 * the model's own explanations of the same rows; a model without an explainer is refused.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readTable, writeSynthCsv } from '@champion/tabular';
import { tempDir, writeFixtureModelDir } from '@champion/trainer/test-support';
import { loadModelDir, type LoadedModel } from '@champion/runtime';
import { toFeatureBatch } from './feature-batch.js';
import { readColumnTypes } from './plan.js';
import { scoreBatch } from './score-batch.js';

const ROWS = 500;

describe('scoreBatch --explain', () => {
  let tmp: { dir: string; cleanup: () => Promise<void> };
  let model: LoadedModel;
  let old: LoadedModel;
  let input: string;

  beforeAll(async () => {
    tmp = await tempDir('batch-explain');
    model = await loadModelDir(
      await writeFixtureModelDir({ dir: join(tmp.dir, 'model'), trees: 10 }),
      {
        name: 'credit',
        version: '3',
      },
    );
    old = await loadModelDir(
      await writeFixtureModelDir({ dir: join(tmp.dir, 'old'), trees: 10, explainer: false }),
      { name: 'credit', version: '2' },
    );
    input = join(tmp.dir, 'input.csv');
    await writeSynthCsv({ rows: ROWS, seed: 4, out: input });
  });
  afterAll(async () => {
    await Promise.all([model.retire(), old.retire()]);
    await tmp.cleanup();
  });

  it('adds reason_k and reason_k_contribution, strongest first, as the model explains the rows', async () => {
    const output = join(tmp.dir, 'explained.csv');
    const summary = await scoreBatch({ model, input, output, keep: ['id'], explainTop: 3 });
    expect(summary.rowsScored).toBe(ROWS);
    const [header = '', ...lines] = (await readFile(output, 'utf8')).trimEnd().split('\n');
    expect(header).toBe(
      'id,probability,label,model_version,reason_1,reason_1_contribution,reason_2,reason_2_contribution,reason_3,reason_3_contribution',
    );
    expect(lines).toHaveLength(ROWS);
    // The model's own explanations of the same rows.
    const inputHeader = (await readFile(input, 'utf8')).split('\n')[0]?.split(',') ?? [];
    const { table } = await readTable(input, {
      columnTypes: readColumnTypes(inputHeader, model.model.features),
    });
    const explained = await model.explain(toFeatureBatch(table, model.model.features));
    if (!explained.available) throw new Error(explained.reason);
    const names = model.model.features.map((f) => f.name);
    lines.forEach((line, row) => {
      const cells = line.split(',');
      const reasons = [4, 6, 8].map((at) => ({
        name: cells[at] ?? '',
        value: Number(cells[at + 1]),
      }));
      reasons.forEach((r, k) => {
        const f = names.indexOf(r.name);
        expect(f).toBeGreaterThanOrEqual(0);
        expect(r.value).toBeCloseTo(
          explained.value.contributions[row * names.length + f] ?? NaN,
          9,
        );
        if (k > 0)
          expect(Math.abs(r.value)).toBeLessThanOrEqual(Math.abs(reasons[k - 1]?.value ?? NaN));
      });
      expect(new Set(reasons.map((r) => r.name)).size).toBe(3);
    });
  });

  it('refuses a model without an explainer, saying why', async () => {
    await expect(
      scoreBatch({ model: old, input, output: join(tmp.dir, 'old.csv'), explainTop: 2 }),
    ).rejects.toThrow(/cannot explain.*champion\/explainer.json/);
  });
});
