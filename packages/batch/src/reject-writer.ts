/**
 * The reject file: one CSV line per row that could not be scored, with the input file, the data
 * row number (header excluded, as in the input) and every reason, plus the row's raw text.
 */
import { createCsvWriter, type BadValue, type CsvWriter, type Table } from '@champion/tabular';

/** One rejected row. */
export interface RejectedRow {
  readonly file: string;
  readonly row: number;
  readonly reason: string;
  readonly record: string;
}

/** A readable reason for a set-aside row's problems. */
export function rejectReason(reasons: readonly BadValue[]): string {
  return reasons
    .map((r) =>
      r.column === '' ? `row ${r.problem}` : `column ${r.column}: '${r.value}' ${r.problem}`,
    )
    .join('; ');
}

function textColumn(name: string, values: readonly string[]): Table['columns'][number] {
  return {
    name,
    kind: 'categorical',
    codes: Int32Array.from(values, (_, i) => i),
    dictionary: values,
  };
}

/** Streams rejected rows to a CSV file (created even when nothing is rejected). */
export class RejectWriter {
  private constructor(private readonly csv: CsvWriter) {}

  static async open(path: string): Promise<RejectWriter> {
    const writer = new RejectWriter(await createCsvWriter(path));
    await writer.write([]); // the header, so an empty reject file still says what it would hold
    return writer;
  }

  async write(rows: readonly RejectedRow[]): Promise<void> {
    const table: Table = {
      rowCount: rows.length,
      columns: [
        textColumn(
          'file',
          rows.map((r) => r.file),
        ),
        { name: 'row', kind: 'numeric', values: Float64Array.from(rows, (r) => r.row) },
        textColumn(
          'reason',
          rows.map((r) => r.reason),
        ),
        textColumn(
          'record',
          rows.map((r) => r.record),
        ),
      ],
    };
    await this.csv.write(table);
  }

  close(): Promise<void> {
    return this.csv.close();
  }
}
