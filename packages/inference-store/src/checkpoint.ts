/**
 * Checkpoints: where a scan ended, as an opaque string the monitor stores (e.g. as an MLflow
 * tag) and hands back as `after`. Each backend has its own kind; a checkpoint is parsed and
 * checked before use (it comes back from outside) and one of another backend is refused.
 *
 * - directory: `dir1:<segment file>:<byte offset>` — everything before that offset of that
 *   segment, and every earlier segment, was read.
 * - PostgreSQL: `pg1:<xid>:<seq>` — every row of a transaction older than `xid`, and the rows
 *   of `xid` up to `seq`, were read (see pg/pg-reader.ts for why transaction ids).
 */
import { InferenceStoreError } from './errors.js';

export interface DirectoryCheckpoint {
  readonly kind: 'dir';
  readonly segment: string;
  readonly offset: number;
}

export interface PgCheckpoint {
  readonly kind: 'pg';
  readonly xid: bigint;
  readonly seq: bigint;
}

export type Checkpoint = DirectoryCheckpoint | PgCheckpoint;

export function encodeCheckpoint(checkpoint: Checkpoint): string {
  return checkpoint.kind === 'dir'
    ? `dir1:${checkpoint.segment}:${checkpoint.offset}`
    : `pg1:${checkpoint.xid}:${checkpoint.seq}`;
}

export function invalidCheckpoint(text: string, expected: string): InferenceStoreError {
  const shown = text.length > 80 ? `${text.slice(0, 80)}…` : text;
  return new InferenceStoreError({
    code: 'INVALID_CHECKPOINT',
    message: `Checkpoint ${JSON.stringify(shown)} is not a ${expected} checkpoint of this store; pass one a scan of this store returned, or none to read from the start.`,
  });
}

export function parseDirectoryCheckpoint(text: string): DirectoryCheckpoint {
  const match = /^dir1:([\w.-]{1,200}\.jsonl):(\d{1,15})$/.exec(text);
  if (match?.[1] === undefined || match[2] === undefined)
    throw invalidCheckpoint(text, 'directory');
  return { kind: 'dir', segment: match[1], offset: Number(match[2]) };
}

export function parsePgCheckpoint(text: string): PgCheckpoint {
  const match = /^pg1:(\d{1,20}):(\d{1,20})$/.exec(text);
  if (match?.[1] === undefined || match[2] === undefined)
    throw invalidCheckpoint(text, 'PostgreSQL');
  return { kind: 'pg', xid: BigInt(match[1]), seq: BigInt(match[2]) };
}
