import { createWriteStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isNotFound } from '../index.js';
import type { MlflowClient } from '../index.js';
import { integrationClient, sha256File, tempDir, uniqueName } from '../../test/integration.js';

const MB = 1024 * 1024;

/** Writes `size` pseudo-random bytes to disk one 1 MiB chunk at a time. */
async function writeBigFile(path: string, size: number): Promise<void> {
  const out = createWriteStream(path);
  const chunk = Buffer.alloc(MB);
  for (let written = 0, i = 0; written < size; written += MB, i++) {
    for (let j = 0; j < MB; j += 4) chunk.writeUInt32LE((i * 2654435761 + j * 40503) >>> 0, j);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

// Collecting before each sample measures live memory, not garbage V8 has not reclaimed yet.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * Peak growth of live heap + array buffers while `work` runs, sampled every 250 ms or more. Each
 * sample is a full collection, whose cost grows with the worker's heap (late in a long Jest run it
 * took long enough to starve the transfer): the next sample waits four times the last one took,
 * so collecting never takes more than a fifth of the time.
 */
async function peakMemoryGrowth(work: () => Promise<void>): Promise<number> {
  const used = () => {
    gc();
    return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  };
  const base = used();
  let peak = base;
  let timer: NodeJS.Timeout | undefined;
  const sample = (): void => {
    const started = performance.now();
    peak = Math.max(peak, used());
    timer = setTimeout(sample, Math.max(250, 4 * (performance.now() - started)));
  };
  timer = setTimeout(sample, 250);
  try {
    await work();
  } finally {
    clearTimeout(timer);
  }
  return Math.max(peak, used()) - base;
}

// The integration project's testTimeout is not applied per project by jest; set it here.
jest.setTimeout(120_000);

describe('artifacts through the MLflow artifact proxy', () => {
  let client: MlflowClient;
  let artifactUri: string;
  let tmp: { dir: string; cleanup: () => Promise<void> };

  beforeAll(async () => {
    client = integrationClient();
    tmp = await tempDir('js-artifacts');
    const exp = await client.experiments.getOrCreate({ name: uniqueName('js-artifacts') });
    const run = await client.runs.create({ experimentId: exp.experiment_id });
    artifactUri = run.info.artifact_uri;
  });

  afterAll(async () => {
    await tmp.cleanup();
    await client.close();
  });

  it('uploads and downloads a 50 MB file byte-identical without holding it in memory', async () => {
    const source = join(tmp.dir, 'big.bin');
    await writeBigFile(source, 50 * MB);
    const uploadGrowth = await peakMemoryGrowth(async () => {
      await client.artifacts.uploadFile({ artifactUri, localPath: source, artifactPath: 'blobs' });
    });
    const dest = join(tmp.dir, 'down');
    let downloaded = '';
    const downloadGrowth = await peakMemoryGrowth(async () => {
      downloaded = await client.artifacts.download({
        artifactUri,
        path: 'blobs/big.bin',
        destDir: dest,
      });
    });
    expect(await sha256File(downloaded)).toBe(await sha256File(source));
    // Live memory may include buffers V8 has collected but not yet released (its array-buffer
    // sweeper runs concurrently), so the bound is half the file, not zero: holding the file
    // whole would exceed it.
    expect(uploadGrowth).toBeLessThan(25 * MB);
    expect(downloadGrowth).toBeLessThan(25 * MB);
  });

  it('uploads a directory tree and lists it recursively with sizes', async () => {
    const src = join(tmp.dir, 'tree');
    await mkdir(join(src, 'a', 'b'), { recursive: true });
    await writeFile(join(src, 'top.txt'), 'top');
    await writeFile(join(src, 'a', 'mid.json'), '{"x":1}');
    await writeFile(join(src, 'a', 'b', 'deep.txt'), 'deep!');
    const summary = await client.artifacts.uploadDirectory({
      artifactUri,
      localDir: src,
      artifactPath: 'tree',
    });
    expect(summary.files).toBe(3);
    const listed = await client.artifacts.list({ artifactUri, path: 'tree', recursive: true });
    expect(listed.map((f) => [f.path, f.fileSize])).toEqual([
      ['tree/a/b/deep.txt', 5],
      ['tree/a/mid.json', 7],
      ['tree/top.txt', 3],
    ]);
  });

  it('lists one level with directories marked', async () => {
    const listed = await client.artifacts.list({ artifactUri, path: 'tree' });
    expect(listed.map((f) => [f.path, f.isDir])).toEqual([
      ['tree/a', true],
      ['tree/top.txt', false],
    ]);
  });

  it('downloads a whole directory with its structure', async () => {
    const dest = join(tmp.dir, 'tree-down');
    const local = await client.artifacts.download({ artifactUri, path: 'tree', destDir: dest });
    expect(local).toBe(join(dest, 'tree'));
    expect(await readFile(join(local, 'a', 'b', 'deep.txt'), 'utf8')).toBe('deep!');
    expect(await readFile(join(local, 'top.txt'), 'utf8')).toBe('top');
  });

  it('leaves out the files and folders it is told to skip', async () => {
    const dest = join(tmp.dir, 'tree-skip');
    const local = await client.artifacts.download({
      artifactUri,
      path: 'tree',
      destDir: dest,
      skip: ['tree/a/b', 'tree/top.txt'],
    });
    expect(await readFile(join(local, 'a', 'mid.json'), 'utf8')).toHaveLength(7);
    await expect(readFile(join(local, 'a', 'b', 'deep.txt'))).rejects.toThrow(/ENOENT/);
    await expect(readFile(join(local, 'top.txt'))).rejects.toThrow(/ENOENT/);
  });

  it('reports a missing artifact as not found', async () => {
    const err: unknown = await client.artifacts
      .download({ artifactUri, path: 'nope/missing.txt', destDir: join(tmp.dir, 'missing') })
      .catch((e: unknown) => e);
    expect(isNotFound(err)).toBe(true);
  });
});
