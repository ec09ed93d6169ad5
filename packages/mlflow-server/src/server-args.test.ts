import {
  buildServerArgs,
  clientUrl,
  embeddedStore,
  normalizeBackendStoreUri,
} from './server-args.js';

describe('embeddedStore', () => {
  it('puts an absolute sqlite database and the artifacts in the store dir', () => {
    expect(embeddedStore('/data/mlruns')).toEqual({
      backendStoreUri: 'sqlite:////data/mlruns/mlflow.db',
      artifactsDestination: '/data/mlruns/artifacts',
    });
  });
});

describe('buildServerArgs', () => {
  const base = {
    host: '127.0.0.1',
    port: 5077,
    backendStoreUri: 'postgresql://postgres@127.0.0.1:5432/test',
    artifactsDestination: '/tmp/a',
    workers: 1,
  };

  it('serves artifacts through the proxy', () => {
    expect(buildServerArgs(base)).toContain('--serve-artifacts');
  });

  it('passes allowed hosts as one comma-separated flag', () => {
    const args = buildServerArgs({ ...base, allowedHosts: ['mlflow', 'mlflow:5000'] });
    expect(args.slice(args.indexOf('--allowed-hosts'))).toEqual([
      '--allowed-hosts',
      'mlflow,mlflow:5000',
    ]);
  });
});

describe('clientUrl', () => {
  it('reaches a wildcard bind through loopback', () => {
    expect(clientUrl({ host: '0.0.0.0', port: 5000 })).toBe('http://127.0.0.1:5000');
  });
});

describe('normalizeBackendStoreUri', () => {
  it('pins a bare postgresql URI to psycopg2, the driver the venv ships', () => {
    expect(normalizeBackendStoreUri('postgresql://postgres@127.0.0.1:5432/test')).toBe(
      'postgresql+psycopg2://postgres@127.0.0.1:5432/test',
    );
  });

  it('leaves a URI with an explicit driver alone', () => {
    const uri = 'postgresql+psycopg://postgres@db/mlflow';
    expect(normalizeBackendStoreUri(uri)).toBe(uri);
  });
});
