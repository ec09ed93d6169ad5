import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { tempDir } from '@champion/trainer/test-support';
import { ModelCache, type DownloadInfo } from './model-cache.js';

/** A download that writes model.txt holding `text`, after `gate` opens if one is given. */
function fill(text: string, gate?: Promise<void>): (dir: string) => Promise<DownloadInfo> {
  return async (dir) => {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'part-1.txt'), text);
    await gate;
    await writeFile(join(dir, 'model.txt'), text);
    return { modelId: `m-${text}`, runId: `r-${text}` };
  };
}

function opener(): { gate: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const gate = new Promise<void>((done) => (open = done));
  return { gate, open };
}

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
      await expect(cache.version({ name: 'm', version, download: fill('x') })).rejects.toThrow(
        `model version ${JSON.stringify(version)} is not valid`,
      );
      expect(await readdir(join(tmp.dir, 'victim'))).toEqual(['keep.txt']);
    },
  );

  it.each(['..', '.', '../..', 'a/../../..'])(
    'keeps the versions of a model named %j inside its own folder',
    async (name) => {
      const { dir } = await cache.version({ name, version: '3', download: fill('x') });
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
    const { dir } = await cache.version({ name: 'm', version: '1', download: fill('x') });
    await cache.writeLastGood({ name: 'm', version: '1', dir, params: {}, savedAt: 'now' });
    await expect(cache.readLastGood('m')).resolves.toMatchObject({ version: '1', dir });
  });

  describe('shared by several processes', () => {
    it('gives two caches downloading the same version at once one complete copy', async () => {
      const other = new ModelCache(cache.root);
      const first = opener();
      const second = opener();
      const a = cache.version({ name: 'm', version: '2', download: fill('a', first.gate) });
      const b = other.version({ name: 'm', version: '2', download: fill('b', second.gate) });
      // A finishes, swaps, prunes while B is still downloading; then B finishes.
      first.open();
      const gotA = await a;
      await cache.prune({ name: 'm', keep: [gotA.dir] });
      second.open();
      const gotB = await b;
      expect(gotB).toEqual(gotA);
      expect(await readFile(join(gotA.dir, 'model.txt'), 'utf8')).toBe('a');
      expect(gotB.info).toEqual({ modelId: 'm-a', runId: 'r-a' });
      // Nothing of either download is left behind.
      expect(await readdir(cache.versionsDir('m'))).toEqual(['2']);
    });

    it('does not touch a version another cache is serving when a second one downloads it', async () => {
      const first = await cache.version({ name: 'm', version: '2', download: fill('a') });
      const download = jest.fn(fill('b'));
      const again = await new ModelCache(cache.root).version({ name: 'm', version: '2', download });
      expect(again).toEqual(first);
      expect(download).not.toHaveBeenCalled();
    });

    it("leaves another process's download in progress alone when pruning", async () => {
      const slow = opener();
      const pending = cache.version({ name: 'm', version: '3', download: fill('c', slow.gate) });
      await eventuallyListed(cache, '.tmp-3-');
      await cache.prune({ name: 'm', keep: [] });
      slow.open();
      const { dir } = await pending;
      expect(await readFile(join(dir, 'model.txt'), 'utf8')).toBe('c');
    });

    it('replaces a version folder without a completion marker (an older, possibly partial copy)', async () => {
      const dir = join(cache.versionsDir('m'), '4');
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'half.txt'), 'half');
      const got = await cache.version({ name: 'm', version: '4', download: fill('d') });
      expect(got.dir).toBe(dir);
      expect((await readdir(dir)).sort()).toEqual([
        '.champion-cache.json',
        'model.txt',
        'part-1.txt',
      ]);
    });

    it('keeps the last good version when pruning with nothing else to keep', async () => {
      const { dir } = await cache.version({ name: 'm', version: '5', download: fill('e') });
      await cache.writeLastGood({ name: 'm', version: '5', dir, params: {}, savedAt: 'now' });
      await cache.prune({ name: 'm', keep: [] });
      await expect(cache.readLastGood('m')).resolves.toMatchObject({ version: '5', dir });
    });
  });
});

async function eventuallyListed(cache: ModelCache, prefix: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const entries = await readdir(cache.versionsDir('m')).catch(() => [] as string[]);
    if (entries.some((e) => e.startsWith(prefix))) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`no ${prefix}* folder appeared`);
}
