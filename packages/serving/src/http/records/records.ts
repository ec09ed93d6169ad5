import { BatchBuilder, type PathOf } from './builder.js';
import type { CompiledFeatures } from './feature-compiler.js';
import { finishBatch, isPlainObject, type ParsedBatch } from './parsed.js';

export interface RecordsInput {
  readonly compiled: CompiledFeatures;
  readonly records: readonly unknown[];
  /** Path of record `row` itself, e.g. `[3]` or `dataframe_records[3]`. */
  readonly recordPath: (row: number) => string;
  /** Whether records may carry an `id` to echo back (/predict) or not (MLflow formats). */
  readonly allowId: boolean;
  /** Ignore fields that are not features (MLflow's behaviour) instead of rejecting them. */
  readonly ignoreUnknown?: boolean;
}

/**
 * Validates an array of `{feature: value}` records into a batch. A field absent from a record is
 * an error (send null for missing); fields that are not features are errors too.
 */
export function recordsToBatch(input: RecordsInput): ParsedBatch {
  const { compiled, records, recordPath } = input;
  const pathOf: PathOf = (row, field) => {
    const at = recordPath(row);
    return at === '' ? field : `${at}.${field}`;
  };
  const builder = new BatchBuilder({ compiled, rows: records.length, pathOf });
  const names = compiled.names;
  const idField = input.allowId ? compiled.idField : undefined;
  for (let row = 0; row < records.length; row++) {
    const record = records[row];
    if (!isPlainObject(record)) {
      builder.problemAt(recordPath(row), 'expected an object of feature values');
      continue;
    }
    let known = 0;
    for (let f = 0; f < names.length; f++) {
      const name = names[f] as string;
      if (Object.hasOwn(record, name)) {
        known++;
        builder.setJson(row, f, record[name]);
      } else builder.absent(row, f);
    }
    if (idField !== undefined && Object.hasOwn(record, idField)) {
      known++;
      builder.setId(row, record[idField]);
    }
    // Only walk the keys when some of them are not features.
    if (input.ignoreUnknown !== true && known !== Object.keys(record).length) {
      for (const key of Object.keys(record)) {
        if (!compiled.indexOf.has(key) && key !== idField) {
          builder.problem(row, key, `unknown field; the model's features are ${names.join(', ')}`);
        }
      }
    }
  }
  return finishBatch(builder);
}
