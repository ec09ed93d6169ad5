/**
 * The directory backend's writer: append-only JSONL segments, one line per scored record, buffered in memory and written in
 * chunks, rotated by UTC day and by size (`<prefix>-YYYY-MM-DD-NNNN.jsonl`). Lines are never split
 * across files. Write errors are logged and the lines kept for the next flush (up to a cap), never
 * thrown into the request path. close() awaits the final flush.
 *
 * Bounded: each line by the field and record caps (record.ts), the directory by retention
 * (retention.ts), applied when the log opens its first file, at every rotation and hourly.
 */
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_INFERENCE_LOG_LIMITS, rotationBytes, type InferenceLogLimits } from '../limits.js';
import { errorMessage, silentStoreLogger, type StoreLogger as Logger } from '../logger.js';
import { recordLine, type InferenceRecord } from '../record.js';
import { endsWithNewline, latestFile, logFileName, utcDay } from './file-naming.js';
import { applyRetention } from './retention.js';

export interface DirectoryWriterOptions {
  /** @default `<cwd>/.champion/inference-log` */
  readonly dir?: string;
  /** File name prefix. @default 'inference' */
  readonly prefix?: string;
  /** Field, line and retention limits. @default DEFAULT_INFERENCE_LOG_LIMITS */
  readonly limits?: Partial<InferenceLogLimits>;
  /** Rotate when a file would exceed this many bytes. @default a quarter of maxTotalBytes, at most 100 MiB */
  readonly maxFileBytes?: number;
  /** How often retention runs besides at rotations (a quiet log still ages). @default 3600000 */
  readonly retentionIntervalMs?: number;
  /** Longest a line stays in memory. @default 1000 */
  readonly flushIntervalMs?: number;
  /** Flush early once this many bytes are buffered. @default 64 KiB (DEFAULT_FLUSH_BYTES) */
  readonly flushBytes?: number;
  /** Most lines kept in memory while writes fail; older ones are dropped (and counted). @default 100000 */
  readonly maxBufferedLines?: number;
  /** @default () => new Date() */
  readonly clock?: () => Date;
  /** @default silent */
  readonly logger?: Logger;
}

interface Line {
  readonly day: string;
  readonly text: string;
  readonly bytes: number;
}

interface OpenFile {
  readonly name: string;
  readonly day: string;
  readonly seq: number;
  readonly handle: FileHandle;
  size: number;
}

/**
 * Buffered lines written once they reach this many bytes (or after the flush interval). Small on
 * purpose: at thousands of requests per second a line that waits for a MiB-sized buffer outlives
 * two scavenges and is promoted to the old generation, and the copying shows in serving's p99
 * (`pnpm bench serving`: p99 at c=8 fell by a fifth when this went from 1 MiB to 64 KiB).
 */
const DEFAULT_FLUSH_BYTES = 64 * 1024;

export class DirectoryWriter {
  readonly dir: string;
  readonly #prefix: string;
  readonly #limits: InferenceLogLimits;
  readonly #maxFileBytes: number;
  readonly #retentionIntervalMs: number;
  #retentionTimer: NodeJS.Timeout | undefined;
  readonly #flushIntervalMs: number;
  readonly #flushBytes: number;
  readonly #maxBufferedLines: number;
  readonly #clock: () => Date;
  readonly #log: Logger;
  #buffer: Line[] = [];
  #bufferedBytes = 0;
  #file: OpenFile | undefined;
  #writing: Promise<void> = Promise.resolve();
  #timer: NodeJS.Timeout | undefined;
  #closed = false;
  #dropped = 0;
  #written = 0;

  constructor(options: DirectoryWriterOptions = {}) {
    this.dir = options.dir ?? join(process.cwd(), '.champion', 'inference-log');
    this.#prefix = options.prefix ?? 'inference';
    this.#limits = { ...DEFAULT_INFERENCE_LOG_LIMITS, ...options.limits };
    this.#maxFileBytes = options.maxFileBytes ?? rotationBytes(this.#limits.maxTotalBytes);
    this.#retentionIntervalMs = options.retentionIntervalMs ?? 60 * 60 * 1000;
    this.#flushIntervalMs = options.flushIntervalMs ?? 1000;
    this.#flushBytes = options.flushBytes ?? DEFAULT_FLUSH_BYTES;
    this.#maxBufferedLines = options.maxBufferedLines ?? 100_000;
    this.#clock = options.clock ?? (() => new Date());
    this.#log = options.logger ?? silentStoreLogger;
  }

  /** Buffers the records; never throws (a closed log drops and counts them). */
  append(records: readonly InferenceRecord[]): void {
    if (this.#closed) {
      this.#dropped += records.length;
      this.#log.warn('inference log is closed; records dropped', { count: records.length });
      return;
    }
    for (const record of records) {
      const time = record.time ?? this.#clock();
      const text = `${recordLine(record, time, this.#limits)}\n`;
      const bytes = Buffer.byteLength(text);
      this.#buffer.push({ day: utcDay(time), text, bytes });
      this.#bufferedBytes += bytes;
    }
    if (this.#bufferedBytes >= this.#flushBytes) void this.flush();
    else if (this.#timer === undefined) {
      this.#timer = setTimeout(() => void this.flush(), this.#flushIntervalMs);
      this.#timer.unref();
    }
  }

  /** Writes everything buffered so far; resolves when it is on disk (or the failure logged). */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#writing = this.#writing.then(() => this.#drain());
    return this.#writing;
  }

  /** Flushes and closes the current file; later appends are dropped. */
  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#retentionTimer);
    await this.flush();
    await this.#closeFile();
  }

  /** Applies retention now (after whatever is being written); resolves when it is done. */
  retain(): Promise<void> {
    this.#writing = this.#writing.then(() => this.#retain());
    return this.#writing;
  }

  /** Lines written, and lines dropped (closed log, or buffer cap while writes failed). */
  get counts(): { written: number; dropped: number; buffered: number } {
    return { written: this.#written, dropped: this.#dropped, buffered: this.#buffer.length };
  }

  async #drain(): Promise<void> {
    const lines = this.#buffer;
    this.#buffer = [];
    this.#bufferedBytes = 0;
    let done = 0;
    try {
      while (done < lines.length) done += await this.#writeSome(lines, done);
    } catch (error) {
      this.#log.error('inference log write failed; lines kept for the next flush', {
        dir: this.dir,
        error: errorMessage(error),
        lines: lines.length - done,
      });
      await this.#closeFile();
      this.#requeue(lines.slice(done));
    }
  }

  /** Writes lines from `start` that fit the current file (same day, under the size cap). */
  async #writeSome(lines: readonly Line[], start: number): Promise<number> {
    const first = lines[start];
    if (first === undefined) return 0;
    const file = await this.#fileFor(first);
    let end = start;
    let bytes = 0;
    for (let i = start; i < lines.length; i++) {
      const line = lines[i];
      if (line === undefined || line.day !== file.day) break;
      // A line longer than the cap still goes somewhere: alone in a fresh file.
      if (file.size + bytes + line.bytes > this.#maxFileBytes && (file.size > 0 || bytes > 0))
        break;
      bytes += line.bytes;
      end = i + 1;
    }
    if (end === start) {
      await this.#rotate(file);
      return 0;
    }
    const text = lines
      .slice(start, end)
      .map((l) => l.text)
      .join('');
    await file.handle.write(text);
    file.size += bytes;
    this.#written += end - start;
    return end - start;
  }

  async #fileFor(line: Line): Promise<OpenFile> {
    if (this.#file?.day === line.day) return this.#file;
    await this.#closeFile();
    await mkdir(this.dir, { recursive: true });
    const latest = await latestFile({ dir: this.dir, prefix: this.#prefix, day: line.day });
    // A file torn by a crash (no final newline) is never appended to: its torn line stays the
    // last line of that segment, where the reader reports and skips it.
    const reuse =
      latest.seq > 0 &&
      latest.size + line.bytes <= this.#maxFileBytes &&
      (await endsWithNewline(
        join(this.dir, logFileName({ prefix: this.#prefix, day: line.day, seq: latest.seq })),
      ));
    return this.#openFile({ day: line.day, seq: reuse ? latest.seq : latest.seq + 1 });
  }

  async #rotate(file: OpenFile): Promise<void> {
    await this.#closeFile();
    await this.#openFile({ day: file.day, seq: file.seq + 1 });
  }

  /** Opens a file to append to; every new file is a rotation, so retention runs then. */
  async #openFile(options: { day: string; seq: number }): Promise<OpenFile> {
    const name = logFileName({ prefix: this.#prefix, ...options });
    const handle = await open(join(this.dir, name), 'a');
    const { size } = await handle.stat();
    this.#file = { ...options, name, handle, size };
    await this.#retain();
    this.#scheduleRetention();
    return this.#file;
  }

  async #retain(): Promise<void> {
    await applyRetention({
      dir: this.dir,
      prefix: this.#prefix,
      limits: this.#limits,
      active: this.#file?.name,
      now: this.#clock(),
      logger: this.#log,
    }).catch((error: unknown) => {
      this.#log.error('inference log retention failed', {
        dir: this.dir,
        error: errorMessage(error),
      });
    });
  }

  #scheduleRetention(): void {
    if (this.#retentionTimer !== undefined || this.#closed) return;
    this.#retentionTimer = setInterval(() => void this.retain(), this.#retentionIntervalMs);
    this.#retentionTimer.unref();
  }

  async #closeFile(): Promise<void> {
    const file = this.#file;
    this.#file = undefined;
    await file?.handle.close().catch(() => undefined);
  }

  #requeue(lines: readonly Line[]): void {
    const merged = [...lines, ...this.#buffer];
    const over = merged.length - this.#maxBufferedLines;
    if (over > 0) {
      this.#dropped += over;
      this.#log.error('inference log buffer full; oldest lines dropped', { dropped: over });
    }
    this.#buffer = over > 0 ? merged.slice(over) : merged;
    this.#bufferedBytes = this.#buffer.reduce((sum, l) => sum + l.bytes, 0);
    if (!this.#closed && this.#timer === undefined) {
      this.#timer = setTimeout(() => void this.flush(), this.#flushIntervalMs);
      this.#timer.unref();
    }
  }
}
