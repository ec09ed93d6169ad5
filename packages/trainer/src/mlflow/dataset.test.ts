import type { TableSchema } from '@champion/tabular';
import { datasetFor } from './dataset.js';

const schema: TableSchema = {
  features: [
    { name: 'age', type: 'numeric' },
    { name: 'city', type: 'categorical' },
  ],
  target: { name: 'default', positive: '1', negative: '0' },
  idColumns: [],
  excluded: [],
};
const file = { path: '/data/loans.csv', digest: 'ab'.repeat(32), schema, rows: 100 };

describe('datasetFor', () => {
  it('names a split after the file and counts its rows, not the file’s', () => {
    const test = datasetFor({ ...file, split: { name: 'test', rows: Uint32Array.of(3, 9, 42) } });
    expect(test.name).toBe('loans.csv (test split)');
    expect(JSON.parse(test.profile ?? '{}')).toMatchObject({ num_rows: 3, num_elements: 9 });
  });

  it('gives a split its own digest, the same for the same rows of the same file', () => {
    const digest = (rows: Uint32Array, fileDigest = file.digest): string =>
      datasetFor({ ...file, digest: fileDigest, split: { name: 'test', rows } }).digest;
    expect(digest(Uint32Array.of(3, 9))).toMatch(/^[0-9a-f]{8}$/);
    expect(digest(Uint32Array.of(3, 9))).toBe(digest(Uint32Array.of(3, 9)));
    expect(digest(Uint32Array.of(3, 9))).not.toBe(digest(Uint32Array.of(3, 10)));
    expect(digest(Uint32Array.of(3, 9))).not.toBe(digest(Uint32Array.of(3, 9), 'cd'.repeat(32)));
    expect(digest(Uint32Array.of(3, 9))).not.toBe(datasetFor(file).digest);
  });
});
