/**
 * The directory backend's reader: segments in (day, sequence) order, lines in write order, each
 * validated (storedRecordSchema); true labels joined from the label files (held in a map: about
 * 100 bytes per label). A line that fails validation is counted and skipped; so is a torn last
 * line (no newline) of a segment the writer has left; the incomplete last line of the newest
 * segment may still be being written, so the scan stops before it and the checkpoint points at
 * it.
 */
import { join } from 'node:path';
import {
  encodeCheckpoint,
  invalidCheckpoint,
  parseDirectoryCheckpoint,
  type DirectoryCheckpoint,
} from '../checkpoint.js';
import {
  servedRecord,
  storedRecordSchema,
  type ServedRecord,
  type StoredRecord,
} from '../record.js';
import type { ScanOptions, ScanTally } from '../store.js';
import { readLabels } from './directory-labels.js';
import { listLogFiles, parseLogFileName, utcDay } from './file-naming.js';
import { segmentLines, type SegmentLine } from './segment-lines.js';

/** The checkpoint of a scan that read nothing from an empty store. */
export const START_CHECKPOINT = 'dir1:start';

interface Segment {
  readonly name: string;
  readonly day: string;
  readonly seq: number;
}

function before(a: Segment, b: Segment): boolean {
  return a.day === b.day ? a.seq < b.seq : a.day < b.day;
}

/** The stored record of a line, or the reason it is not one. */
export function parseRecordLine(text: string): StoredRecord | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  const result = storedRecordSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  return `not a stored record (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''})`;
}

/** The segment and offset a scan starts at; undefined for the start of the store. */
function startOf(
  options: ScanOptions,
  prefix: string,
): (Segment & Pick<DirectoryCheckpoint, 'offset'>) | undefined {
  if (options.after === undefined || options.after === START_CHECKPOINT) return undefined;
  const checkpoint = parseDirectoryCheckpoint(options.after);
  const segment = parseLogFileName({ prefix, name: checkpoint.segment });
  // Another store's segment: the same clear error as any other bad checkpoint.
  if (segment === undefined) throw invalidCheckpoint(options.after, 'directory');
  return { name: checkpoint.segment, ...segment, offset: checkpoint.offset };
}

interface Position {
  checkpoint: string;
}

/**
 * The records of one batch of lines of `file`, moving `position` past each line read; returns
 * `done` when the scan must stop here (an incomplete newest line, or `to` reached).
 */
function readLines(options: {
  file: Segment;
  lines: readonly SegmentLine[];
  last: boolean;
  scan: ScanOptions;
  tally: ScanTally;
  labels: ReadonlyMap<string, string>;
  position: Position;
}): { records: ServedRecord[]; done: boolean } {
  const { file, scan, tally, labels, position } = options;
  const here = (at: number): string =>
    encodeCheckpoint({ kind: 'dir', segment: file.name, offset: at });
  const records: ServedRecord[] = [];
  for (const line of options.lines) {
    if (!line.complete) {
      if (options.last) return { records, done: true };
      tally.problem(`${file.name}@${line.start}`, 'torn last line (no newline): skipped');
      position.checkpoint = here(line.end);
      continue;
    }
    const stored = parseRecordLine(line.text);
    if (typeof stored === 'string') {
      tally.problem(`${file.name}@${line.start}`, stored);
    } else {
      const time = new Date(stored.time);
      if (scan.to !== undefined && time >= scan.to) return { records, done: true };
      if (scan.from === undefined || time >= scan.from)
        records.push(servedRecord(stored, labels.get(stored.request_id)));
    }
    position.checkpoint = here(line.end);
  }
  return { records, done: false };
}

/** Pages of records (one per chunk of a segment read); returns the checkpoint of the end. */
export async function* scanDirectory(options: {
  dir: string;
  prefix: string;
  scan: ScanOptions;
  tally: ScanTally;
}): AsyncGenerator<ServedRecord[], string> {
  const { dir, prefix, scan, tally } = options;
  const after = startOf(scan, prefix);
  const position: Position = { checkpoint: scan.after ?? START_CHECKPOINT };
  const labels = await readLabels(dir, (where, problem) => tally.problem(where, problem));
  const files = await listLogFiles({ dir, prefix });
  const fromDay = scan.from === undefined ? undefined : utcDay(scan.from);
  for (const [i, file] of files.entries()) {
    if (after !== undefined && before(file, after)) continue;
    const last = i === files.length - 1;
    // Whole days before `from` are skipped unread (the checkpoint moves past them when a later
    // segment is read).
    if (fromDay !== undefined && file.day < fromDay && !last) continue;
    const offset = after !== undefined && file.name === after.name ? after.offset : 0;
    for await (const lines of segmentLines(join(dir, file.name), offset)) {
      const read = readLines({ file, lines, last, scan, tally, labels, position });
      if (read.records.length > 0) yield read.records;
      if (read.done) return position.checkpoint;
    }
  }
  return position.checkpoint;
}

const ID_AT_START = /^\{"time":"[^"]{0,40}","request_id":"([^"\\]{1,300})"/;

/**
 * The class labels of the records with these request ids (null for a record written before
 * classes were stored); ids not found are absent. Reads segments newest first and stops once
 * every id is found (feedback is usually about recent records).
 */
export async function classesByRequestId(options: {
  dir: string;
  prefix: string;
  ids: readonly string[];
}): Promise<Map<string, readonly [string, string] | null>> {
  const wanted = new Set(options.ids);
  const found = new Map<string, readonly [string, string] | null>();
  const files = await listLogFiles(options);
  for (const file of files.reverse()) {
    for await (const lines of segmentLines(join(options.dir, file.name))) {
      for (const line of lines) {
        const quick = ID_AT_START.exec(line.text)?.[1];
        if (quick !== undefined && (!wanted.has(quick) || found.has(quick))) continue;
        if (!line.complete) continue;
        const stored = parseRecordLine(line.text);
        if (typeof stored === 'string' || !wanted.has(stored.request_id)) continue;
        if (!found.has(stored.request_id)) found.set(stored.request_id, stored.classes ?? null);
      }
    }
    if (found.size === wanted.size) break;
  }
  return found;
}
