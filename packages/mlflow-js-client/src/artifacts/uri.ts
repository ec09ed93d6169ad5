/**
 * Maps artifact URIs to the tracking server's artifact proxy exactly as MLflow's Python client
 * does (mlflow/store/artifact/mlflow_artifacts_repo.py `resolve_uri`, http_artifact_repo.py
 * `list_artifacts`), including its quirks (a root `/` path drops the tracking URI's prefix).
 * Only `mlflow-artifacts:` and proxy `http(s)` URIs are served; s3://, file: etc. are not.
 */
import { MlflowError } from '../errors.js';

/** The proxy's route, relative to the server root. */
export const ARTIFACTS_ROUTE = '/api/2.0/mlflow-artifacts/artifacts';

interface ParsedUri {
  scheme: string;
  netloc: string;
  path: string;
}

/** Python's urlparse, for the parts MLflow uses (no decoding, no normalisation). */
function urlparse(uri: string): ParsedUri {
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):(?:\/\/([^/?#]*))?([^?#]*)/.exec(uri);
  if (match === null) return { scheme: '', netloc: '', path: uri.replace(/[?#].*$/, '') };
  return { scheme: (match[1] ?? '').toLowerCase(), netloc: match[2] ?? '', path: match[3] ?? '' };
}

function hostOf(netloc: string): { hostname: string; port: string } {
  const host = netloc.replace(/^.*@/, '');
  const bracketed = /^\[([^\]]*)\](?::(\d*))?$/.exec(host);
  if (bracketed !== null) return { hostname: bracketed[1] ?? '', port: bracketed[2] ?? '' };
  const colon = host.lastIndexOf(':');
  if (colon === -1) return { hostname: host, port: '' };
  return { hostname: host.slice(0, colon), port: host.slice(colon + 1) };
}

function unsupported(message: string): MlflowError {
  return new MlflowError({ code: 'UNSUPPORTED_ARTIFACT_URI', message });
}

/**
 * `mlflow-artifacts:/1/<run>/artifacts` + `http://host:5000` →
 * `http://host:5000/api/2.0/mlflow-artifacts/artifacts/1/<run>/artifacts`.
 * `mlflow-artifacts://other:5001/x` keeps `other:5001` as the host.
 */
export function resolveMlflowArtifactsUri(artifactUri: string, trackingUri: string): string {
  const track = urlparse(trackingUri);
  const uri = urlparse(artifactUri);
  const { hostname, port } = hostOf(uri.netloc);
  if (hostname !== '' && /^\d+(\.\d+)?$/.test(hostname) && port === '') {
    throw unsupported(
      `The mlflow-artifacts URI ${artifactUri} has a port number (${hostname}) but no host.`,
    );
  }
  if (track.scheme !== 'http' && track.scheme !== 'https') {
    throw unsupported(
      `An mlflow-artifacts URI (${artifactUri}) needs an http(s) tracking URI; set ` +
        'MLFLOW_TRACKING_URI to the MLflow server, e.g. http://localhost:5000.',
    );
  }
  let resolved: string;
  if (uri.path === '/') resolved = `${ARTIFACTS_ROUTE}/`;
  else if (uri.path === ARTIFACTS_ROUTE) resolved = ARTIFACTS_ROUTE;
  else resolved = `${track.path}/${ARTIFACTS_ROUTE}/${uri.path}`;
  resolved = resolved.replace(/\/\/+/g, '/');
  const netloc = uri.netloc !== '' ? uri.netloc : track.netloc;
  return `${track.scheme}://${netloc}${resolved}`.replace('///', '/').replace(/\/+$/, '');
}

/**
 * The http(s) URL under which the files of `artifactUri` live: mlflow-artifacts URIs are resolved,
 * http(s) URIs (already proxy URLs) are used as they are.
 */
export function artifactRepoUrl(artifactUri: string, trackingUri: string): string {
  const { scheme, path } = urlparse(artifactUri);
  // A `..` segment would move the URL off the artifact root (URL parsing removes it silently).
  const segments = path.split('/');
  if (segments.some((s) => /^(%2e|\.){2}$/i.test(s))) {
    throw new MlflowError({
      code: 'BAD_RESPONSE',
      message: `Artifact URI ${JSON.stringify(artifactUri)} is unsafe: it has a '..' segment.`,
    });
  }
  if (scheme === 'mlflow-artifacts') return resolveMlflowArtifactsUri(artifactUri, trackingUri);
  if (scheme === 'http' || scheme === 'https') return artifactUri.replace(/\/+$/, '');
  throw unsupported(
    `Artifact URI ${artifactUri} is not served by the tracking server's artifact proxy. ` +
      'Start `mlflow server` with --artifacts-destination (proxied artifacts, the default) so ' +
      'runs get mlflow-artifacts: URIs.',
  );
}

/** The listing endpoint and `path` query value for a repo URL (http_artifact_repo.list_artifacts). */
export function listingTarget(
  repoUrl: string,
  path: string | undefined,
): { url: string; path: string } {
  const anchor = '/mlflow-artifacts/artifacts';
  const at = repoUrl.indexOf(anchor);
  if (at === -1) {
    throw unsupported(
      `Artifact URL ${repoUrl} is not under the artifact proxy (${ARTIFACTS_ROUTE}).`,
    );
  }
  const root = repoUrl.slice(at + anchor.length).replace(/^\/+/, '');
  const joined = path === undefined || path === '' ? root : root === '' ? path : `${root}/${path}`;
  return { url: `${repoUrl.slice(0, at)}${anchor}`, path: joined };
}
