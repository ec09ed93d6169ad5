/**
 * The dataset a run trained on, as MLflow records it (`log-inputs`): a content digest, the
 * source, the MLflow column schema and a small profile, so the UI shows what data made the model.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Dataset } from 'mlflow-js-client';
import type { TableSchema } from '@champion/tabular';

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
  rows: number;
}): Dataset {
  const { schema } = options;
  const colspec = [
    ...schema.features.map((f) => ({
      type: f.type === 'numeric' ? 'double' : 'string',
      name: f.name,
    })),
    { type: 'string', name: schema.target.name },
  ];
  return {
    name: basename(options.path),
    digest: options.digest.slice(0, 8),
    source_type: 'local',
    source: JSON.stringify({ uri: resolve(options.path) }),
    schema: JSON.stringify({ mlflow_colspec: colspec }),
    profile: JSON.stringify({
      num_rows: options.rows,
      num_elements: options.rows * colspec.length,
    }),
  };
}
