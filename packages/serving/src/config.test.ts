import { inspect } from 'node:util';
import { loadServingConfig, ServingConfigError } from './config.js';

describe('loadServingConfig', () => {
  it('fills the documented defaults', () => {
    const config = loadServingConfig({});
    expect(config).toMatchObject({
      modelAlias: 'champion',
      port: 8080,
      host: '127.0.0.1',
      maxBodyBytes: 1_048_576,
      maxBatchRows: 10_000,
      unseenCategories: 'missing',
      shutdownGraceMs: 10_000,
      drainDelayMs: 5000,
      inferenceLogLimits: {
        maxAgeDays: 30,
        maxTotalBytes: 1_073_741_824,
        maxFieldChars: 1024,
        maxRecordBytes: 65_536,
      },
      logLevel: 'info',
    });
    expect(config.apiKey).toBeUndefined();
  });

  it('names the inference store by CHAMPION_INFERENCE_STORE, the old directory name as a fallback', () => {
    expect(loadServingConfig({})).toMatchObject({
      inferenceStore: '.champion/inference-log',
      inferenceFlushMs: 1000,
    });
    expect(loadServingConfig({ CHAMPION_INFERENCE_LOG_DIR: '/old' }).inferenceStore).toBe('/old');
    const both = loadServingConfig({
      CHAMPION_INFERENCE_LOG_DIR: '/old',
      CHAMPION_INFERENCE_STORE: 'postgresql://pg/db',
      CHAMPION_INFERENCE_FLUSH_MS: '250',
    });
    expect(both).toMatchObject({ inferenceStore: 'postgresql://pg/db', inferenceFlushMs: 250 });
  });

  it('reads the variables', () => {
    const config = loadServingConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      CHAMPION_MODEL_NAME: 'churn',
      CHAMPION_UNSEEN_CATEGORIES: 'reject',
      MLFLOW_TRACKING_URI: 'http://mlflow:5000',
    });
    expect(config).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      modelName: 'churn',
      unseenCategories: 'reject',
      trackingUri: 'http://mlflow:5000',
    });
  });

  it('reads the drain delay (0 allowed) and the inference log limits', () => {
    const config = loadServingConfig({
      CHAMPION_DRAIN_DELAY_MS: '0',
      CHAMPION_INFERENCE_LOG_MAX_AGE_DAYS: '0.5',
      CHAMPION_INFERENCE_LOG_MAX_BYTES: '1000000',
      CHAMPION_INFERENCE_LOG_MAX_FIELD_CHARS: '64',
      CHAMPION_INFERENCE_LOG_MAX_RECORD_BYTES: '4096',
    });
    expect(config.drainDelayMs).toBe(0);
    expect(config.inferenceLogLimits).toEqual({
      maxAgeDays: 0.5,
      maxTotalBytes: 1_000_000,
      maxFieldChars: 64,
      maxRecordBytes: 4096,
    });
  });

  it('refuses a negative drain delay and a zero size limit', () => {
    expect(() =>
      loadServingConfig({ CHAMPION_DRAIN_DELAY_MS: '-1', CHAMPION_INFERENCE_LOG_MAX_BYTES: '0' }),
    ).toThrow(/CHAMPION_DRAIN_DELAY_MS.*CHAMPION_INFERENCE_LOG_MAX_BYTES/);
  });

  it('refreshes the monitoring gauges every minute by default, 0 turning them off', () => {
    expect(loadServingConfig({}).monitorRefreshMs).toBe(60_000);
    expect(loadServingConfig({ CHAMPION_MONITOR_REFRESH_MS: '0' }).monitorRefreshMs).toBe(0);
    expect(loadServingConfig({ CHAMPION_MONITOR_REFRESH_MS: '5000' }).monitorRefreshMs).toBe(5000);
    for (const bad of ['-1', '1.5', 'often'])
      expect(() => loadServingConfig({ CHAMPION_MONITOR_REFRESH_MS: bad })).toThrow(
        /CHAMPION_MONITOR_REFRESH_MS/,
      );
  });

  it('names every bad variable', () => {
    expect(() => loadServingConfig({ PORT: 'eighty', CHAMPION_UNSEEN_CATEGORIES: 'drop' })).toThrow(
      /PORT.*CHAMPION_UNSEEN_CATEGORIES/,
    );
    expect(() => loadServingConfig({ PORT: 'eighty' })).toThrow(ServingConfigError);
  });

  it('never shows the API key when the config is printed', () => {
    const config = loadServingConfig({ CHAMPION_API_KEY: 'hunter2-key' });
    expect(`${inspect(config, { depth: 5 })} ${JSON.stringify(config)}`).not.toContain(
      'hunter2-key',
    );
    expect(config.apiKey?.reveal()).toBe('hunter2-key');
  });

  it('lets overrides (CLI flags) win over the environment', () => {
    expect(loadServingConfig({ PORT: '9000' }, { port: 7000 }).port).toBe(7000);
  });
});

describe('loadServingConfig under CHAMPION_REQUIRE_API_KEY=1 (set by the container image)', () => {
  const required = { CHAMPION_REQUIRE_API_KEY: '1' };

  it('refuses to start without an API key, naming both variables that fix it', () => {
    for (const key of [{}, { CHAMPION_API_KEY: '' }]) {
      expect(() => loadServingConfig({ ...required, ...key })).toThrow(ServingConfigError);
      expect(() => loadServingConfig({ ...required, ...key })).toThrow(
        /CHAMPION_API_KEY.*CHAMPION_ALLOW_OPEN=1/,
      );
    }
  });

  it('starts with an API key, which then protects scoring', () => {
    const config = loadServingConfig({ ...required, CHAMPION_API_KEY: 's3cret-key' });
    expect(config.apiKey?.reveal()).toBe('s3cret-key');
  });

  it('starts without a key when CHAMPION_ALLOW_OPEN=1 says so on purpose', () => {
    const config = loadServingConfig({ ...required, CHAMPION_ALLOW_OPEN: '1' });
    expect(config.apiKey).toBeUndefined();
  });

  it('still refuses when CHAMPION_ALLOW_OPEN is 0 or empty', () => {
    for (const open of ['0', '']) {
      expect(() => loadServingConfig({ ...required, CHAMPION_ALLOW_OPEN: open })).toThrow(
        /CHAMPION_API_KEY/,
      );
    }
  });

  it('accepts only 0 or 1 for both switches, naming the variable', () => {
    expect(() => loadServingConfig({ CHAMPION_REQUIRE_API_KEY: 'yes' })).toThrow(
      /CHAMPION_REQUIRE_API_KEY/,
    );
    expect(() => loadServingConfig({ ...required, CHAMPION_ALLOW_OPEN: 'true' })).toThrow(
      /CHAMPION_ALLOW_OPEN/,
    );
  });

  it('leaves a key optional outside the image (CHAMPION_REQUIRE_API_KEY unset or 0)', () => {
    expect(loadServingConfig({}).apiKey).toBeUndefined();
    expect(loadServingConfig({ CHAMPION_REQUIRE_API_KEY: '0' }).apiKey).toBeUndefined();
  });
});

describe('CHAMPION_UI_AUTH', () => {
  it('is open by default, and key when asked', () => {
    expect(loadServingConfig({}).uiAuth).toBe('open');
    const keyed = { CHAMPION_UI_AUTH: 'key', CHAMPION_API_KEY: 'k' };
    expect(loadServingConfig(keyed).uiAuth).toBe('key');
  });

  it('refuses key without CHAMPION_API_KEY, and anything but open or key', () => {
    expect(() => loadServingConfig({ CHAMPION_UI_AUTH: 'key' })).toThrow(
      /CHAMPION_UI_AUTH=key needs CHAMPION_API_KEY/,
    );
    expect(() => loadServingConfig({ CHAMPION_UI_AUTH: 'basic', CHAMPION_API_KEY: 'k' })).toThrow(
      /CHAMPION_UI_AUTH/,
    );
  });
});

describe('CHAMPION_DIRECT_LANE', () => {
  it('is on unless set to off, and refuses other values naming the variable', () => {
    expect(loadServingConfig({}).directLane).toBe(true);
    expect(loadServingConfig({ CHAMPION_DIRECT_LANE: 'off' }).directLane).toBe(false);
    expect(() => loadServingConfig({ CHAMPION_DIRECT_LANE: 'no' })).toThrow(/CHAMPION_DIRECT_LANE/);
  });
});
