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
  slowJson,
  snapshotTree,
  truncatedBody,
  type FakeModelOptions,
} from 'mlflow-js-client/test-support';
import { tempDir, writeFixtureModelDir } from '@champion/trainer/test-support';
import { type Logger, syntheticBatch } from '@champion/runtime';
import { ModelManager } from './model-manager.js';

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
const pause = (ms: number): Promise<unknown> => new Promise((done) => setTimeout(done, ms));

interface Serving {
  fake: FakeMlflow;
  host: ModelManager;
  lines: LogLine[];
  /** Everything below the world folder but serving's cache. */
  outsideCache: () => Promise<Record<string, string>>;
  stop: () => Promise<void>;
}

/**
 * A fake MLflow serving `model` (default: the good version 1) and a ModelManager polling it, with
 * its cache at `<world>/srv/cache` and a victim folder exactly where `../../../../victim` from the
 * versions folder lands.
 */
async function startServing(options: {
  world: string;
  model?: Partial<FakeModelOptions>;
  timeoutMs?: number;
}): Promise<Serving> {
  const cacheDir = join(options.world, 'srv', 'cache');
  const victim = resolve(cacheDir, 'versions', NAME, '../../../../victim');
  await mkdir(victim, { recursive: true });
  await writeFile(join(victim, 'keep.txt'), 'precious');
  const fake = await FakeMlflow.start();
  serveModel(fake, { name: NAME, files: modelFiles, ...options.model });
  const client = new MlflowClient({
    trackingUri: fake.url,
    retry: { maxAttempts: 1 },
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
  const lines: LogLine[] = [];
  const host = new ModelManager({
    client,
    name: NAME,
    cacheDir,
    pollIntervalMs: POLL_MS,
    retryMinMs: POLL_MS,
    logger: recordingLogger(lines),
  });
  await host.start();
  return {
    fake,
    host,
    lines,
    outsideCache: () => snapshotTree(options.world, (rel) => rel === 'srv/cache'),
    stop: async () => {
      await host.stop();
      await client.close();
      await fake.close();
    },
  };
}

/** Scores three rows with what is served and returns the version that answered. */
async function scoredBy(host: ModelManager): Promise<string> {
  const model = host.current();
  if (model === undefined) throw new Error('nothing served');
  return (await host.score(syntheticBatch(model.features, 3))).model.version;
}

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
  {
    field: 'listing that never ends',
    crafted: {},
    named: 'deeper than 32 folder levels',
    tamper: (fake) =>
      fake.route('GET', FAKE_PATHS.artifacts, { json: { files: [{ path: 'd', is_dir: true }] } }),
  },
])('an alias answer with a crafted $field', ({ field, crafted, named, tamper }) => {
  let serving: Serving;
  beforeAll(async () => {
    serving = await startServing({ world: join(tmp.dir, field.replace(/ /g, '-')) });
    await serving.host.whenReady();
  });
  afterAll(() => serving.stop());

  it('keeps serving the good version, refusing the answer on every poll', async () => {
    const { fake, host, lines } = serving;
    expect(host.health().serving?.version).toBe('1');
    const before = await serving.outsideCache();
    const downloads = fake.requests.filter((r) => isDownload(r.path)).length;
    serveModel(fake, { name: NAME, version: '2', files: modelFiles, ...crafted });
    tamper?.(fake);
    lines.length = 0;
    // At least four polls (timers may run late on a busy machine, so wait for them, bounded).
    const refusals = (): LogLine[] =>
      lines.filter((l) => l.level === 'error' && l.message === 'MLflow answer refused');
    for (let waited = 0; refusals().length < 4 && waited < 10_000; waited += POLL_MS) {
      await pause(POLL_MS);
    }
    await host.checkNow();

    expect(await serving.outsideCache()).toEqual(before);
    expect(fake.requests.filter((r) => isDownload(r.path))).toHaveLength(downloads);
    const refused = refusals();
    expect(refused.length).toBeGreaterThanOrEqual(5);
    expect(refused.every((l) => String(l.meta['error']).includes(named))).toBe(true);
    expect(host.health()).toMatchObject({ state: 'ready', serving: { version: '1' } });
    expect(host.health().lastError?.message).toContain(named);
    expect(await scoredBy(host)).toBe('1');
  });
});

describe('a crafted version before anything is served', () => {
  it('leaves the victim alone, stays up unavailable, and names the value', async () => {
    const world = join(tmp.dir, 'cold');
    const before = await snapshotTree(world).catch(() => ({}));
    const serving = await startServing({ world, model: { version: '../../../../victim' } });
    try {
      await pause(POLL_MS * 6);
      await serving.host.checkNow();
      const after = await serving.outsideCache();
      expect(await readFile(join(world, 'victim', 'keep.txt'), 'utf8')).toBe('precious');
      // Only the victim the test made: serving did not even create its cache folder.
      expect(
        Object.keys(after)
          .filter((k) => !(k in before))
          .sort(),
      ).toEqual(['victim', 'victim/keep.txt']);
      expect(serving.host.health().state).toBe('unavailable');
      expect(serving.host.health().lastError?.message).toContain('"../../../../victim"');
      expect(serving.lines.filter((l) => l.level === 'error').length).toBeGreaterThanOrEqual(3);
    } finally {
      await serving.stop();
    }
  });
});

describe('an MLflow that stalls or cuts its answers short', () => {
  it.each([
    ['stalls', slowJson({ json: {}, delayMs: 60_000 }), /no answer in time/],
    [
      'cuts its answer short',
      truncatedBody({ body: '{"model_ver', declaredBytes: 500 }),
      /connection failed/,
    ],
  ])('keeps serving the good version when the alias answer %s', async (what, reply, error) => {
    const serving = await startServing({ world: join(tmp.dir, what), timeoutMs: 300 });
    try {
      await serving.host.whenReady();
      serving.fake.route('GET', FAKE_PATHS.alias, reply);
      await serving.host.checkNow();
      await serving.host.checkNow();
      expect(serving.host.health()).toMatchObject({ state: 'ready', serving: { version: '1' } });
      expect(serving.host.health().lastError?.message).toMatch(error);
      expect(await scoredBy(serving.host)).toBe('1');
    } finally {
      await serving.stop();
    }
  });
});
