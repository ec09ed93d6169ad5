/**
 * Parquet through DuckDB's Node API (a prebuilt native binding shipped inside the npm package, so
 * it installs without network access and without a build step). DuckDB streams the file in
 * vectors of 2,048 rows, which keeps reading flat in memory. Values are handed to the common
 * reader as text, so Parquet and CSV get the same inference, missing-value and validation rules;
 * nulls arrive as empty text, which is always missing.
 */
import { stat } from 'node:fs/promises';
import type { DuckDBValue, DuckDBConnection } from '@duckdb/node-api';
import { TabularError } from './errors.js';
import type { RecordBatch, RecordSource } from './source.js';
import type { Table } from './table.js';

function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function sqlIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function valueText(value: DuckDBValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  return value.toString();
}

async function connect(): Promise<{ connection: DuckDBConnection; close: () => void }> {
  // Loaded on first use: the native library costs ~150 ms of start-up to every CSV-only command.
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  return {
    connection,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

function parquetError(path: string, error: unknown): TabularError {
  const reason = error instanceof Error ? error.message : String(error);
  return new TabularError({
    code: 'PARQUET_ERROR',
    message: `cannot read ${path} as Parquet: ${reason}`,
    cause: error,
  });
}

/** Opens a Parquet file as a record source. */
export async function openParquet(path: string): Promise<RecordSource> {
  try {
    await stat(path);
  } catch (error) {
    throw new TabularError({
      code: 'FILE_NOT_FOUND',
      message: `cannot read ${path}: file not found`,
      cause: error,
    });
  }
  const db = await connect();
  const query = `SELECT * FROM read_parquet(${sqlString(path)})`;
  let header: string[];
  try {
    const described = await db.connection.runAndReadAll(`DESCRIBE ${query}`);
    header = described.getRows().map((r) => String(r[0]));
  } catch (error) {
    db.close();
    throw parquetError(path, error);
  }
  let closed = false;
  return {
    name: path,
    header,
    async *batches(): AsyncGenerator<RecordBatch> {
      const result = await db.connection.stream(query);
      for (;;) {
        const chunk = await result.fetchChunk();
        if (chunk === null || chunk.rowCount === 0) return;
        const columns = header.map((_, c) => chunk.getColumnValues(c));
        const fields: string[][] = [];
        const texts: string[] = [];
        for (let r = 0; r < chunk.rowCount; r++) {
          const record = columns.map((values) => valueText(values[r] ?? null));
          fields.push(record);
          texts.push(JSON.stringify(record));
        }
        yield { fields, texts };
      }
    },
    close: () => {
      if (!closed) db.close();
      closed = true;
      return Promise.resolve();
    },
  };
}

/** Writes a table to a Parquet file (numeric → DOUBLE, categorical → VARCHAR, missing → null). */
export async function writeParquet(table: Table, path: string): Promise<void> {
  const db = await connect();
  try {
    const columnsSql = table.columns
      .map((c) => `${sqlIdentifier(c.name)} ${c.kind === 'numeric' ? 'DOUBLE' : 'VARCHAR'}`)
      .join(', ');
    await db.connection.run(`CREATE TABLE t (${columnsSql})`);
    const appender = await db.connection.createAppender('t');
    for (let r = 0; r < table.rowCount; r++) {
      for (const column of table.columns) {
        if (column.kind === 'numeric') {
          const v = column.values[r] ?? NaN;
          if (Number.isNaN(v)) appender.appendNull();
          else appender.appendDouble(v);
        } else {
          const code = column.codes[r] ?? -1;
          const text = code < 0 ? undefined : column.dictionary[code];
          if (text === undefined) appender.appendNull();
          else appender.appendVarchar(text);
        }
      }
      appender.endRow();
    }
    appender.closeSync();
    await db.connection.run(`COPY t TO ${sqlString(path)} (FORMAT parquet)`);
  } finally {
    db.close();
  }
}
