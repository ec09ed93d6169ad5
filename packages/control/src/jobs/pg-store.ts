/**
 * Job records in PostgreSQL (CHAMPION_CONTROL_DATABASE_URL), for control services that already
 * have a database (MLflow's): one row per job, the record as jsonb, validated when read back like
 * the file store's. The table is created when missing, in the URI's `schema` (default `public`).
 */
import pg from 'pg';
import { z } from 'zod';
import { jobSchema, type Job } from './job.js';
import type { JobStore } from './store.js';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;
const idSchema = z.uuid();

/** The connection string for `pg` and the schema, from `postgresql://…[?schema=name]`. */
export function parseDatabaseUrl(value: string): { connectionString: string; schema: string } {
  const url = new URL(value);
  const schema = url.searchParams.get('schema') ?? 'public';
  if (!IDENTIFIER.test(schema)) {
    throw new Error(
      `CHAMPION_CONTROL_DATABASE_URL: schema ${JSON.stringify(schema)} is not a plain identifier (lower-case letters, digits, _)`,
    );
  }
  url.searchParams.delete('schema');
  return { connectionString: url.toString(), schema };
}

export class PgJobStore implements JobStore {
  readonly #pool: pg.Pool;
  readonly #table: string;
  readonly #schema: string;
  #ready: Promise<void> | undefined;

  constructor(databaseUrl: string) {
    const { connectionString, schema } = parseDatabaseUrl(databaseUrl);
    this.#pool = new pg.Pool({ connectionString, max: 4 });
    this.#schema = schema;
    this.#table = `"${schema}".champion_control_jobs`;
  }

  async put(job: Job): Promise<void> {
    await this.#tables();
    await this.#pool.query(
      `INSERT INTO ${this.#table} (id, created_at, record) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET record = EXCLUDED.record`,
      [job.id, job.createdAt, JSON.stringify(jobSchema.parse(job))],
    );
  }

  async get(id: string): Promise<Job | undefined> {
    if (!idSchema.safeParse(id).success) return undefined;
    await this.#tables();
    const res = await this.#pool.query<{ record: unknown }>(
      `SELECT record FROM ${this.#table} WHERE id = $1`,
      [id],
    );
    const row = res.rows[0];
    return row === undefined ? undefined : this.#parse(row.record, id);
  }

  async list(): Promise<Job[]> {
    await this.#tables();
    const res = await this.#pool.query<{ id: string; record: unknown }>(
      `SELECT id, record FROM ${this.#table} ORDER BY created_at DESC`,
    );
    return res.rows.map((row) => this.#parse(row.record, row.id));
  }

  close(): Promise<void> {
    return this.#pool.end();
  }

  #parse(record: unknown, id: string): Job {
    const parsed = jobSchema.safeParse(record);
    if (!parsed.success)
      throw new Error(`job record ${id} in ${this.#table} is not valid: ${parsed.error.message}`);
    return parsed.data;
  }

  #tables(): Promise<void> {
    this.#ready ??= (async () => {
      await this.#pool.query(`CREATE SCHEMA IF NOT EXISTS "${this.#schema}"`);
      await this.#pool.query(`CREATE TABLE IF NOT EXISTS ${this.#table} (
        id uuid PRIMARY KEY,
        created_at timestamptz NOT NULL,
        record jsonb NOT NULL
      )`);
    })().catch((error: unknown) => {
      this.#ready = undefined;
      throw error;
    });
    return this.#ready;
  }
}
