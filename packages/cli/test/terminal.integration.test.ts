/**
 * The CLI at a terminal, run as the README says (`./node_modules/.bin/champion`, `pnpm champion`):
 * errors are sentences, a busy port is named once, Ctrl-C and SIGTERM stop cleanly with 130/143
 * and leave no process behind. Real processes under a pseudo-terminal (`script`), a real MLflow.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findFreePort } from '@champion/mlflow-server';
import { integrationClient, trainChampion, uniqueName } from '@champion/trainer/test-support';
import { alive, atTerminal, descendants, REPO_ROOT } from './terminal.js';

const BIN = './node_modules/.bin/champion';

/** Polls until none of `pids` exists (or the deadline passes); returns those left. */
async function goneWithin(pids: readonly number[], ms: number): Promise<number[]> {
  const deadline = Date.now() + ms;
  while (alive(pids).length > 0 && Date.now() < deadline) await sleep(200);
  return alive(pids);
}

describe('champion at a terminal', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cli-terminal-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('says in a sentence that the data file is missing, naming it, and exits non-zero', async () => {
    const run = await atTerminal(`${BIN} train --data missing.csv --target x`).done;
    expect(run.code).not.toBe(0);
    expect(run.screen).toContain('missing.csv');
    expect(run.screen).toContain('--data');
    expect(run.screen).not.toMatch(/^\s*\{/m);
  });

  it('keeps the JSON log line with --json', async () => {
    const run = await atTerminal(`${BIN} --json train --data missing.csv --target x`).done;
    expect(run.code).toBe(1);
    const line = run.screen.trim().split('\n').pop() ?? '';
    expect(JSON.parse(line)).toMatchObject({ level: 'error', code: 'FILE_NOT_FOUND' });
  });

  describe('with a registered model', () => {
    const name = uniqueName('terminal');
    beforeAll(async () => {
      await trainChampion({ client: integrationClient(), name, dir });
    });

    it('names a busy port and the flag to change it, with no follow-up error', async () => {
      const port = await findFreePort();
      const squatter: Server = createServer().listen(port, '127.0.0.1');
      try {
        const run = await atTerminal(`${BIN} serve --name ${name} --port ${port}`).done;
        expect(run.code).toBe(1);
        expect(run.screen).toContain(
          `port ${port} is in use: stop the other process or pass --port N.`,
        );
        // Give a leftover model check time to fail, if one were still running.
        expect(run.screen).not.toMatch(/model check failed|client is destroyed|EADDRINUSE/);
      } finally {
        squatter.close();
      }
    });

    it('stops serving on Ctrl-C and exits 130, without a pnpm banner', async () => {
      const port = await findFreePort();
      const session = atTerminal(`${BIN} serve --name ${name} --port ${port}`);
      await session.waitFor(/serving .* at http/);
      session.interrupt();
      const run = await session.done;
      expect(run.screen).toMatch(/stopped \(clean=true/);
      expect(run.screen).not.toContain('ELIFECYCLE');
      expect(run.code).toBe(130);
    });
  });

  describe('with the MLflow server the CLI starts', () => {
    const up = async (): Promise<string> => {
      const port = await findFreePort();
      const store = await mkdtemp(join(dir, 'mlflow-'));
      return `mlflow up --port ${port} --backend-store-uri sqlite:///${store}/mlflow.db --artifacts-destination ${store}/artifacts`;
    };

    it('Ctrl-C stops MLflow and every process under the CLI, exit 130', async () => {
      const session = atTerminal(`${BIN} ${await up()}`);
      await session.waitFor(/press Ctrl-C to stop/);
      const tree = descendants(session.pid);
      expect(tree.length).toBeGreaterThan(2); // the CLI, mlflow server, its workers
      session.interrupt();
      const run = await session.done;
      expect(run.code).toBe(130);
      expect(run.screen).not.toContain('ELIFECYCLE');
      expect(await goneWithin(tree, 5000)).toEqual([]);
    });

    it('SIGTERM to pnpm (which does not pass it on) still stops the CLI and MLflow', async () => {
      const pnpm = spawn('pnpm', ['champion', ...(await up()).split(' ')], {
        cwd: REPO_ROOT,
        env: { ...process.env, LOG_LEVEL: 'info' },
      });
      let out = '';
      pnpm.stderr.on('data', (d: Buffer) => (out += d.toString()));
      const exited = new Promise((resolve) => pnpm.on('close', resolve));
      while (!out.includes('press Ctrl-C to stop')) {
        if (pnpm.exitCode !== null) throw new Error(`pnpm champion ended early:\n${out}`);
        await sleep(200);
      }
      const tree = descendants(pnpm.pid as number);
      expect(tree.length).toBeGreaterThan(2);
      pnpm.kill('SIGTERM');
      await exited;
      expect(await goneWithin(tree, 20_000)).toEqual([]);
    });
  });
});
