/**
 * The datasets of a training as MLflow records them (`log-inputs`): the file a run trained on and
 * the split its models were evaluated on, each with a content digest, the source, the MLflow
 * column schema and a small profile, so the UI shows what data made and measured a model.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Dataset } from 'mlflow-js-client';
import type { TableSchema } from '@champion/tabular';

/** A split's digest: the file's, then the split's row numbers (the same rows give the same). */
function splitDigest(fileDigest: string, rows: Uint32Array): string {
  const hash = createHash('sha256').update(fileDigest);
  hash.update(new Uint8Array(rows.buffer, rows.byteOffset, rows.byteLength));
  return hash.digest('hex');
}

/** sha256 of the file's bytes, streamed; MLflow shows the first 8 hex digits. */
export async function fileDigest(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function datasetFor(options: {
  path: string;
  digest: string;
  schema: TableSchema;
  /** Rows of the file (ignored when a split is given: its row count is used). */
  rows: number;
  /** A part of the file (e.g. `test`): named after it, with its own digest. */
  split?: { name: string; rows: Uint32Array };
}): Dataset {
  const { schema, split } = options;
  const rows = split ? split.rows.length : options.rows;
  const colspec = [
    ...schema.features.map((f) => ({
      type: f.type === 'numeric' ? 'double' : 'string',
      name: f.name,
    })),
    { type: 'string', name: schema.target.name },
  ];
  return {
    name: split ? `${basename(options.path)} (${split.name} split)` : basename(options.path),
    digest: (split ? splitDigest(options.digest, split.rows) : options.digest).slice(0, 8),
    source_type: 'local',
    source: JSON.stringify({ uri: resolve(options.path) }),
    schema: JSON.stringify({ mlflow_colspec: colspec }),
    profile: JSON.stringify({
      num_rows: rows,
      num_elements: rows * colspec.length,
    }),
  };
}
