/**
 * A streaming Parquet writer: chunks are appended to a table in a DuckDB database file beside the
 * output (so memory stays bounded by DuckDB's memory_limit, spilling to disk), and `close()`
 * copies it to Parquet in insertion order and removes the database.
 */
import { rm } from 'node:fs/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import type { Column, Table } from '@champion/tabular';
import type { TableWriter } from './output-writer.js';

const sqlString = (text: string): string => `'${text.replaceAll("'", "''")}'`;
const sqlIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;

function appendCell(appender: DuckDBAppender, column: Column, r: number): void {
  if (column.kind === 'numeric') {
    const v = column.values[r] ?? NaN;
    if (Number.isNaN(v)) appender.appendNull();
    else appender.appendDouble(v);
    return;
  }
  const text = column.dictionary[column.codes[r] ?? -1];
  if (text === undefined) appender.appendNull();
  else appender.appendVarchar(text);
}

class ParquetWriter implements TableWriter {
  #created = false;

  constructor(
    private readonly db: { instance: DuckDBInstance; connection: DuckDBConnection },
    private readonly paths: { out: string; database: string },
  ) {}

  async write(table: Table): Promise<void> {
    const { connection } = this.db;
    if (!this.#created) {
      const columns = table.columns
        .map((c) => `${sqlIdentifier(c.name)} ${c.kind === 'numeric' ? 'DOUBLE' : 'VARCHAR'}`)
        .join(', ');
      await connection.run(`CREATE TABLE scored (${columns})`);
      this.#created = true;
    }
    const appender = await connection.createAppender('scored');
    for (let r = 0; r < table.rowCount; r++) {
      for (const column of table.columns) appendCell(appender, column, r);
      appender.endRow();
    }
    appender.closeSync();
  }

  async close(): Promise<void> {
    const { connection, instance } = this.db;
    try {
      if (!this.#created) await connection.run('CREATE TABLE scored (probability DOUBLE)');
      await connection.run(`COPY scored TO ${sqlString(this.paths.out)} (FORMAT parquet)`);
    } finally {
      connection.closeSync();
      instance.closeSync();
      await rm(this.paths.database, { force: true });
      await rm(`${this.paths.database}.wal`, { force: true });
    }
  }
}

/** Opens a Parquet writer for `path` (its scratch database is `<path>.duckdb`, removed on close). */
export async function createParquetWriter(path: string): Promise<TableWriter> {
  const database = `${path}.duckdb`;
  await rm(database, { force: true });
  const instance = await DuckDBInstance.create(database, {
    threads: '1',
    memory_limit: '256MB',
    preserve_insertion_order: 'true',
  });
  const connection = await instance.connect();
  return new ParquetWriter({ instance, connection }, { out: path, database });
}
