/**
 * The data fingerprint of labelled production rows: sha256 of their request ids and labels,
 * sorted (the order rows come back in does not matter; a changed or added label does).
 */
import { createHash } from 'node:crypto';
import type { LabelledRow } from './ports.js';

export function fingerprintRows(rows: readonly Pick<LabelledRow, 'requestId' | 'label'>[]): string {
  const lines = rows.map((r) => `${r.requestId}\t${String(r.label)}`).sort();
  const hash = createHash('sha256');
  for (const line of lines) hash.update(`${line}\n`);
  return hash.digest('hex');
}
