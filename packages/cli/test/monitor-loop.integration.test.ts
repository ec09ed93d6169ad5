/**
 * The monitoring loop end to end, as a user runs it (issue 14's acceptance): a champion trained
 * by `champion train`, served by `champion serve` writing the inference store, 3,000 drifted
 * requests and their labels from `champion simulate`, then `champion monitor run`: drift found,
 * the whole window and its labels read, a monitoring run in MLflow, a retrained version tagged
 * with that run, the gate's decision matching where `@champion` points. A second turn right after
 * does nothing; `champion rollback` restores the previous champion and serving swaps to it.
 * Serving's /metrics shows that monitoring run's figures (its champion_monitor_* gauges).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MlflowClient } from 'mlflow-js-client';
import { waitFor200 } from '@champion/mlflow-server/test-support';
import { writeSynthCsv } from '@champion/tabular';
import { freePort, integrationClient, tempDir, uniqueName } from '@champion/trainer/test-support';
import { champion, startChampion, type CliProcess, type CliRun } from './run-cli.js';

const ROWS = 3000;
/** Numeric columns of the synthetic data moved far from training: most features drift. */
const DRIFT = [
  'age*1.4',
  'income*1.6',
  'employment_years+8',
  'debt_ratio*1.5',
  'credit_utilisation*1.5',
  'loan_amount*1.6',
  'num_open_accounts+6',
  'credit_history_months*1.5',
  'interest_rate*1.4',
  'monthly_payment*1.6',
  'months_since_last_delinquency+12',
  'loan_term_months+12',
  'home_ownership=rent@0.9',
].join(',');

interface MonitorJson {
  run_id: string | null;
  window: { rows: number; labelled: number };
  drift: { share: number; drifted: boolean } | null;
  decision: { fired: boolean; action: string; version: string | null; reasons: string[] };
}

/** Polls `read` until it returns `want` (serving swaps on its next alias poll). */
async function until(read: () => Promise<string>, want: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  let last = await read();
  while (last !== want) {
    if (Date.now() > end) throw new Error(`still ${last} after ${timeoutMs} ms, wanted ${want}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    last = await read();
  }
}

function json<T>(run: CliRun): T {
  if (run.code !== 0) throw new Error(`champion exited ${run.code}:\n${run.stderr.slice(-3000)}`);
  return JSON.parse(run.stdout.trim().split('\n').pop() ?? '') as T;
}

describe('serve → simulate drifted traffic → monitor run → retrain → rollback', () => {
  const name = uniqueName('loop-e2e');
  let client: MlflowClient;
  let tmp: { dir: string; cleanup: () => Promise<void> };
  let serve: CliProcess | undefined;
  let url = '';
  let env: Record<string, string> = {};
  let first: MonitorJson;

  beforeAll(async () => {
    client = integrationClient();
    tmp = await tempDir('loop-e2e');
    const train = join(tmp.dir, 'train.csv');
    await writeSynthCsv({ rows: 3000, seed: 21, out: train });
    const policy = join(tmp.dir, 'policy.json');
    await writeFile(
      policy,
      JSON.stringify({
        // 13 of the 30 features are moved: fire at a drifted share of 0.3 (default 0.5).
        drift: { share: 0.3 },
        retrain: {
          learners: ['logreg'],
          candidates: 1,
          folds: 2,
          dataDir: join(tmp.dir, 'retraining'),
        },
      }),
    );
    env = {
      CHAMPION_INFERENCE_STORE: join(tmp.dir, 'store'),
      CHAMPION_CACHE_DIR: join(tmp.dir, 'cache'),
      CHAMPION_DRAIN_DELAY_MS: '0',
      CHAMPION_POLL_INTERVAL_MS: '1000',
      CHAMPION_MONITOR_REFRESH_MS: '500',
    };
    json(
      await champion(
        ['--json', 'train', '--data', train, '--target', 'default', '--id-cols', 'id'].concat([
          '--name',
          name,
          '--learners',
          'logreg',
          '--candidates',
          '1',
          '--folds',
          '2',
        ]),
      ),
    );
    const port = await freePort();
    serve = startChampion(['serve', '--name', name, '--port', String(port)], { env });
    url = `http://127.0.0.1:${port}`;
    await waitFor200({ url: `${url}/readyz`, timeoutMs: 90_000 });

    const traffic = join(tmp.dir, 'traffic.csv');
    await writeSynthCsv({ rows: ROWS, seed: 22, out: traffic });
    const sim = json<{ ok: boolean }>(
      await champion(
        ['--json', 'simulate', '--name', name, '--url', url, '--data', traffic].concat([
          '--target',
          'default',
          '--rows',
          String(ROWS),
          '--drift',
          DRIFT,
          '--seed',
          '5',
        ]),
      ),
    );
    expect(sim.ok).toBe(true);
    // Records reach the store within one flush interval (1 s).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    first = json<MonitorJson>(
      await champion(['--json', 'monitor', 'run', '--name', name, '--policy', policy], { env }),
    );
  }, 600_000);

  afterAll(async () => {
    serve?.child.kill('SIGKILL');
    await client.close();
    await tmp.cleanup();
  });

  it('reads the whole window with its labels, finds drift and logs a monitoring run', async () => {
    expect(first.window).toMatchObject({ rows: ROWS, labelled: ROWS });
    // Drift as the policy reads it: the drifted share of columns, here above its 0.3.
    expect(first.drift?.share).toBeGreaterThanOrEqual(0.3);
    expect(first.decision.reasons.join('\n')).toMatch(/drift: share/);
    expect(first.run_id).toEqual(expect.any(String));
    const run = await client.runs.get(first.run_id ?? '');
    expect(run.info.status).toBe('FINISHED');
    const metrics = new Map(run.data.metrics.map((m) => [m.key, m.value]));
    expect(metrics.get('drift_share')).toBeCloseTo(first.drift?.share ?? NaN, 9);
  });

  it("exports the monitoring run's figures on serving's /metrics", async () => {
    const gauges = async (): Promise<Map<string, number>> => {
      const text = await (await fetch(`${url}/metrics`)).text();
      const samples = text.split('\n').filter((l) => l.startsWith('champion_monitor_'));
      return new Map(
        samples.map((l) => [l.slice(0, l.lastIndexOf(' ')), Number(l.split(' ').pop())]),
      );
    };
    await until(
      async () => String((await gauges()).get('champion_monitor_window_rows')),
      String(ROWS),
      10_000,
    );
    const shown = await gauges();
    expect(shown.get('champion_monitor_drift_share')).toBeCloseTo(first.drift?.share ?? NaN, 9);
    expect(shown.get('champion_monitor_window_labelled')).toBe(ROWS);
    expect(shown.get('champion_monitor_retrain_fired')).toBe(1);
    expect(shown.get('champion_monitor_feature_drift{feature="age"}')).toEqual(expect.any(Number));
    expect(shown.get('champion_monitor_performance{metric="roc_auc"}')).toEqual(expect.any(Number));
  });

  it('retrains a version tagged with that run, and @champion follows the gate', async () => {
    expect(first.decision.fired).toBe(true);
    // A model retrained on the drifted rows beats the old one on the newest of them (same rows).
    expect(first.decision.action).toBe('retrained-promoted');
    const version = first.decision.version ?? '';
    const registered = await client.registry.versions.get({ name, version });
    const tags = new Map(registered.tags.map((t) => [t.key, t.value]));
    expect(tags.get('champion.monitor.run_id')).toBe(first.run_id);
    expect(tags.get('champion.gate.decision')).toBe('promoted');
    const champ = await client.registry.aliases.getVersion({ name, alias: 'champion' });
    expect(champ.version).toBe(version);
  });

  it('does nothing on a second turn right after', async () => {
    const second = json<MonitorJson>(
      await champion(['--json', 'monitor', 'run', '--name', name], { env }),
    );
    expect(['none', 'cooldown']).toContain(second.decision.action);
    expect(second.decision.version).toBeNull();
  });

  it('monitor drift reads the same served records from the store, with the same figures', async () => {
    const report = json<{ share: number; columns: unknown[] }>(
      await champion(
        ['--json', 'monitor', 'drift', '--reference', `models:/${name}/1`].concat([
          '--current',
          'store',
          '--name',
          name,
        ]),
        { env },
      ),
    );
    expect(report.share).toBe(first.drift?.share);
    expect(report.columns.length).toBeGreaterThan(0);
  });

  it('rolls back to the previous champion, and serving swaps to it', async () => {
    const modelVersion = async (): Promise<string> => {
      const res = await fetch(`${url}/model`);
      return ((await res.json()) as { version: string }).version;
    };
    await until(modelVersion, first.decision.version ?? '', 30_000);
    expect((await champion(['rollback', '--name', name])).code).toBe(0);
    const champ = await client.registry.aliases.getVersion({ name, alias: 'champion' });
    expect(champ.version).toBe('1');
    await until(modelVersion, '1', 30_000);
  });
});
