/**
 * Two `champion train` processes promoting one model name at the same time, five times. Each
 * trainer talks to MLflow through its own proxy that holds its first read of `@champion` until
 * the other trainer has made the same read: both compare against the same champion, as in the
 * probe that found both "promoted" (issue 11). Different data per trainer, so the models differ.
 * Afterwards the registry alone must show a single chain of promotions ending at `@champion`,
 * each a comparison won against the version it replaced, and the loser tagged with why.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSynthCsv } from '@champion/tabular';
import { MlflowClient } from 'mlflow-js-client';
import { startMlflowProxy, type MlflowProxy, type SeenRequest } from './mlflow-proxy.js';
import { promotionProblems, tagsOf, versionsOf } from './registry-invariants.js';
import { startChampion, type CliProcess, type CliRun } from './run-cli.js';

const TRIALS = 5;
/** One trial takes ~20 s here; past this, something is stuck: fail with what the trainers said. */
const TRIAL_DEADLINE_MS = 240_000;

function isChampionRead(request: SeenRequest): boolean {
  return (
    request.method === 'GET' &&
    request.path.endsWith('/registered-models/alias') &&
    request.query.get('alias') === 'champion'
  );
}

/** A proxy that holds only the first `@champion` read of its trainer. */
async function firstReadHolder(target: string): Promise<MlflowProxy> {
  let seen = false;
  return startMlflowProxy({
    target,
    hold: (request) => {
      if (seen || !isChampionRead(request)) return undefined;
      seen = true;
      return 'before';
    },
  });
}

interface Trained {
  readonly version: string;
  readonly decision: string;
  readonly promoted: boolean;
}

/** Rejects when `run` ends before `step` resolves, with the trainer's own words. */
function unlessExited<T>(step: Promise<T>, run: CliProcess, what: string): Promise<T> {
  const exited = run.done.then((r) => {
    throw new Error(
      `trainer exited (${r.code ?? r.signal}) before ${what}:\n${r.stderr.slice(-3000)}`,
    );
  });
  return Promise.race([step, exited]);
}

/** Runs `trial`; past the deadline, kills the trainers and fails with their stderr. */
async function withDeadline<T>(runs: readonly CliProcess[], trial: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      for (const run of runs) run.child.kill('SIGKILL');
      void Promise.all(runs.map((r) => r.done)).then((ended) =>
        reject(
          new Error(
            `trial still running after ${TRIAL_DEADLINE_MS} ms; trainers said:\n` +
              ended.map((r) => r.stderr.slice(-3000)).join('\n---\n'),
          ),
        ),
      );
    }, TRIAL_DEADLINE_MS);
  });
  try {
    return await Promise.race([trial, late]);
  } finally {
    clearTimeout(timer);
  }
}

function parse(run: CliRun): Trained {
  const line = run.stdout.trim().split('\n').pop() ?? '';
  const data = JSON.parse(line) as { version: string; decision: string; promoted: boolean };
  return { version: data.version, decision: data.decision, promoted: data.promoted };
}

describe('two trainers promoting one name at once', () => {
  const target = process.env['MLFLOW_TRACKING_URI'] ?? '';
  const name = `race-${Date.now().toString(36)}`;
  let client: MlflowClient;
  let dir: string;
  const outcomes: [Trained, Trained][] = [];

  beforeAll(async () => {
    client = MlflowClient.fromEnv(process.env);
    dir = await mkdtemp(join(tmpdir(), 'champion-race-'));
    for (let trial = 0; trial < TRIALS; trial++) {
      const files = await Promise.all(
        [0, 1].map(async (side) => {
          const out = join(dir, `t${trial}-${side}.csv`);
          // Different sizes and seeds: the two models (and their test rows) differ.
          await writeSynthCsv({ rows: 1500 + 700 * side, seed: 100 * trial + side + 1, out });
          return out;
        }),
      );
      const proxies = await Promise.all([firstReadHolder(target), firstReadHolder(target)]);
      const runs = proxies.map((proxy, side) =>
        startChampion(
          [
            '--json',
            'train',
            '--data',
            files[side] ?? '',
            '--target',
            'default',
            '--id-cols',
            'id',
            '--name',
            name,
            '--learners',
            'logreg',
            '--candidates',
            '1',
            '--folds',
            '2',
            '--seed',
            String(trial + 1),
            // One side always wants the move (any champion is "beaten" by a margin of -1), so
            // every trial races for the lease; the other needs a real improvement, so it can
            // lose to the first side's fresh champion (superseded).
            '--margin',
            side === 0 ? '-1' : '0',
          ],
          { env: { MLFLOW_TRACKING_URI: proxy.url } },
        ),
      );
      const trialRuns = (async (): Promise<CliRun[]> => {
        // Both trainers have read nothing of @champion yet; let both reads go at once.
        const held = await Promise.all(
          proxies.map((p, side) =>
            unlessExited(p.nextHeld(), runs[side] as CliProcess, 'reading @champion'),
          ),
        );
        for (const h of held) h.release();
        return Promise.all(runs.map((r) => r.done));
      })();
      try {
        const done = await withDeadline(runs, trialRuns);
        for (const run of done)
          if (run.code !== 0) throw new Error(`trainer failed:\n${run.stderr}`);
        outcomes.push([parse(done[0] as CliRun), parse(done[1] as CliRun)]);
      } finally {
        for (const run of runs) run.child.kill('SIGKILL');
        await Promise.all(proxies.map((p) => p.close()));
      }
    }
  }, 900_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await client.close();
  });

  it('leaves one chain of promotions, each won against the version it replaced', async () => {
    expect(await promotionProblems(client, name)).toEqual([]);
  });

  it('never lets both trainers of a trial replace the same champion', async () => {
    const tags = new Map((await versionsOf(client, name)).map((v) => [v.version, tagsOf(v)]));
    for (const [a, b] of outcomes) {
      if (!a.promoted || !b.promoted) continue;
      const replacedA = tags.get(a.version)?.get('champion.gate.replaces');
      const replacedB = tags.get(b.version)?.get('champion.gate.replaces');
      expect(replacedA).not.toBe(replacedB);
      // The later one compared itself with the earlier one, not with the champion both read.
      expect(replacedA === b.version || replacedB === a.version).toBe(true);
    }
  });

  it('tags every trainer that did not promote with why, naming the version that beat it', async () => {
    const tags = new Map((await versionsOf(client, name)).map((v) => [v.version, tagsOf(v)]));
    for (const pair of outcomes) {
      for (const [mine, other] of [pair, [pair[1], pair[0]] as const]) {
        if (mine.promoted) continue;
        const t = tags.get(mine.version);
        expect(['rejected', 'superseded']).toContain(t?.get('champion.gate.decision'));
        expect(t?.get('champion.gate.reasons')).toMatch(/FAIL /);
        if (other.promoted && mine.decision === 'superseded') {
          expect(t?.get('champion.gate.superseded_by')).toBe(other.version);
        }
      }
    }
  });
});
