/**
 * An RFC 4180 CSV tokenizer over decoded text chunks: quoted fields with embedded delimiters,
 * doubled quotes and line breaks, CRLF or LF line ends, blank lines skipped. Lines without a
 * quote character take a fast path (`String.prototype.split`), which is most lines of most files.
 * It only splits records into fields; types, missing values and row checks live in the reader.
 */
import { TabularError } from '../errors.js';
import { lineContentEnd, withoutByteOrderMark } from '../reading-rules/index.js';

/** Receives each record's fields and its raw text (without the line end). */
export type RecordHandler = (fields: string[], raw: string) => void;

export interface TokenizerOptions {
  /** @default ',' */
  readonly delimiter?: string;
  readonly onRecord: RecordHandler;
  /**
   * When given, each record without a quote character is delivered here unsplit (its raw text),
   * so a reader that parses fields in place creates no per-field strings.
   */
  readonly onLine?: (raw: string) => void;
  /** Used in error messages. */
  readonly source: string;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

export class CsvTokenizer {
  private pending = '';
  private started = false;
  /** Physical records seen so far, header included. */
  private recordCount = 0;
  private readonly delimiter: string;
  private readonly delimiterCode: number;
  private readonly onRecord: RecordHandler;
  private readonly onLine: ((raw: string) => void) | undefined;
  private readonly source: string;

  constructor(options: TokenizerOptions) {
    this.delimiter = options.delimiter ?? ',';
    if (
      this.delimiter.length !== 1 ||
      this.delimiter === '"' ||
      this.delimiter === '\n' ||
      this.delimiter === '\r'
    ) {
      throw new TabularError({
        code: 'BAD_OPTIONS',
        message: `delimiter must be one character other than a quote or line break, got '${this.delimiter}'`,
      });
    }
    this.delimiterCode = this.delimiter.charCodeAt(0);
    this.onRecord = options.onRecord;
    this.onLine = options.onLine;
    this.source = options.source;
  }

  /** Number of records delivered so far, the header included. */
  get records(): number {
    return this.recordCount;
  }

  /** Feeds the next piece of decoded text; complete records are delivered synchronously. */
  push(chunk: string): void {
    let text = this.pending.length > 0 ? this.pending + chunk : chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      text = withoutByteOrderMark(text);
    }
    const consumed = this.scan(text, false);
    this.pending = consumed < text.length ? text.slice(consumed) : '';
  }

  /** Signals the end of input, delivering a last record without a line end. */
  end(): void {
    if (this.pending.length > 0) {
      const text = this.pending;
      this.pending = '';
      this.scan(text, true);
    }
  }

  /** Delivers every complete record in `text`; returns how many characters were consumed. */
  private scan(text: string, final: boolean): number {
    let pos = 0;
    const n = text.length;
    while (pos < n) {
      let lineEnd = text.indexOf('\n', pos);
      if (lineEnd === -1) {
        if (!final) return pos;
        lineEnd = n;
      }
      const contentEnd = lineContentEnd(text, pos, lineEnd);
      const line = text.slice(pos, contentEnd);
      if (line.indexOf('"') === -1) {
        if (line.length > 0) {
          if (this.onLine === undefined) this.deliver(line, line.split(this.delimiter));
          else {
            this.recordCount++;
            this.onLine(line);
          }
        }
        pos = lineEnd + 1;
        continue;
      }
      const end = this.scanQuoted(text, pos, final);
      if (end === -1) return pos; // the record continues in the next chunk
      pos = end;
    }
    return n;
  }

  /**
   * Parses one record that contains quotes, starting at `start`. Returns the index after its line
   * end, or -1 when the record is not complete in `text` and more input may follow.
   */
  private scanQuoted(text: string, start: number, final: boolean): number {
    const fields: string[] = [];
    const n = text.length;
    let i = start;
    for (;;) {
      if (i < n && text.charCodeAt(i) === QUOTE) {
        let value = '';
        let segment = i + 1;
        let j = segment;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q === -1) {
            if (!final) return -1;
            throw this.quoteError('a quoted field is never closed');
          }
          if (q + 1 < n && text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(segment, q + 1);
            segment = q + 2;
            j = segment;
            continue;
          }
          if (q + 1 >= n && !final) return -1; // cannot tell '"' from '""' yet
          value += text.slice(segment, q);
          i = q + 1;
          break;
        }
        fields.push(value);
        const c = i < n ? text.charCodeAt(i) : -1;
        if (c === this.delimiterCode) {
          i++;
          continue;
        }
        if (c === -1 || c === LF || c === CR) {
          return this.finishRecord({ text, start, end: i, fields, final });
        }
        throw this.quoteError(`unexpected text after a closing quote: '${text.slice(i, i + 20)}'`);
      }
      // Unquoted field: up to the next delimiter or line end. A stray quote inside is kept as is.
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === this.delimiterCode || c === LF || c === CR) break;
        j++;
      }
      fields.push(text.slice(i, j));
      if (j < n && text.charCodeAt(j) === this.delimiterCode) {
        i = j + 1;
        continue;
      }
      if (j >= n && !final) return -1;
      return this.finishRecord({ text, start, end: j, fields, final });
    }
  }

  private finishRecord(args: {
    text: string;
    start: number;
    end: number;
    fields: string[];
    final: boolean;
  }): number {
    const { text, start, end, fields, final } = args;
    const n = text.length;
    let next = end;
    if (next < n && text.charCodeAt(next) === CR) {
      next++;
      if (next >= n && !final) return -1; // a LF may follow in the next chunk
    }
    if (next < n && text.charCodeAt(next) === LF) next++;
    this.deliver(text.slice(start, end), fields);
    return next;
  }

  private deliver(raw: string, fields: string[]): void {
    this.recordCount++;
    this.onRecord(fields, raw);
  }

  private quoteError(problem: string): TabularError {
    const row = this.recordCount; // records delivered so far = header + data rows before this one
    const where =
      row === 0 ? 'in the header' : `in data row ${row.toLocaleString('en-US')} (header excluded)`;
    return new TabularError({
      code: 'BAD_QUOTING',
      message: `${this.source}: ${where}: ${problem}`,
    });
  }
}
