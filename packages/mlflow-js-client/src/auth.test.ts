import { authFromEnv, authorizationHeader } from './auth.js';

describe('authFromEnv', () => {
  it('uses Basic when username and password are set, even if a token is set too', () => {
    const auth = authFromEnv({
      MLFLOW_TRACKING_USERNAME: 'alice',
      MLFLOW_TRACKING_PASSWORD: 's3cret',
      MLFLOW_TRACKING_TOKEN: 'tok',
    });
    expect(authorizationHeader(auth)).toBe(
      `Basic ${Buffer.from('alice:s3cret').toString('base64')}`,
    );
  });

  it('uses Bearer from MLFLOW_TRACKING_TOKEN when there is no username/password', () => {
    expect(authorizationHeader(authFromEnv({ MLFLOW_TRACKING_TOKEN: 'tok' }))).toBe('Bearer tok');
  });

  it('falls back to Bearer when only the username is set', () => {
    const auth = authFromEnv({ MLFLOW_TRACKING_USERNAME: 'alice', MLFLOW_TRACKING_TOKEN: 'tok' });
    expect(auth.type).toBe('bearer');
  });

  it('sends no Authorization header without credentials', () => {
    expect(authorizationHeader(authFromEnv({}))).toBeUndefined();
  });

  it('treats empty variables as unset', () => {
    expect(authFromEnv({ MLFLOW_TRACKING_TOKEN: '' }).type).toBe('none');
  });
});
