/**
 * Batch scoring end to end on a real (tiny) model and real files: rejects with reasons and exact
 * counts, shards that add up to the whole output, parity with the model's own scoring, Parquet.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readTable, writeParquet, writeSynthCsv } from '@champion/tabular';
import { tempDir, writeFixtureModelDir } from '@champion/trainer/test-support';
import { loadModelDir, type LoadedModel } from '@champion/runtime';
import { toFeatureBatch } from './feature-batch.js';
import { readColumnTypes } from './plan.js';
import { scoreBatch } from './score-batch.js';

const ROWS = 3000;

/** Output CSV lines (no quoting in these outputs) as records keyed by the kept id. */
async function outputById(path: string): Promise<Map<string, string>> {
  const [header, ...lines] = (await readFile(path, 'utf8')).trimEnd().split('\n');
  expect(header).toBe('id,probability,label,model_version');
  const byId = new Map<string, string>();
  for (const line of lines) {
    const id = line.slice(0, line.indexOf(','));
    expect(byId.has(id)).toBe(false); // no row twice
    byId.set(id, line);
  }
  return byId;
}

function csvLines(text: string): string[] {
  return text.trimEnd().split('\n');
}

describe('scoreBatch', () => {
  let tmp: { dir: string; cleanup: () => Promise<void> };
  let model: LoadedModel;
  let clean: string;
  let corrupted: string;
  let corruptedRows: Set<number>;

  beforeAll(async () => {
    tmp = await tempDir('batch-score');
    const modelDir = await writeFixtureModelDir({ dir: join(tmp.dir, 'model'), trees: 10 });
    model = await loadModelDir(modelDir, { name: 'credit', version: '3' });
    clean = join(tmp.dir, 'clean.csv');
    await writeSynthCsv({ rows: ROWS, seed: 11, out: clean });
    // 1% bad rows: half with text in a numeric column, half ragged (a field missing).
    const [header = '', ...rows] = csvLines(await readFile(clean, 'utf8'));
    const income = header.split(',').indexOf('income');
    corruptedRows = new Set<number>();
    const out = rows.map((line, i) => {
      if (i % 100 !== 7) return line;
      corruptedRows.add(i + 1);
      const fields = line.split(',');
      if (i % 200 === 7) fields[income] = 'lots';
      else fields.pop();
      return fields.join(',');
    });
    corrupted = join(tmp.dir, 'corrupted.csv');
    await writeFile(corrupted, `${[header, ...out].join('\n')}\n`);
  });
  afterAll(async () => {
    await model.retire();
    await tmp.cleanup();
  });

  it('creates the folders of the output and reject files', async () => {
    const output = join(tmp.dir, 'fresh', 'volume', 'part-0.csv');
    const rejectFile = join(tmp.dir, 'elsewhere', 'rejects.csv');
    const summary = await scoreBatch({ model, input: clean, output, rejectFile, keep: ['id'] });
    expect(summary.rowsScored).toBe(ROWS);
    expect((await outputById(output)).size).toBe(ROWS);
    expect(csvLines(await readFile(rejectFile, 'utf8'))).toEqual(['file,row,reason,record']);
  });

  it('sets corrupted rows aside with their reasons and scores all the others', async () => {
    const output = join(tmp.dir, 'corrupted-out.csv');
    const summary = await scoreBatch({ model, input: corrupted, output, keep: ['id'] });
    expect(summary.rowsRead).toBe(ROWS);
    expect(summary.rowsRejected).toBe(corruptedRows.size);
    expect(summary.rowsScored + summary.rowsRejected).toBe(ROWS);
    expect((await outputById(output)).size).toBe(ROWS - corruptedRows.size);
    const [header, ...rejects] = csvLines(await readFile(`${output}.rejects.csv`, 'utf8'));
    expect(header).toBe('file,row,reason,record');
    expect(rejects).toHaveLength(corruptedRows.size);
    const rejectedRows = rejects.map((line) => Number(line.split(',')[1]));
    expect(new Set(rejectedRows)).toEqual(corruptedRows);
    expect(rejects.filter((l) => l.includes("column income: 'lots' is not a number"))).toHaveLength(
      15,
    );
    expect(rejects.filter((l) => /fields but the header has/.test(l))).toHaveLength(15);
  });

  it('writes the probability and label the model itself gives for the same rows', async () => {
    const output = join(tmp.dir, 'parity.csv');
    await scoreBatch({ model, input: clean, output, keep: ['id'], chunkRows: 700 });
    const scored = await outputById(output);
    const header = csvLines(await readFile(clean, 'utf8'))[0]?.split(',') ?? [];
    const { table } = await readTable(clean, {
      columnTypes: readColumnTypes(header, model.model.features),
    });
    const direct = await model.run(toFeatureBatch(table, model.model.features));
    const ids = table.columns.find((c) => c.name === 'id');
    if (ids?.kind !== 'categorical') throw new Error('id is read as text');
    for (let r = 0; r < table.rowCount; r += 97) {
      const id = ids.dictionary[ids.codes[r] ?? -1] ?? '';
      const [, probability, label, version] = scored.get(id)?.split(',') ?? [];
      expect(Math.fround(Number(probability))).toBe(direct.probability[r]);
      expect(label).toBe(
        direct.label[r] === 1n ? model.model.target.positive : model.model.target.negative,
      );
      expect(version).toBe('3');
    }
  });

  it('writes the same bytes with the compiled model as with onnxruntime, and says which scored', async () => {
    const viaOrt = join(tmp.dir, 'engine-ort.csv');
    const viaJs = join(tmp.dir, 'engine-compiled.csv');
    const ort = await scoreBatch({
      model,
      input: corrupted,
      output: viaOrt,
      keep: ['id'],
      engine: 'onnxruntime',
    });
    const js = await scoreBatch({
      model,
      input: corrupted,
      output: viaJs,
      keep: ['id'],
      engine: 'compiled',
    });
    expect([ort.engine, js.engine]).toEqual(['onnxruntime', 'compiled']);
    expect(ort.engineNote).toBeUndefined();
    expect(await readFile(viaJs, 'utf8')).toBe(await readFile(viaOrt, 'utf8'));
    expect(js.rowsScored).toBe(ROWS - corruptedRows.size);
  });

  it('reads odd lines on the fast path exactly as the chunked reader does', async () => {
    // Unusual but valid numbers, missing tokens, unseen and non-ASCII categories, CRLF and blank
    // lines, rows of the wrong width and text in numbers: the workers' block parser must hand every line it
    // does not fully understand back to tabular's reader, so both paths write the same bytes.
    const [header = '', ...rows] = csvLines(await readFile(clean, 'utf8'));
    const names = header.split(',');
    const income = names.indexOf('income');
    const region = names.indexOf('region');
    const age = names.indexOf('age');
    const odd = [
      '007',
      '-0',
      '1e5',
      ' 4',
      '5.',
      '.5',
      'NA',
      'null',
      'N/A',
      'NaN',
      '-',
      'x',
      '12345678901234567',
      '20000.0',
      '-0.0',
      '12.50',
    ];
    const id = names.indexOf('id');
    const lines = rows.slice(0, 600).map((line, i) => {
      const fields = line.split(',');
      fields[income] = odd[i % odd.length] ?? '';
      if (i % 7 === 0) fields[region] = i % 14 === 0 ? 'atlantis' : 'NA';
      if (i % 11 === 0) fields[age] = '';
      // Text beyond ASCII (kept and as a category) and a CR inside a kept field.
      if (i % 13 === 5) fields[region] = 'Île-de-France';
      if (i % 17 === 2) fields[id] = `ü-${i}`;
      if (i % 60 === 8) fields[region] = 'north\rsouth';
      if (i % 50 === 3) fields.pop();
      if (i % 50 === 4) fields.push('extra');
      return fields.join(',');
    });
    const text = `${header}\r\n${lines.map((l, i) => (i % 9 === 0 ? `${l}\r\n\n` : `${l}\n`)).join('')}`;
    const input = join(tmp.dir, 'odd.csv');
    await writeFile(input, text.slice(0, -1)); // no line end after the last row
    const run = (engine: 'compiled' | 'onnxruntime', name: string) =>
      scoreBatch({
        model,
        input,
        output: join(tmp.dir, name),
        keep: ['id', 'income', 'region'],
        engine,
      });
    const fast = await run('compiled', 'odd-fast.csv');
    const chunked = await run('onnxruntime', 'odd-chunked.csv');
    expect(fast.rowsRejected).toBeGreaterThan(20);
    expect([fast.readers, chunked.readers]).toEqual([
      { workers: 1, main: 0 },
      { workers: 0, main: 1 },
    ]);
    // Same counts, files and model; only timings, paths and how they were read differ.
    const counted = ({ rowsRead, rowsScored, rowsRejected, files, model: m }: typeof fast) => ({
      rowsRead,
      rowsScored,
      rowsRejected,
      files,
      model: m,
    });
    expect(counted(fast)).toEqual(counted(chunked));
    const read = (name: string) => readFile(join(tmp.dir, name), 'utf8');
    expect(await read('odd-fast.csv')).toBe(await read('odd-chunked.csv'));
    expect(await read('odd-fast.csv.rejects.csv')).toBe(await read('odd-chunked.csv.rejects.csv'));
  });

  it('reads blocks of whole lines however long a line is', async () => {
    // Blocks are ~2 MB: a 5 MB kept field and a 3 MB header name cross several reads.
    const [header = '', ...rows] = csvLines(await readFile(clean, 'utf8'));
    const names = header.split(',');
    const id = names.indexOf('id');
    const long = rows.slice(0, 40).map((line, i) => {
      const fields = line.split(',');
      if (i === 17) fields[id] = 'x'.repeat(5 << 20);
      return fields.join(',');
    });
    const input = join(tmp.dir, 'long-lines.csv');
    const wide = [...names, 'y'.repeat(3 << 20)].join(',');
    await writeFile(input, `${wide}\n${long.map((l) => `${l},1`).join('\n')}`);
    const run = (engine: 'compiled' | 'onnxruntime', name: string) =>
      scoreBatch({ model, input, output: join(tmp.dir, name), keep: ['id'], engine });
    const fast = await run('compiled', 'long-fast.csv');
    await run('onnxruntime', 'long-chunked.csv');
    expect(fast.readers).toEqual({ workers: 1, main: 0 });
    expect([fast.rowsScored, fast.rowsRejected]).toEqual([40, 0]);
    const read = (name: string) => readFile(join(tmp.dir, name), 'utf8');
    const output = await read('long-fast.csv');
    expect(output).toBe(await read('long-chunked.csv'));
    expect(output.split('\n')[18]?.startsWith(`${'x'.repeat(5 << 20)},`)).toBe(true);
  });

  it('reads a file with quoted fields on the main thread, writing its rows once', async () => {
    // The workers start on the first blocks while the file is checked for quotes; a quote means
    // line ends may sit inside fields, so their work is dropped and tabular's reader takes over.
    const [header = '', ...rows] = csvLines(await readFile(clean, 'utf8'));
    const region = header.split(',').indexOf('region');
    const quoted = rows.map((line, i) => {
      if (i !== rows.length - 7) return line;
      const fields = line.split(',');
      fields[region] = `"so,\nuth"`;
      return fields.join(',');
    });
    const input = join(tmp.dir, 'late-quote.csv');
    await writeFile(input, `${[header, ...quoted].join('\n')}\n`);
    const run = (engine: 'compiled' | 'onnxruntime', name: string) =>
      scoreBatch({ model, input, output: join(tmp.dir, name), keep: ['id'], engine });
    const compiled = await run('compiled', 'late-quote-compiled.csv');
    const reference = await run('onnxruntime', 'late-quote-ort.csv');
    expect(compiled.readers).toEqual({ workers: 0, main: 1 });
    expect([compiled.rowsScored, compiled.rowsRejected]).toEqual([ROWS, 0]);
    const read = (name: string) => readFile(join(tmp.dir, name), 'utf8');
    expect(await read('late-quote-compiled.csv')).toBe(await read('late-quote-ort.csv'));
    expect(reference.rowsScored).toBe(ROWS);
  });

  it('splits one file into shards that together are exactly the unsharded output', async () => {
    // Quoted fields with line breaks must not move rows between shards.
    const [header = '', ...rows] = csvLines(await readFile(clean, 'utf8'));
    const region = header.split(',').indexOf('region');
    const quoted = rows.map((line, i) => {
      if (i % 50 !== 3) return line;
      const fields = line.split(',');
      fields[region] = `"so,\nuth"`;
      return fields.join(',');
    });
    const input = join(tmp.dir, 'quoted.csv');
    await writeFile(input, `${[header, ...quoted].join('\n')}\n`);
    const whole = join(tmp.dir, 'whole.csv');
    await scoreBatch({ model, input, output: whole, keep: ['id'] });
    const expected = await outputById(whole);
    const union = new Map<string, string>();
    for (let index = 0; index < 4; index++) {
      const part = join(tmp.dir, `shard-${index}.csv`);
      await scoreBatch({
        model,
        input,
        output: part,
        keep: ['id'],
        shard: { index, count: 4, blockRows: 128 },
        chunkRows: 500,
      });
      for (const [id, line] of await outputById(part)) {
        expect(union.has(id)).toBe(false);
        union.set(id, line);
      }
    }
    expect(expected.size).toBe(ROWS);
    expect(union).toEqual(expected);
  });

  it('splits a glob of files into shards that together are exactly the unsharded output', async () => {
    const text = csvLines(await readFile(clean, 'utf8'));
    const [header = '', ...rows] = text;
    for (let k = 0; k < 6; k++) {
      const part = rows.slice(k * 500, (k + 1) * 500);
      await writeFile(join(tmp.dir, `in-${k}.part.csv`), `${[header, ...part].join('\n')}\n`);
    }
    const input = join(tmp.dir, 'in-*.part.csv');
    const whole = join(tmp.dir, 'glob-whole.csv');
    await scoreBatch({ model, input, output: whole, keep: ['id'] });
    const expected = await outputById(whole);
    const union = new Map<string, string>();
    for (let index = 0; index < 4; index++) {
      const part = join(tmp.dir, `glob-shard-${index}.csv`);
      const summary = await scoreBatch({
        model,
        input,
        output: part,
        keep: ['id'],
        shard: { index, count: 4 },
      });
      expect(summary.files).toHaveLength(index < 2 ? 2 : 1);
      for (const [id, line] of await outputById(part)) {
        expect(union.has(id)).toBe(false);
        union.set(id, line);
      }
    }
    expect(expected.size).toBe(ROWS);
    expect(union).toEqual(expected);
  });

  it('reads Parquet and writes Parquet with the same scores as CSV', async () => {
    const header = csvLines(await readFile(clean, 'utf8'))[0]?.split(',') ?? [];
    const { table } = await readTable(clean, {
      categorical: ['id'],
      columnTypes: readColumnTypes(header, model.model.features),
    });
    const input = join(tmp.dir, 'in.parquet');
    await writeParquet(table, input);
    const output = join(tmp.dir, 'out.parquet');
    const summary = await scoreBatch({ model, input, output, keep: ['id'] });
    expect(summary.rowsScored).toBe(ROWS);
    const fromCsv = join(tmp.dir, 'parquet-reference.csv');
    await scoreBatch({ model, input: clean, output: fromCsv, keep: ['id'] });
    const reference = await outputById(fromCsv);
    const read = await readTable(output, { categorical: ['id', 'label', 'model_version'] });
    const column = (name: string) => read.table.columns.find((c) => c.name === name);
    const ids = column('id');
    const probability = column('probability');
    if (ids?.kind !== 'categorical' || probability?.kind !== 'numeric')
      throw new Error('bad columns');
    expect(read.table.rowCount).toBe(ROWS);
    for (let r = 0; r < ROWS; r += 61) {
      const id = ids.dictionary[ids.codes[r] ?? -1] ?? '';
      expect(String(probability.values[r])).toBe(reference.get(id)?.split(',')[1]);
    }
  });

  it('fails before scoring when a feature column is missing from the file', async () => {
    const [header = '', ...rows] = csvLines(await readFile(clean, 'utf8'));
    const drop = header.split(',').indexOf('income');
    const without = [header, ...rows.slice(0, 20)].map((l) =>
      l
        .split(',')
        .filter((_, i) => i !== drop)
        .join(','),
    );
    const input = join(tmp.dir, 'no-income.csv');
    await writeFile(input, `${without.join('\n')}\n`);
    await expect(
      scoreBatch({ model, input, output: join(tmp.dir, 'x.csv') }),
    ).rejects.toMatchObject({
      code: 'MISSING_COLUMNS',
      message: expect.stringMatching(/lacks the feature column income/) as unknown,
    });
  });
});
