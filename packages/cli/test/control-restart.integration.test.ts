/**
 * `champion control` killed during a training (SIGKILL: no graceful shutdown) and started again
 * on the same data directory: the job it was running is shown `failed` with the reason, never
 * `running`, and its MLflow run does not stay RUNNING.
 */
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeSynthCsv } from '@champion/tabular';
import { freePort, integrationClient, uniqueName } from '@champion/trainer/test-support';
import { startChampion, type CliProcess } from './run-cli.js';

const KEY = 'restart-key-5678';
const dir = mkdtempSync(path.join(tmpdir(), 'champion-control-restart-'));
const env = { CHAMPION_API_KEY: KEY, CHAMPION_CONTROL_DATA_DIR: path.join(dir, 'control') };

interface JobView {
  status: string;
  mlflowRunId?: string;
  error?: string;
}

async function startControl(port: number): Promise<CliProcess> {
  const control = startChampion(['--json', 'control', '--port', String(port)], { env });
  await control.waitForLine(/"event":"control"/);
  return control;
}

async function until(url: string, check: (job: JobView) => boolean): Promise<JobView> {
  const end = Date.now() + 90_000;
  for (;;) {
    const job = (await (await fetch(url)).json()) as JobView;
    if (check(job)) return job;
    if (Date.now() > end) throw new Error(`job still ${JSON.stringify(job)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

it('marks the job it was running failed after a restart, and its MLflow run is not left RUNNING', async () => {
  const csv = path.join(dir, 'loans.csv');
  await writeSynthCsv({ rows: 600, seed: 4, out: csv });
  const client = integrationClient();
  const port = await freePort();
  const first = await startControl(port);
  let second: CliProcess | undefined;
  try {
    const query = `target=default&id-cols=id&learners=gbdt&candidates=20&time-budget=120&name=${uniqueName('ctl-restart')}`;
    const res = await fetch(`http://127.0.0.1:${port}/jobs/train?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', 'x-api-key': KEY },
      body: await readFile(csv, 'utf8'),
    });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    const url = `http://127.0.0.1:${port}/jobs/${id}`;
    const running = await until(url, (j) => j.mlflowRunId !== undefined);
    expect(running.status).toBe('running');

    first.child.kill('SIGKILL');
    await first.done;
    second = await startControl(port);
    const job = await until(url, () => true);
    expect(job).toMatchObject({
      status: 'failed',
      error: 'control service restarted during the job',
    });
    const runId = running.mlflowRunId ?? '';
    // The orphaned training stops itself (KILLED) or the restarted service ends its run (FAILED).
    const end = Date.now() + 30_000;
    let status = (await client.runs.get(runId)).info.status;
    while (status === 'RUNNING' && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 250));
      status = (await client.runs.get(runId)).info.status;
    }
    expect(['KILLED', 'FAILED']).toContain(status);
  } finally {
    first.child.kill('SIGKILL');
    second?.child.kill('SIGTERM');
    await second?.done;
    await client.close();
  }
});
