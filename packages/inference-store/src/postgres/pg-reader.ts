/**
 * The PostgreSQL backend's reader. Rows are read in (xid, seq) order, a page at a time, with
 * their labels joined in SQL. Only rows of transactions older than the oldest transaction still
 * running when the scan starts are read (`pg_snapshot_xmin`): sequence numbers are taken before
 * commit, so replica A's row 10 can commit after replica B's row 11 was read; reading by
 * finished transactions instead means a checkpoint never passes a row that is not yet visible.
 * A long-running write transaction in the same database delays what a scan sees; it never
 * makes a scan skip rows.
 */
import type { Pool } from 'pg';
import { z } from 'zod';
import { encodeCheckpoint, parsePgCheckpoint, type PgCheckpoint } from '../checkpoint.js';
import { servedRecord, storedRecordSchema, type ServedRecord } from '../record.js';
import type { ScanOptions, ScanTally } from '../store.js';
import type { PgTables } from './pg-tables.js';

const PAGE_ROWS = 5000;

const rowSchema = z.object({
  seq: z.string().regex(/^\d+$/),
  xid: z.string().regex(/^\d+$/),
  record: z.unknown(),
  label: z.string().nullable(),
});

async function oldestRunning(pool: Pool): Promise<bigint> {
  const result = await pool.query<{ xmin: string }>(
    'SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin',
  );
  return BigInt(result.rows[0]?.xmin ?? '0');
}

function page(options: {
  pool: Pool;
  tables: PgTables;
  after: PgCheckpoint;
  below: bigint;
  from: Date | undefined;
}): Promise<{ rows: unknown[] }> {
  const { tables, after, below, from } = options;
  return options.pool.query(
    `SELECT r.seq::text AS seq, r.xid::text AS xid, r.record, l.label
     FROM ${tables.records} r LEFT JOIN ${tables.labels} l ON l.request_id = r.request_id
     WHERE (r.xid, r.seq) > ($1::text::xid8, $2::bigint) AND r.xid < $3::text::xid8
       AND ($4::timestamptz IS NULL OR r.time >= $4::timestamptz)
     ORDER BY r.xid, r.seq LIMIT ${PAGE_ROWS}`,
    [after.xid.toString(), after.seq.toString(), below.toString(), from ?? null],
  );
}

export async function* scanPostgres(options: {
  pool: Pool;
  tables: PgTables;
  ready: () => Promise<void>;
  scan: ScanOptions;
  tally: ScanTally;
}): AsyncGenerator<ServedRecord[], string> {
  const { pool, tables, scan, tally } = options;
  const start: PgCheckpoint =
    scan.after === undefined ? { kind: 'pg', xid: 0n, seq: 0n } : parsePgCheckpoint(scan.after);
  await options.ready();
  const below = await oldestRunning(pool);
  let last = start;
  for (;;) {
    const { rows } = await page({ pool, tables, after: last, below, from: scan.from });
    const records: ServedRecord[] = [];
    for (const raw of rows) {
      const row = rowSchema.safeParse(raw);
      if (!row.success) throw new Error('unexpected row shape from the records table');
      const at: PgCheckpoint = { kind: 'pg', xid: BigInt(row.data.xid), seq: BigInt(row.data.seq) };
      const stored = storedRecordSchema.safeParse(row.data.record);
      if (!stored.success) {
        tally.problem(
          `row ${row.data.seq}`,
          `not a stored record (${stored.error.issues[0]?.message ?? ''})`,
        );
      } else {
        if (scan.to !== undefined && new Date(stored.data.time) >= scan.to) {
          if (records.length > 0) yield records;
          return encodeCheckpoint(last);
        }
        records.push(servedRecord(stored.data, row.data.label ?? undefined));
      }
      last = at;
    }
    if (records.length > 0) yield records;
    if (rows.length < PAGE_ROWS) break;
  }
  // Everything below `below` has been read: the next scan starts at its first row.
  const end = below > last.xid ? { kind: 'pg' as const, xid: below, seq: 0n } : last;
  return encodeCheckpoint(end);
}

/** The classes of the records with these request ids (null when not stored). */
export async function pgClassesByRequestId(options: {
  pool: Pool;
  tables: PgTables;
  ids: readonly string[];
}): Promise<Map<string, readonly [string, string] | null>> {
  const result = await options.pool.query(
    `SELECT DISTINCT ON (request_id) request_id, record->'classes' AS classes
     FROM ${options.tables.records} WHERE request_id = ANY($1::text[])`,
    [options.ids],
  );
  const found = new Map<string, readonly [string, string] | null>();
  const row = z.object({
    request_id: z.string(),
    classes: z.tuple([z.string(), z.string()]).nullable().catch(null),
  });
  for (const raw of result.rows) {
    const parsed = row.safeParse(raw);
    if (parsed.success) found.set(parsed.data.request_id, parsed.data.classes);
  }
  return found;
}
