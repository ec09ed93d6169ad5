import { CommanderError } from 'commander';
import type { MlflowServer } from '@champion/mlflow-server';
import type { CliContext } from './context.js';
import { createProgram } from './program.js';
import type { MlflowUpOptions } from './services/index.js';

const silent = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** A program whose services are fakes, with everything it prints captured. */
function harness() {
  const printed = { out: '', err: '', results: [] as string[] };
  const upCalls: MlflowUpOptions[] = [];
  const fakeServer: MlflowServer = {
    url: 'http://127.0.0.1:5077',
    host: '127.0.0.1',
    port: 5077,
    pid: 1,
    logFile: '/tmp/mlflow.log',
    backendStoreUri: 'sqlite:////tmp/mlflow.db',
    artifactsDestination: '/tmp/artifacts',
    exited: new Promise(() => undefined),
    stop: () => Promise.resolve(),
  };
  const context: CliContext = {
    config: { LOG_LEVEL: 'info' },
    logger: silent,
    output: {
      result: ({ text, data, json }) => printed.results.push(json ? JSON.stringify(data) : text),
    },
    services: {
      mlflowUp: (options) => {
        upCalls.push(options);
        return Promise.resolve(fakeServer);
      },
    },
    shutdownSignal: () => Promise.resolve('SIGINT'),
  };
  const program = createProgram({
    context,
    writeOut: (text) => (printed.out += text),
    writeErr: (text) => (printed.err += text),
  });
  const run = (...args: string[]) => program.parseAsync(['node', 'champion', ...args]);
  return { run, printed, upCalls };
}

async function failure(promise: Promise<unknown>): Promise<CommanderError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof CommanderError) return err;
    throw err;
  }
  throw new Error('expected the command to fail');
}

describe('the champion program', () => {
  it('lists its commands in --help', async () => {
    const { run, printed } = harness();
    await failure(run('--help'));
    expect(printed.out).toMatch(/Commands:[\s\S]*demo[\s\S]*mlflow/);
  });

  it('documents the mlflow up flags in its own --help', async () => {
    const { run, printed } = harness();
    await failure(run('mlflow', 'up', '--help'));
    for (const flag of ['--port', '--host', '--backend-store-uri', '--artifacts-destination']) {
      expect(printed.out).toContain(flag);
    }
  });

  it('rejects an unknown flag with a clear error and a non-zero exit code', async () => {
    const { run, printed } = harness();
    const err = await failure(run('mlflow', 'up', '--prot', '5077'));
    expect(err.exitCode).not.toBe(0);
    expect(printed.err).toContain("unknown option '--prot'");
  });

  it('rejects a port that is not a number', async () => {
    const { run, printed } = harness();
    await failure(run('mlflow', 'up', '--port', 'abc'));
    expect(printed.err).toContain('a port is an integer from 1 to 65535');
  });

  it('hands mlflow up flags to the service and prints the UI URL', async () => {
    const { run, printed, upCalls } = harness();
    await run('mlflow', 'up', '--port', '5077', '--backend-store-uri', 'postgresql://pg/test');
    expect(upCalls).toEqual([
      { host: '127.0.0.1', port: 5077, workers: 1, backendStoreUri: 'postgresql://pg/test' },
    ]);
    expect(printed.results).toEqual(['MLflow UI: http://127.0.0.1:5077']);
  });

  it('prints the result as JSON with --json', async () => {
    const { run, printed } = harness();
    await run('--json', 'mlflow', 'up', '--port', '5077');
    expect(JSON.parse(printed.results[0] ?? '')).toMatchObject({
      event: 'ready',
      url: 'http://127.0.0.1:5077',
    });
  });
});
