import { logMode } from './log-mode.js';

const argv = (...args: string[]) => ['node', 'champion', ...args];

describe('logMode', () => {
  it('is human at a terminal', () => {
    expect(logMode({ argv: argv('train'), env: {}, stderrIsTTY: true })).toBe('human');
  });
  it('is JSON with --json, with LOG_LEVEL, or off a terminal', () => {
    expect(logMode({ argv: argv('--json', 'train'), env: {}, stderrIsTTY: true })).toBe('json');
    expect(logMode({ argv: argv('score', '--json'), env: {}, stderrIsTTY: true })).toBe('json');
    expect(logMode({ argv: argv('train'), env: { LOG_LEVEL: 'info' }, stderrIsTTY: true })).toBe(
      'json',
    );
    expect(logMode({ argv: argv('train'), env: {}, stderrIsTTY: false })).toBe('json');
  });
  it('ignores --json after --', () => {
    expect(logMode({ argv: argv('train', '--', '--json'), env: {}, stderrIsTTY: true })).toBe(
      'human',
    );
  });
});
