/**
 * The compiled scorer against onnxruntime on real exported models: bit-identical probabilities
 * and labels on the verification rows and on random rows with missing values and unseen
 * categories; graphs it does not know are refused with the reason.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportOnnx, prepareData, trainLogReg } from '@champion/trainer';
import { writeSynthCsv } from '@champion/tabular';
import { tempDir, writeFixtureModelDir } from '@champion/trainer/test-support';
import { loadModelDir } from '../load-model-dir.js';
import type { LoadedModel } from '../loaded-model.js';
import type { FeatureBatch } from '../types.js';
import { compileGraph, instantiate, NotCompilable } from './compile.js';
import { BRANCH_LEQ, type Ensemble } from './ensemble.js';
import { readOnnxGraph } from '@champion/onnx';
import { treesModule } from './wasm-trees.js';
import { verificationBatch, verifyCompiled } from './verify.js';

/** Random rows: numbers over several scales, ~10% missing, known and unseen categories. */
function randomBatch(model: LoadedModel, rows: number, seed: number): FeatureBatch {
  let state = seed;
  const random = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  const columns = model.model.features.map((feature) => {
    if (feature.type === 'numeric') {
      return Float32Array.from({ length: rows }, () =>
        random() < 0.1 ? NaN : (random() - 0.3) * 10 ** Math.floor(random() * 6),
      );
    }
    const categories = feature.categories ?? [];
    return Array.from({ length: rows }, () => {
      const u = random();
      if (u < 0.1) return '';
      if (u < 0.15) return `unseen-${Math.floor(random() * 5)}`;
      return categories[Math.floor(random() * categories.length)] ?? '';
    });
  });
  return { rows, columns };
}

describe('compiled scoring', () => {
  let tmp: { dir: string; cleanup: () => Promise<void> };
  let model: LoadedModel;

  beforeAll(async () => {
    tmp = await tempDir('compiled');
    const dir = await writeFixtureModelDir({ dir: join(tmp.dir, 'model'), trees: 60, rows: 3000 });
    model = await loadModelDir(dir, { name: 'credit', version: '1' });
  });
  afterAll(async () => {
    await model.retire();
    await tmp.cleanup();
  });

  const program = async (): Promise<ReturnType<typeof compileGraph>> =>
    compileGraph(readOnnxGraph(await readFile(join(model.model.dir, 'model.onnx'))));

  it('reads the trees, numeric thresholds and category keys from the graph', async () => {
    const compiled = await program();
    expect(compiled.trees).toBe(60);
    expect(compiled.splits).toBeGreaterThan(60);
    const categorical = compiled.inputs.filter((i) => i.kind === 'categorical');
    expect(categorical.map((i) => i.name)).toEqual(
      model.model.features.filter((f) => f.type === 'categorical').map((f) => f.name),
    );
    expect(compiled.inputs.some((i) => i.kind === 'numeric' && i.thresholds.length > 0)).toBe(true);
  });

  it('gives onnxruntime’s exact outputs on every verification row', async () => {
    const compiled = await program();
    const check = await verifyCompiled({ program: compiled, reference: (b) => model.run(b) });
    expect(check.rows).toBeGreaterThanOrEqual(2048);
    expect(check).toEqual({ rows: check.rows, mismatches: 0 });
  });

  it('gives onnxruntime’s exact outputs on random rows, strings given plainly or as codes', async () => {
    const score = instantiate(await program());
    const batch = randomBatch(model, 20_000, 7);
    const expected = await model.run(batch);
    const plain = score(batch.columns, batch.rows);
    expect(Array.from(plain.probability)).toEqual(Array.from(expected.probability));
    expect(Array.from(plain.label)).toEqual(Array.from(expected.label));
    expect(new Set(Array.from(plain.label))).toEqual(new Set([0n, 1n]));
    // As the scoring worker receives them: each string column as codes into its distinct values.
    const encoded = batch.columns.map((column) => {
      if (column instanceof Float32Array) return column;
      const dictionary = [...new Set(column)];
      const index = new Map(dictionary.map((v, i) => [v, i]));
      return { codes: Int32Array.from(column, (v) => index.get(v) ?? -1), dictionary };
    });
    const coded = score(encoded, batch.rows);
    expect(Array.from(coded.probability)).toEqual(Array.from(expected.probability));
  });

  it('reports the rows where a program and onnxruntime differ', async () => {
    const compiled = await program();
    // A program whose base score is off by a little: a verification must catch it.
    const tampered = {
      ...compiled,
      spec: { ...compiled.spec, base: compiled.spec.base + 1e-3 },
    };
    const check = await verifyCompiled({ program: tampered, reference: (b) => model.run(b) });
    expect(check.mismatches).toBeGreaterThan(0);
    expect(check.example).toMatch(/^row \d+: onnxruntime .* compiled /);
  });

  it('probes each threshold and its float32 neighbours', async () => {
    const compiled = await program();
    const batch = verificationBatch(compiled);
    const input = compiled.inputs.findIndex((i) => i.kind === 'numeric' && i.thresholds.length > 0);
    const spec = compiled.inputs[input];
    if (spec?.kind !== 'numeric') throw new Error('no numeric input with splits');
    const values = new Set(Array.from(batch.columns[input] as Float32Array));
    for (const t of spec.thresholds) {
      const below =
        values.has(Math.fround(t)) &&
        [...values].some((v) => v < t && v > t - Math.abs(t) * 1e-6 - 1e-40);
      expect({ t, below, exact: values.has(Math.fround(t)) }).toEqual({
        t,
        below: true,
        exact: true,
      });
    }
  });

  it('refuses a graph it does not know, saying which part', async () => {
    const csv = join(tmp.dir, 'lr.csv');
    await writeSynthCsv({ rows: 500, seed: 4, out: csv });
    const data = await prepareData({ path: csv, target: 'default', idColumns: ['id'], seed: 4 });
    const bytes = exportOnnx(trainLogReg(data.train, { params: {} }), {
      threshold: 0.5,
      positiveLabel: '1',
      schemaDigest: 'x',
      producerVersion: 'test',
    });
    expect(() => compileGraph(readOnnxGraph(bytes))).toThrow(NotCompilable);
    expect(() => compileGraph(readOnnxGraph(bytes))).toThrow(/operator|not supported/);
    expect(() => readOnnxGraph(new Uint8Array([0xff, 0xff, 0xff]))).toThrow(RangeError);
    // The same trees under another ai.onnx.ml opset, or with other outputs, are not compiled.
    const graph = readOnnxGraph(await readFile(join(model.model.dir, 'model.onnx')));
    expect(() => compileGraph(graph)).not.toThrow();
    const opsets = new Map(graph.opsets).set('ai.onnx.ml', 3);
    expect(() => compileGraph({ ...graph, opsets })).toThrow(/ai\.onnx\.ml opset 3, not 5/);
    const outputs = graph.outputs.filter((o) => o.name !== 'label');
    expect(() => compileGraph({ ...graph, outputs })).toThrow(/outputs are probability/);
  });

  it('refuses a tree whose nodes loop back, instead of generating code forever', () => {
    const ensemble: Ensemble = {
      roots: [0],
      columns: [0],
      leafWeights: [0.5],
      splits: [
        {
          feature: 0,
          mode: BRANCH_LEQ,
          value: 1,
          members: [],
          missingTrue: false,
          trueChild: 0, // back to the root
          trueIsLeaf: false,
          falseChild: 0,
          falseIsLeaf: true,
        },
      ],
    };
    expect(() => treesModule(ensemble, { width: 1, leafAt: 0 })).toThrow(/node 0 is reached twice/);
  });
});
