import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults LOG_LEVEL to info', () => {
    expect(loadConfig({}).LOG_LEVEL).toBe('info');
  });

  it('names the variable that is invalid', () => {
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});
