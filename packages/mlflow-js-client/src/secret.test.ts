import { inspect } from 'node:util';
import { authFromEnv } from './auth.js';
import { MlflowClient } from './client.js';
import { Secret } from './secret.js';

describe('Secret', () => {
  const env = { MLFLOW_TRACKING_USERNAME: 'alice', MLFLOW_TRACKING_PASSWORD: 'hunter2-pw' };

  it('is redacted in JSON', () => {
    expect(JSON.stringify(authFromEnv(env))).not.toContain('hunter2-pw');
  });

  it('is redacted by util.inspect / console.log', () => {
    expect(inspect(authFromEnv(env), { depth: 5 })).not.toContain('hunter2-pw');
  });

  it('is redacted in string interpolation', () => {
    expect(String(new Secret('hunter2-pw'))).not.toContain('hunter2-pw');
  });

  it('still gives the value to whoever asks explicitly', () => {
    expect(new Secret('hunter2-pw').reveal()).toBe('hunter2-pw');
  });

  it('does not leak through an inspected or serialised client', () => {
    const client = MlflowClient.fromEnv({ ...env, MLFLOW_TRACKING_URI: 'http://127.0.0.1:1' });
    const shown = `${inspect(client, { depth: 10 })} ${JSON.stringify(client)}`;
    expect(shown).not.toContain('hunter2-pw');
    expect(shown).toContain('127.0.0.1');
  });
});
