/**
 * Acceptance: agreement with Evidently 0.7 (DataDriftPreset, from the peers venv) on credit_data
 * with injected drift, for a reference of more than 1,000 rows (Wasserstein / Jensen-Shannon)
 * and one of at most 1,000 rows (KS / chi-square / Z-test): every column gets the same method and
 * the same decision, scores within 1e-4, and the drifted share is the same. In the small case the
 * current data has no `Time` = 72 row, so `Time` has 10 integer values there and Evidently (which
 * infers types on the current data) tests it with chi-square: so must we.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { tempDir } from '@champion/trainer/test-support';
import { fileReference } from './file-reference.js';
import { readDriftData } from './read-data.js';
import { runDrift, type DriftReport } from './report.js';

const ROOT = resolve(__dirname, '../../../..');
const PEER = join(ROOT, 'packages/monitor/test/evidently_drift.py');
const EVIDENTLY_NAMES: Record<string, string> = {
  'K-S p_value': 'ks',
  'chi-square p_value': 'chisquare',
  'Z-test p_value': 'ztest',
  'Wasserstein distance (normed)': 'wasserstein',
  'Jensen-Shannon distance': 'jensenshannon',
};

/** A Python with Evidently: .venv-bench (pnpm bench), then CHAMPION_PEERS_PYTHON (jest setup). */
function evidentlyPython(): string | undefined {
  const candidates = [join(ROOT, '.venv-bench/bin/python'), process.env['CHAMPION_PEERS_PYTHON']];
  return candidates.find(
    (python) =>
      python !== undefined &&
      existsSync(python) &&
      spawnSync(python, ['-c', 'import evidently'], { stdio: 'ignore' }).status === 0,
  );
}

interface PeerColumn {
  name: string;
  method: string;
  threshold: number;
  score: number;
}

interface Scenario {
  readonly reference: (i: number) => boolean;
  readonly current: (i: number, row: Record<string, string>) => boolean;
}

/** Writes the two files of a scenario, with drift injected into the current rows. */
async function writeScenario(
  dir: string,
  name: string,
  scenario: Scenario,
): Promise<[string, string]> {
  const [header = '', ...lines] = (await readFile(join(ROOT, 'data/credit_data.csv'), 'utf8'))
    .trim()
    .split('\n');
  const columns = header.split(',');
  const reference = [header];
  const current = [header];
  lines.forEach((line, i) => {
    const fields = line.split(',');
    const row = Object.fromEntries(columns.map((c, k) => [c, fields[k] ?? '']));
    if (scenario.reference(i)) reference.push(line);
    if (!scenario.current(i, row)) return;
    const drifted = columns.map((c) => {
      const v = row[c] ?? '';
      if (c === 'Income' && v !== '') return String(Math.round(Number(v) * 1.4));
      if (c === 'Seniority') return String(Number(v) + 3);
      if (c === 'Home' && i % 3 === 0) return 'owner';
      if (c === 'Records' && i % 4 === 0) return 'yes';
      return v;
    });
    current.push(drifted.join(','));
  });
  const paths: [string, string] = [
    join(dir, `${name}-reference.csv`),
    join(dir, `${name}-current.csv`),
  ];
  await writeFile(paths[0], `${reference.join('\n')}\n`);
  await writeFile(paths[1], `${current.join('\n')}\n`);
  return paths;
}

function compare(ours: DriftReport, peer: { columns: PeerColumn[]; share: number }): void {
  expect(ours.columns.map((c) => c.name).sort()).toEqual(peer.columns.map((c) => c.name).sort());
  for (const theirs of peer.columns) {
    const mine = ours.columns.find((c) => c.name === theirs.name);
    expect({
      name: theirs.name,
      method: mine?.method,
      drifted: mine?.drifted,
      threshold: mine?.threshold,
    }).toEqual({
      name: theirs.name,
      method: EVIDENTLY_NAMES[theirs.method],
      drifted:
        mine === undefined
          ? undefined
          : mine.method === 'ks'
            ? theirs.score <= theirs.threshold
            : mine.method === 'wasserstein' || mine.method === 'jensenshannon'
              ? theirs.score >= theirs.threshold
              : theirs.score < theirs.threshold,
      threshold: theirs.threshold,
    });
    expect(Math.abs((mine?.score ?? NaN) - theirs.score)).toBeLessThan(1e-4);
  }
  expect(ours.share).toBeCloseTo(peer.share, 12);
}

const python = evidentlyPython();
if (python === undefined) {
  const message =
    'Evidently is not installed: run `pnpm bench` once or set CHAMPION_PEERS_PYTHON to a Python with evidently==0.7.*';
  if (process.env['CI'] === 'true') throw new Error(message);
  console.warn(`skipping: ${message}`);
}

(python === undefined ? describe.skip : describe)(
  'drift agrees with Evidently 0.7 DataDriftPreset',
  () => {
    let tmp: { dir: string; cleanup: () => Promise<void> };
    beforeAll(async () => {
      tmp = await tempDir('drift-evidently');
    });
    afterAll(() => tmp.cleanup());

    async function both(
      name: string,
      scenario: Scenario,
    ): Promise<[DriftReport, { columns: PeerColumn[]; share: number }]> {
      const [referencePath, currentPath] = await writeScenario(tmp.dir, name, scenario);
      const ours = runDrift({
        reference: fileReference(await readDriftData(referencePath), referencePath),
        current: await readDriftData(currentPath),
        currentSource: currentPath,
      });
      const peer = spawnSync(python ?? 'python3', [PEER, referencePath, currentPath], {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      });
      if (peer.status !== 0) throw new Error(`Evidently peer failed: ${peer.stderr}`);
      return [ours, JSON.parse(peer.stdout) as { columns: PeerColumn[]; share: number }];
    }

    it('with a reference of more than 1,000 rows (Wasserstein, Jensen-Shannon)', async () => {
      const [ours, peer] = await both('large', {
        reference: (i) => i % 3 !== 0,
        current: (i) => i % 3 === 0,
      });
      expect(ours.reference.rows).toBeGreaterThan(1000);
      expect(new Set(ours.columns.map((c) => c.method))).toEqual(
        new Set(['wasserstein', 'jensenshannon']),
      );
      compare(ours, peer);
      expect(ours.driftedCount).toBeGreaterThan(0);
    }, 60_000);

    it('with a reference of at most 1,000 rows (KS, chi-square, Z-test; Time by chi-square)', async () => {
      const [ours, peer] = await both('small', {
        reference: (i) => i % 5 === 1,
        current: (i, row) => i % 5 === 0 && row['Time'] !== '72',
      });
      expect(ours.reference.rows).toBeLessThanOrEqual(1000);
      expect(ours.columns.find((c) => c.name === 'Time')?.method).toBe('chisquare');
      expect(new Set(ours.columns.map((c) => c.method))).toEqual(
        new Set(['ks', 'chisquare', 'ztest']),
      );
      compare(ours, peer);
    }, 60_000);
  },
);
