import type { CliContext } from '../context.js';
import { createProgram } from '../program.js';
import { interactiveDrainDelay } from './serve.js';

const silent = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

function program(out: { text: string }) {
  const context: CliContext = {
    config: { LOG_LEVEL: 'info' },
    logger: silent,
    output: { result: () => undefined },
    services: { mlflowUp: () => Promise.reject(new Error('not used')) },
    shutdownSignal: () => Promise.resolve('SIGINT'),
  };
  return createProgram({
    context,
    writeOut: (t) => (out.text += t),
    writeErr: (t) => (out.text += t),
  });
}

describe('champion serve', () => {
  it('documents its flags in --help', async () => {
    const out = { text: '' };
    await expect(
      program(out).parseAsync(['node', 'champion', 'serve', '--help']),
    ).rejects.toThrow();
    expect(out.text).toMatch(
      /--name <model>[\s\S]*--alias <alias>[\s\S]*--port <port>[\s\S]*--host <host>/,
    );
  });

  it('asks which model to serve when neither --name nor CHAMPION_MODEL_NAME is given', async () => {
    const saved = process.env['CHAMPION_MODEL_NAME'];
    delete process.env['CHAMPION_MODEL_NAME'];
    try {
      await expect(program({ text: '' }).parseAsync(['node', 'champion', 'serve'])).rejects.toThrow(
        /--name MODEL or set CHAMPION_MODEL_NAME/,
      );
    } finally {
      if (saved !== undefined) process.env['CHAMPION_MODEL_NAME'] = saved;
    }
  });

  it('refuses a port that is not a number', async () => {
    const out = { text: '' };
    await expect(
      program(out).parseAsync(['node', 'champion', 'serve', '--name', 'm', '--port', 'x']),
    ).rejects.toThrow();
    expect(out.text).toContain('port');
  });

  it('drains for 0 ms at a terminal unless CHAMPION_DRAIN_DELAY_MS is set', () => {
    expect(interactiveDrainDelay({ env: {}, interactive: true })).toEqual({ drainDelayMs: 0 });
    expect(interactiveDrainDelay({ env: {}, interactive: false })).toEqual({});
    expect(
      interactiveDrainDelay({ env: { CHAMPION_DRAIN_DELAY_MS: '3000' }, interactive: true }),
    ).toEqual({});
  });
});
