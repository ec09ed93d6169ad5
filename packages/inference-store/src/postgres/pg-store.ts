/** The PostgreSQL backend: several serving replicas write at once; any process reads. */
import pg from 'pg';
import { InferenceStoreError } from '../errors.js';
import {
  judgeLabels,
  checkLabelItems,
  type LabelItem,
  type LabelOutcome,
  type StoredLabel,
} from '../labels.js';
import type { InferenceLogLimits } from '../limits.js';
import { errorMessage, type StoreLogger } from '../logger.js';
import type { InferenceRecord } from '../record.js';
import { recordScan, type InferenceStore, type RecordScan, type ScanOptions } from '../store.js';
import { pgClassesByRequestId, scanPostgres } from './pg-reader.js';
import { createTables, pgTables, type PgTables } from './pg-tables.js';
import type { PgSetting } from './pg-uri.js';
import { PgWriter } from './pg-writer.js';

export interface PgStoreOptions {
  readonly setting: PgSetting;
  readonly logger: StoreLogger;
  readonly limits?: Partial<InferenceLogLimits>;
  readonly flushIntervalMs?: number;
  readonly clock?: () => Date;
}

export class PgStore implements InferenceStore {
  readonly kind = 'postgresql' as const;
  readonly location: string;
  readonly writer: PgWriter;
  readonly #pool: pg.Pool;
  readonly #tables: PgTables;
  readonly #setting: PgSetting;
  readonly #clock: () => Date;
  #ready: Promise<void> | undefined;

  constructor(options: PgStoreOptions) {
    this.#setting = options.setting;
    this.location = options.setting.shown;
    this.#tables = pgTables(options.setting.schema);
    this.#clock = options.clock ?? (() => new Date());
    this.#pool = new pg.Pool({ connectionString: options.setting.connectionString, max: 4 });
    this.#pool.on('error', (error) =>
      options.logger.warn('inference store: idle PostgreSQL connection failed', {
        error: errorMessage(error),
      }),
    );
    this.writer = new PgWriter({
      pool: this.#pool,
      tables: this.#tables,
      ready: () => this.ready(),
      logger: options.logger,
      ...(options.limits === undefined ? {} : { limits: options.limits }),
      ...(options.flushIntervalMs === undefined
        ? {}
        : { flushIntervalMs: options.flushIntervalMs }),
      ...(options.clock === undefined ? {} : { clock: options.clock }),
    });
  }

  /** Connects and creates the tables if missing (once; retried after a failure). */
  ready(): Promise<void> {
    this.#ready ??= createTables(this.#pool, this.#setting.schema).catch((error: unknown) => {
      this.#ready = undefined;
      throw new InferenceStoreError({
        code: 'STORE_UNAVAILABLE',
        message: `Cannot use the PostgreSQL inference store ${this.location}: ${errorMessage(error)}. Check that the server runs and the URI (CHAMPION_INFERENCE_STORE) is right.`,
        cause: error,
      });
    });
    return this.#ready;
  }

  append(records: readonly InferenceRecord[]): void {
    this.writer.append(records);
  }

  flush(): Promise<void> {
    return this.writer.flush();
  }

  async addLabels(items: readonly LabelItem[]): Promise<LabelOutcome> {
    const checked = checkLabelItems(items);
    await this.writer.flush();
    await this.ready();
    const classes = await pgClassesByRequestId({
      pool: this.#pool,
      tables: this.#tables,
      ids: [...new Set(checked.map((i) => i.request_id))],
    });
    const { store, outcome } = judgeLabels(checked, classes, this.#clock());
    await this.#upsert(store);
    return outcome;
  }

  async #upsert(labels: readonly StoredLabel[]): Promise<void> {
    // One row per request id (the last label wins), as ON CONFLICT needs.
    const latest = [...new Map(labels.map((l) => [l.requestId, l])).values()];
    if (latest.length === 0) return;
    await this.#pool.query(
      `INSERT INTO ${this.#tables.labels} (request_id, label, time)
       SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[])
       ON CONFLICT (request_id) DO UPDATE SET label = EXCLUDED.label, time = EXCLUDED.time`,
      [latest.map((l) => l.requestId), latest.map((l) => l.label), latest.map((l) => l.time)],
    );
  }

  scan(options: ScanOptions = {}): RecordScan {
    return recordScan((tally) =>
      scanPostgres({
        pool: this.#pool,
        tables: this.#tables,
        ready: () => this.ready(),
        scan: options,
        tally,
      }),
    );
  }

  async countLabels(): Promise<number> {
    await this.ready();
    const result = await this.#pool.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM ${this.#tables.labels}`,
    );
    return Number(result.rows[0]?.n ?? 0);
  }

  async close(): Promise<void> {
    await this.writer.close();
    await this.#pool.end();
  }
}
