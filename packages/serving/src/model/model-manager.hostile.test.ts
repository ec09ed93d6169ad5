/**
 * Serving against a hostile MLflow (a fake server answering crafted JSON): a path-like value in
 * any answer creates, changes or deletes nothing outside serving's cache, is named in the error,
 * is logged as a structured error on every poll, and never stops the service or the served model.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { MlflowClient } from 'mlflow-js-client';
import {
  FAKE_PATHS,
  FakeMlflow,
  serveModel,
  snapshotTree,
  type FakeModelOptions,
} from 'mlflow-js-client/test-support';
import { tempDir, writeFixtureModelDir } from '../../test/model-fixtures.js';
import type { Logger } from './logger.js';
import { ModelManager } from './model-manager.js';
import { syntheticBatch } from './warm-up.js';

const NAME = 'credit-default';
const POLL_MS = 40;

interface LogLine {
  level: string;
  message: string;
  meta: Record<string, unknown>;
}

function recordingLogger(lines: LogLine[]): Logger {
  const at =
    (level: string) =>
    (message: string, meta: Record<string, unknown> = {}): void => {
      lines.push({ level, message, meta });
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

async function filesOf(dir: string): Promise<Record<string, Buffer>> {
  const out: Record<string, Buffer> = {};
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    out[relative(dir, full)] = await readFile(full);
  }
  return out;
}

let tmp: { dir: string; cleanup: () => Promise<void> };
let modelFiles: Record<string, Buffer>;

beforeAll(async () => {
  tmp = await tempDir('serving-hostile');
  modelFiles = await filesOf(await writeFixtureModelDir({ dir: join(tmp.dir, 'fixture') }));
});
afterAll(() => tmp.cleanup());

/** Lists the crafted entry as the root's only file. */
const listingWith = (path: string) => (fake: FakeMlflow) =>
  fake.route('GET', FAKE_PATHS.artifacts, { json: { files: [{ path, is_dir: false }] } });

const isDownload = (path: string): boolean => path.startsWith(`${FAKE_PATHS.artifacts}/`);

interface Case {
  /** The field of MLflow's answers that is crafted. */
  field: string;
  crafted: Partial<FakeModelOptions>;
  /** How the error quotes the crafted value. */
  named: string;
  tamper?: (fake: FakeMlflow) => void;
}

describe.each<Case>([
  { field: 'version', crafted: { version: '../../../../victim' }, named: '"../../../../victim"' },
  {
    field: 'logged model id',
    crafted: { modelId: 'm-1/../../../../victim' },
    named: '"m-1/../../../../victim"',
  },
  { field: 'run id', crafted: { runId: '../../../../victim' }, named: '"../../../../victim"' },
  {
    field: 'artifact URI',
    crafted: { artifactUri: 'mlflow-artifacts:/1/../../../../victim' },
    named: '/../../../../victim',
  },
  {
    field: 'listing entry',
    crafted: {},
    named: '"../../../../../victim"',
    tamper: listingWith('../../../../../victim'),
  },
])('an alias answer with a crafted $field', ({ field, crafted, named, tamper }) => {
  let fake: FakeMlflow;
  let client: MlflowClient;
  let world: string;
  let host: ModelManager;
  const lines: LogLine[] = [];

  beforeAll(async () => {
    world = join(tmp.dir, field.replace(/ /g, '-'));
    const cacheDir = join(world, 'srv', 'cache');
    // The victim sits exactly where the crafted version points from the versions folder.
    const victim = resolve(cacheDir, 'versions', NAME, '../../../../victim');
    await mkdir(victim, { recursive: true });
    await writeFile(join(victim, 'keep.txt'), 'precious');
    fake = await FakeMlflow.start();
    serveModel(fake, { name: NAME, files: modelFiles });
    client = new MlflowClient({ trackingUri: fake.url, retry: { maxAttempts: 1 } });
    host = new ModelManager({
      client,
      name: NAME,
      cacheDir,
      pollIntervalMs: POLL_MS,
      retryMinMs: POLL_MS,
      logger: recordingLogger(lines),
    });
    await host.start();
    await host.whenReady();
  });
  afterAll(async () => {
    await host.stop();
    await client.close();
    await fake.close();
  });

  it('keeps serving the good version, refusing the answer on every poll', async () => {
    expect(host.health().serving?.version).toBe('1');
    const before = await snapshotTree(world, (rel) => rel === 'srv/cache');
    const downloads = fake.requests.filter((r) => isDownload(r.path)).length;
    serveModel(fake, { name: NAME, version: '2', files: modelFiles, ...crafted });
    tamper?.(fake);
    lines.length = 0;
    await new Promise((done) => setTimeout(done, POLL_MS * 8));
    await host.checkNow();

    expect(await snapshotTree(world, (rel) => rel === 'srv/cache')).toEqual(before);
    expect(fake.requests.filter((r) => isDownload(r.path))).toHaveLength(downloads);
    const refused = lines.filter(
      (l) => l.level === 'error' && l.message === 'MLflow answer refused',
    );
    expect(refused.length).toBeGreaterThanOrEqual(4);
    expect(refused.every((l) => String(l.meta['error']).includes(named))).toBe(true);
    expect(host.health()).toMatchObject({ state: 'ready', serving: { version: '1' } });
    expect(host.health().lastError?.message).toContain(named);
    const model = host.current();
    if (model === undefined) throw new Error('nothing served');
    await expect(host.score(syntheticBatch(model.features, 3))).resolves.toMatchObject({
      model: { version: '1' },
    });
  });
});

describe('a crafted version before anything is served', () => {
  it('leaves the victim alone, stays up unavailable, and names the value', async () => {
    const world = join(tmp.dir, 'cold');
    const cacheDir = join(world, 'srv', 'cache');
    const victim = resolve(cacheDir, 'versions', NAME, '../../../../victim');
    await mkdir(victim, { recursive: true });
    await writeFile(join(victim, 'keep.txt'), 'precious');
    const before = await snapshotTree(world);
    const fake = await FakeMlflow.start();
    serveModel(fake, { name: NAME, version: '../../../../victim', files: modelFiles });
    const client = new MlflowClient({ trackingUri: fake.url, retry: { maxAttempts: 1 } });
    const lines: LogLine[] = [];
    const host = new ModelManager({
      client,
      name: NAME,
      cacheDir,
      pollIntervalMs: POLL_MS,
      retryMinMs: POLL_MS,
      logger: recordingLogger(lines),
    });
    try {
      await host.start();
      await new Promise((done) => setTimeout(done, POLL_MS * 6));
      await host.checkNow();
      expect(await snapshotTree(world, (rel) => rel === 'srv/cache')).toEqual(before);
      expect(host.health().state).toBe('unavailable');
      expect(host.health().lastError?.message).toContain('"../../../../victim"');
      expect(lines.filter((l) => l.level === 'error').length).toBeGreaterThanOrEqual(3);
    } finally {
      await host.stop();
      await client.close();
      await fake.close();
    }
  });
});
