import { fileRowOf, ownsRow, parseShard, SHARD_BLOCK_ROWS, shardFiles } from './shard.js';
import { BatchError } from './errors.js';

describe('parseShard', () => {
  it('reads I/N', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
  });

  it.each(['4/4', '1/0', 'a/b', '1', '-1/3'])('refuses %s with a BAD_OPTIONS error', (text) => {
    expect(() => parseShard(text)).toThrow(BatchError);
  });
});

describe('shards of a file list', () => {
  it('give each file to exactly one shard, file k to shard k mod N', () => {
    const files = ['a', 'b', 'c', 'd', 'e'];
    const parts = [0, 1, 2].map((index) => shardFiles(files, { index, count: 3 }));
    expect(parts).toEqual([['a', 'd'], ['b', 'e'], ['c']]);
  });
});

describe('row shards of one file', () => {
  it('give every row to exactly one shard', () => {
    const rows = 5 * SHARD_BLOCK_ROWS + 17;
    const owners = new Int32Array(rows + 1);
    for (let row = 1; row <= rows; row++) {
      for (let index = 0; index < 3; index++)
        if (ownsRow(row, { index, count: 3 })) owners[row] = (owners[row] ?? 0) + 1;
    }
    expect(owners.slice(1).every((n) => n === 1)).toBe(true);
  });

  it('map a shard-local row number back to the row number in the file', () => {
    const shard = { index: 1, count: 3 };
    const owned: number[] = [];
    for (let row = 1; owned.length < 2 * SHARD_BLOCK_ROWS + 5; row++)
      if (ownsRow(row, shard)) owned.push(row);
    owned.forEach((row, k) => expect(fileRowOf(k + 1, shard)).toBe(row));
  });
});
