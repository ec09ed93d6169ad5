import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { tempDir } from '@champion/trainer/test-support';
import { ModelCache } from './model-cache.js';

describe('ModelCache', () => {
  let tmp: { dir: string; cleanup: () => Promise<void> };
  let cache: ModelCache;
  beforeEach(async () => {
    tmp = await tempDir('model-cache');
    cache = new ModelCache(join(tmp.dir, 'cache'));
    await mkdir(join(tmp.dir, 'victim'));
    await writeFile(join(tmp.dir, 'victim', 'keep.txt'), 'precious');
  });
  afterEach(() => tmp.cleanup());

  it.each(['../../../victim', '..', '1/../../../../victim', ''])(
    'refuses to make a folder for version %j, naming it, and removes nothing',
    async (version) => {
      await expect(cache.freshVersionDir({ name: 'm', version })).rejects.toThrow(
        `model version ${JSON.stringify(version)} is not valid`,
      );
      expect(await readdir(join(tmp.dir, 'victim'))).toEqual(['keep.txt']);
    },
  );

  it.each(['..', '.', '../..', 'a/../../..'])(
    'keeps the versions of a model named %j inside its own folder',
    async (name) => {
      const dir = await cache.freshVersionDir({ name, version: '3' });
      // <root>/versions/<one folder for the name>/3
      expect(basename(dir)).toBe('3');
      expect(dirname(dirname(dir))).toBe(join(cache.root, 'versions'));
    },
  );

  it('does not serve from a last-good pointer to a folder outside the cache', async () => {
    await cache.writeLastGood({
      name: 'm',
      version: '1',
      dir: join(tmp.dir, 'victim'),
      params: {},
      savedAt: new Date().toISOString(),
    });
    await expect(cache.readLastGood('m')).resolves.toBeUndefined();
  });

  it('serves from a last-good pointer to one of its version folders', async () => {
    const dir = await cache.freshVersionDir({ name: 'm', version: '1' });
    await mkdir(dir);
    await cache.writeLastGood({ name: 'm', version: '1', dir, params: {}, savedAt: 'now' });
    await expect(cache.readLastGood('m')).resolves.toMatchObject({ version: '1', dir });
  });
});
