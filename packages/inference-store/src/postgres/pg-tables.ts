/**
 * The PostgreSQL backend's tables, created when missing (under an advisory lock, so replicas
 * starting together do not race), in the schema named by the URI's `schema` parameter (default
 * `public`).
 *
 * Records carry the id of the transaction that inserted them (`xid`, PostgreSQL's xid8): a
 * reader reads only rows of transactions older than the oldest one still running, so a row
 * committed late by one replica is never behind a checkpoint already handed out (pg-reader.ts).
 */
import type { Pool } from 'pg';

export interface PgTables {
  readonly records: string;
  readonly labels: string;
}

/** Quoted, schema-qualified names (the schema name was checked to be an identifier). */
export function pgTables(schema: string): PgTables {
  return {
    records: `"${schema}".champion_inference_records`,
    labels: `"${schema}".champion_inference_labels`,
  };
}

const LOCK_KEY = 7_114_014; // any constant: all champion processes take the same lock

export async function createTables(pool: Pool, schema: string): Promise<void> {
  const t = pgTables(schema);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${t.records} (
      seq bigserial PRIMARY KEY,
      xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
      time timestamptz NOT NULL,
      request_id text NOT NULL,
      record jsonb NOT NULL
    )`);
    await client.query(
      `CREATE INDEX IF NOT EXISTS champion_inference_records_xid_seq ON ${t.records} (xid, seq)`,
    );
    await client.query(
      `CREATE INDEX IF NOT EXISTS champion_inference_records_request_id ON ${t.records} (request_id)`,
    );
    await client.query(`CREATE TABLE IF NOT EXISTS ${t.labels} (
      request_id text PRIMARY KEY,
      label text NOT NULL,
      time timestamptz NOT NULL
    )`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
