import { MlflowError } from '../errors.js';
import { artifactRepoUrl, listingTarget, resolveMlflowArtifactsUri } from './uri.js';

// Expected values are what MLflow 3.17's MlflowArtifactsRepository.resolve_uri returns.
describe('resolveMlflowArtifactsUri', () => {
  it('maps a run artifact URI onto the tracking server proxy route', () => {
    expect(
      resolveMlflowArtifactsUri('mlflow-artifacts:/1/abc/artifacts', 'http://127.0.0.1:5000'),
    ).toBe('http://127.0.0.1:5000/api/2.0/mlflow-artifacts/artifacts/1/abc/artifacts');
  });

  it('uses the host of an mlflow-artifacts://host:port URI instead of the tracking host', () => {
    expect(
      resolveMlflowArtifactsUri(
        'mlflow-artifacts://other:5001/1/abc/artifacts',
        'http://127.0.0.1:5000',
      ),
    ).toBe('http://other:5001/api/2.0/mlflow-artifacts/artifacts/1/abc/artifacts');
  });

  it('keeps a path prefix of the tracking URI', () => {
    expect(
      resolveMlflowArtifactsUri('mlflow-artifacts:/1/abc/artifacts', 'https://host.example/mlflow'),
    ).toBe('https://host.example/mlflow/api/2.0/mlflow-artifacts/artifacts/1/abc/artifacts');
  });

  it('drops the tracking path prefix for the root path, as MLflow does', () => {
    expect(resolveMlflowArtifactsUri('mlflow-artifacts:/', 'https://host.example/mlflow')).toBe(
      'https://host.example/api/2.0/mlflow-artifacts/artifacts',
    );
  });

  it('strips trailing slashes of the artifact and tracking URIs', () => {
    expect(
      resolveMlflowArtifactsUri('mlflow-artifacts:/1/models/m-1/artifacts/', 'http://h:1/'),
    ).toBe('http://h:1/api/2.0/mlflow-artifacts/artifacts/1/models/m-1/artifacts');
  });

  it('rejects a port without a host', () => {
    expect(() => resolveMlflowArtifactsUri('mlflow-artifacts://5000/path', 'http://h:1')).toThrow(
      /port number.*no host/,
    );
  });

  it('rejects a non-http tracking URI', () => {
    expect(() => resolveMlflowArtifactsUri('mlflow-artifacts:/x', 'sqlite:///x.db')).toThrow(
      MlflowError,
    );
  });
});

describe('artifactRepoUrl', () => {
  it('uses an http proxy URL as it is', () => {
    expect(
      artifactRepoUrl('http://h:1/api/2.0/mlflow-artifacts/artifacts/1/r/artifacts/', 'http://x'),
    ).toBe('http://h:1/api/2.0/mlflow-artifacts/artifacts/1/r/artifacts');
  });

  it('refuses an s3 URI with a message about the artifact proxy', () => {
    expect(() => artifactRepoUrl('s3://bucket/1/r/artifacts', 'http://h:1')).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_ARTIFACT_URI' }) as Error,
    );
  });
});

describe('listingTarget', () => {
  it('lists through the route with the root-relative path as the path query', () => {
    expect(
      listingTarget('http://h:1/api/2.0/mlflow-artifacts/artifacts/1/r/artifacts', 'model/sub'),
    ).toEqual({
      url: 'http://h:1/api/2.0/mlflow-artifacts/artifacts',
      path: '1/r/artifacts/model/sub',
    });
  });
});
