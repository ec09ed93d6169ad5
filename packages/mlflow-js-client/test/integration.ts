/** Shared fixtures of this package's integration tests (a real MLflow server). */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { MlflowClient } from '../src/index.js';

/** A client for the server in MLFLOW_TRACKING_URI (set by the jest global setup). */
export function integrationClient(): MlflowClient {
  if (process.env['MLFLOW_TRACKING_URI'] === undefined) {
    throw new Error('MLFLOW_TRACKING_URI is not set; the integration global setup should set it.');
  }
  return MlflowClient.fromEnv(process.env, { retry: { totalDeadlineMs: 30_000 } });
}

/** A name no other run of the suite (or earlier run against the same server) uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

/** A fresh temp directory, removed by the returned cleanup. */
export async function tempDir(
  prefix: string,
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `${prefix}-`));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** sha256 of a file, streamed. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}
