/**
 * The PostgreSQL backend's writer: records are capped into the same JSON text as a directory
 * line (record.ts), buffered, and inserted every flush interval in one statement per flush
 * (one transaction: a flush is stored whole or not at all). A failed insert is logged and its
 * rows kept for the next flush (up to a cap), never thrown into the request path.
 */
import type { Pool } from 'pg';
import { DEFAULT_INFERENCE_LOG_LIMITS, type InferenceLogLimits } from '../limits.js';
import { errorMessage, type StoreLogger } from '../logger.js';
import { recordLine, type InferenceRecord } from '../record.js';
import type { PgTables } from './pg-tables.js';

export interface PgWriterOptions {
  readonly pool: Pool;
  readonly tables: PgTables;
  /** Resolves once the tables exist. */
  readonly ready: () => Promise<void>;
  readonly logger: StoreLogger;
  readonly limits?: Partial<InferenceLogLimits>;
  /** @default 1000 */
  readonly flushIntervalMs?: number;
  /** Flush early at this many buffered records. @default 2000 */
  readonly flushRecords?: number;
  /** @default 100000 */
  readonly maxBufferedLines?: number;
  /** @default () => new Date() */
  readonly clock?: () => Date;
}

/** Rows per INSERT: a flush of more goes in several statements. */
const ROWS_PER_INSERT = 5000;

export class PgWriter {
  readonly #o: PgWriterOptions;
  readonly #limits: InferenceLogLimits;
  #buffer: string[] = [];
  #timer: NodeJS.Timeout | undefined;
  #writing: Promise<void> = Promise.resolve();
  #closed = false;
  #dropped = 0;
  #written = 0;

  constructor(options: PgWriterOptions) {
    this.#o = options;
    this.#limits = { ...DEFAULT_INFERENCE_LOG_LIMITS, ...options.limits };
  }

  append(records: readonly InferenceRecord[]): void {
    if (this.#closed) {
      this.#dropped += records.length;
      this.#o.logger.warn('inference store is closed; records dropped', { count: records.length });
      return;
    }
    const clock = this.#o.clock ?? (() => new Date());
    for (const record of records)
      this.#buffer.push(recordLine(record, record.time ?? clock(), this.#limits));
    if (this.#buffer.length >= (this.#o.flushRecords ?? 2000)) void this.flush();
    else this.#schedule();
  }

  flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#writing = this.#writing.then(() => this.#drain());
    return this.#writing;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.flush();
  }

  get counts(): { written: number; dropped: number; buffered: number } {
    return { written: this.#written, dropped: this.#dropped, buffered: this.#buffer.length };
  }

  #schedule(): void {
    if (this.#timer !== undefined || this.#closed) return;
    this.#timer = setTimeout(() => void this.flush(), this.#o.flushIntervalMs ?? 1000);
    this.#timer.unref();
  }

  async #drain(): Promise<void> {
    const lines = this.#buffer;
    this.#buffer = [];
    let done = 0;
    try {
      if (lines.length > 0) await this.#o.ready();
      while (done < lines.length) {
        const part = lines.slice(done, done + ROWS_PER_INSERT);
        await this.#insert(part);
        done += part.length;
        this.#written += part.length;
      }
    } catch (error) {
      this.#o.logger.error('inference store insert failed; records kept for the next flush', {
        error: errorMessage(error),
        records: lines.length - done,
      });
      this.#requeue(lines.slice(done));
    }
  }

  async #insert(lines: readonly string[]): Promise<void> {
    await this.#o.pool.query(
      `INSERT INTO ${this.#o.tables.records} (time, request_id, record)
       SELECT (r->>'time')::timestamptz, r->>'request_id', r
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(r, n) ORDER BY n`,
      [`[${lines.join(',')}]`],
    );
  }

  #requeue(lines: readonly string[]): void {
    const merged = [...lines, ...this.#buffer];
    const over = merged.length - (this.#o.maxBufferedLines ?? 100_000);
    if (over > 0) {
      this.#dropped += over;
      this.#o.logger.error('inference store buffer full; oldest records dropped', {
        dropped: over,
      });
    }
    this.#buffer = over > 0 ? merged.slice(over) : merged;
    // Even when closed: close() awaits this flush, and the next one is the caller's to ask for.
    if (!this.#closed) this.#schedule();
  }
}
