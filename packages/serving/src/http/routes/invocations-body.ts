/**
 * The JSON bodies `mlflow models serve` accepts on /invocations, turned into a batch:
 * `dataframe_split` {columns, data}, `dataframe_records` [{...}], `instances` (records or rows)
 * and `inputs` ({column: [...]}, records or rows). Exactly one of them; other top-level keys
 * (e.g. `params`) are ignored, as MLflow does. Like MLflow, columns that are not features are
 * ignored; missing features are errors.
 */
import { invalidRequest } from '../errors.js';
import type { CompiledFeatures } from '../records/feature-compiler.js';
import { columnarRows, columnarToBatch } from '../records/columnar.js';
import { checkBatchRows, isPlainObject, type ParsedBatch } from '../records/parsed.js';
import { recordsToBatch } from '../records/records.js';
import { rowsToBatch } from '../records/rows.js';

export const INVOCATION_FORMATS = [
  'dataframe_split',
  'dataframe_records',
  'instances',
  'inputs',
] as const;

function listToBatch(options: {
  compiled: CompiledFeatures;
  list: readonly unknown[];
  key: string;
}): ParsedBatch {
  const { compiled, list, key } = options;
  // A list of records, or a list of rows in the model's feature order.
  if (list.every((item) => Array.isArray(item))) {
    return rowsToBatch({
      compiled,
      columns: undefined,
      data: list,
      columnsPath: key,
      dataPath: key,
    });
  }
  return recordsToBatch({
    compiled,
    records: list,
    recordPath: (row) => `${key}[${row}]`,
    allowId: false,
    ignoreUnknown: true,
  });
}

export function invocationToBatch(options: {
  compiled: CompiledFeatures;
  body: unknown;
  maxRows: number;
}): ParsedBatch {
  const { compiled, body, maxRows } = options;
  if (!isPlainObject(body)) {
    throw invalidRequest(
      `The body must be a JSON object with one of the keys ${INVOCATION_FORMATS.join(', ')}; see https://mlflow.org/docs/latest/deployment/deploy-model-locally.`,
    );
  }
  const keys = INVOCATION_FORMATS.filter((k) => Object.hasOwn(body, k));
  const key = keys[0];
  if (key === undefined || keys.length > 1) {
    throw invalidRequest(
      `The body must have exactly one of the keys ${INVOCATION_FORMATS.join(', ')}; got ${JSON.stringify(Object.keys(body))}.`,
    );
  }
  const value = body[key];
  if (key === 'dataframe_split') {
    if (!isPlainObject(value) || !Array.isArray(value['data'])) {
      throw invalidRequest(
        'dataframe_split must be {"columns": [...], "data": [[...], ...]} (pandas split orient).',
        [{ path: 'dataframe_split', problem: 'expected an object with columns and data arrays' }],
      );
    }
    const columns = value['columns'];
    if (columns !== undefined && !Array.isArray(columns)) {
      throw invalidRequest('dataframe_split.columns must be an array of column names.', [
        { path: 'dataframe_split.columns', problem: 'expected an array' },
      ]);
    }
    const data = value['data'] as unknown[];
    checkBatchRows(data.length, maxRows);
    return rowsToBatch({
      compiled,
      columns,
      data,
      columnsPath: 'dataframe_split.columns',
      dataPath: 'dataframe_split.data',
      ignoreUnknown: true,
    });
  }
  if (Array.isArray(value)) {
    checkBatchRows(value.length, maxRows);
    if (key === 'dataframe_records') {
      return recordsToBatch({
        compiled,
        records: value,
        recordPath: (row) => `${key}[${row}]`,
        allowId: false,
        ignoreUnknown: true,
      });
    }
    return listToBatch({ compiled, list: value, key });
  }
  if (key !== 'dataframe_records' && isPlainObject(value)) {
    const rows = columnarRows({ compiled, columns: value, path: key, ignoreUnknown: true });
    checkBatchRows(rows, maxRows);
    return columnarToBatch({ compiled, columns: value, path: key, rows });
  }
  throw invalidRequest(
    `${key} must be an array of records${key === 'dataframe_records' ? '' : ' or rows, or an object of columns'}.`,
    [{ path: key, problem: 'unexpected shape' }],
  );
}
