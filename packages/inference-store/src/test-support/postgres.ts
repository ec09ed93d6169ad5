/**
 * A PostgreSQL store in a fresh schema for one test file, at CHAMPION_TEST_POSTGRES_URL
 * (default postgresql://postgres@127.0.0.1:5432/test).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';

export const PG_URL =
  process.env['CHAMPION_TEST_POSTGRES_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/test';

/** A schema name no other test uses, and the store setting naming it. */
export function freshSchema(): { schema: string; setting: string } {
  const schema = `champion_store_${randomBytes(4).toString('hex')}`;
  const url = new URL(PG_URL);
  url.searchParams.set('schema', schema);
  return { schema, setting: url.toString() };
}

/** Why PostgreSQL cannot be used here, or undefined when it can (synchronous: runs a child). */
export function pgProblem(): string | undefined {
  const out = spawnSync(process.execPath, [join(__dirname, 'pg-check.mjs'), PG_URL], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  return out.status === 0 ? undefined : out.stdout || out.error?.message || 'no answer';
}

/**
 * Whether tests needing PostgreSQL should run: false (with a warning) when none answers; throws
 * on CI, where a silent skip would hide a broken pipeline.
 */
export function postgresAvailable(what: string): boolean {
  const problem = pgProblem();
  if (problem === undefined) return true;
  const message = `${what}: no PostgreSQL at ${PG_URL} (${problem}); set CHAMPION_TEST_POSTGRES_URL.`;
  if (process.env['CI'] === 'true') throw new Error(message);
  console.warn(`skipping ${message}`);
  return false;
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** Runs `fn` on a raw connection (to tamper with rows the way a bad actor could). */
export async function withClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
