import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProfile, type Table, type TableSchema } from '@champion/tabular';
import { readMLmodel } from 'mlflow-js-client';
import { writeModelDir, type ModelDirContents } from './model-dir.js';

const table: Table = {
  rowCount: 5,
  columns: [
    { kind: 'numeric', name: 'age', values: new Float64Array([21, 35, 40, 58, 63]) },
    {
      kind: 'categorical',
      name: 'region',
      dictionary: ['east', 'north'],
      codes: new Int32Array([1, 0, 1, 1, -1]),
    },
  ],
};

const schema: TableSchema = {
  features: [
    { name: 'age', type: 'numeric' },
    { name: 'region', type: 'categorical' },
  ],
  target: { name: 'default', positive: 'yes', negative: 'no' },
  idColumns: [],
  excluded: [],
};

function contents(
  dir: string,
  example: ModelDirContents['example'],
  signatureTypes: ModelDirContents['signatureTypes'] = { age: 'any', region: 'string' },
): ModelDirContents {
  return {
    dir,
    modelId: 'm-1',
    onnx: new Uint8Array([1, 2, 3]),
    features: [
      { name: 'age', kind: 'numeric' },
      { name: 'region', kind: 'categorical', categories: ['east', 'north'] },
    ],
    signatureTypes,
    example,
    schema: {},
    profile: buildProfile(table, schema),
    metrics: {},
    plots: {},
    metadata: { threshold: '0.5' },
  };
}

describe('the model folder input example', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'model-dir-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('is one synthetic record by default: the median and the most frequent category', async () => {
    await writeModelDir(contents(dir, { source: 'synthetic' }));
    const example = JSON.parse(await readFile(join(dir, 'input_example.json'), 'utf8'));
    expect(example).toEqual({ columns: ['age', 'region'], data: [[40, 'north']] });
    const serving = JSON.parse(await readFile(join(dir, 'serving_input_example.json'), 'utf8'));
    expect(serving).toEqual({ dataframe_split: example });
    expect((await readMLmodel(join(dir, 'MLmodel'))).metadata).toMatchObject({
      input_example: 'synthetic',
      threshold: '0.5',
    });
  });

  it('gives a long column of the signature a whole number, as MLflow requires', async () => {
    const even: Table = {
      rowCount: 4,
      columns: [{ kind: 'numeric', name: 'age', values: new Float64Array([21, 36, 41, 58]) }],
    };
    const evenSchema: TableSchema = { ...schema, features: [{ name: 'age', type: 'numeric' }] };
    await writeModelDir({
      ...contents(dir, { source: 'synthetic' }, { age: 'long' }),
      features: [{ name: 'age', kind: 'numeric' }],
      profile: buildProfile(even, evenSchema),
    });
    const example = JSON.parse(await readFile(join(dir, 'input_example.json'), 'utf8')) as {
      data: number[][];
    };
    const age = example.data[0]?.[0] ?? NaN;
    expect(age).toBe(Math.round(age));
    expect(Math.abs(age - 38.5)).toBeLessThanOrEqual(0.5);
  });

  it('keeps a double median readable: no float noise from averaging two values', async () => {
    const rates: Table = {
      rowCount: 2,
      columns: [{ kind: 'numeric', name: 'rate', values: new Float64Array([9.93, 9.94]) }],
    };
    const rateSchema: TableSchema = { ...schema, features: [{ name: 'rate', type: 'numeric' }] };
    await writeModelDir({
      ...contents(dir, { source: 'synthetic' }, { rate: 'double' }),
      features: [{ name: 'rate', kind: 'numeric' }],
      profile: buildProfile(rates, rateSchema),
    });
    const example = JSON.parse(await readFile(join(dir, 'input_example.json'), 'utf8')) as {
      data: number[][];
    };
    expect((9.93 + 9.94) / 2).not.toBe(9.935);
    expect(example.data[0]?.[0]).toBe(9.935);
  });

  it('holds the given rows when the caller opts in to real rows, and says so', async () => {
    const rows = [{ age: 35, region: 'east' }];
    await writeModelDir(contents(dir, { source: 'real', rows }));
    const example = JSON.parse(await readFile(join(dir, 'input_example.json'), 'utf8'));
    expect(example).toEqual({ columns: ['age', 'region'], data: [[35, 'east']] });
    expect((await readMLmodel(join(dir, 'MLmodel'))).metadata?.['input_example']).toBe('real');
  });
});
