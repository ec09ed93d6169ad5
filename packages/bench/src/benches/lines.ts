/** Picking lines out of large CSV files without loading them. */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** The lines at `wanted` (0-based data rows, sorted) of a CSV, its header, and its row count. */
export async function pickLines(
  path: string,
  wanted: readonly number[],
): Promise<{ header: string; lines: string[]; rows: number }> {
  const lines: string[] = [];
  let header = '';
  let row = -1;
  let next = 0;
  for await (const line of createInterface({
    input: createReadStream(path),
    crlfDelay: Infinity,
  })) {
    if (row === -1) header = line;
    else if (row === wanted[next]) {
      lines.push(line);
      next++;
    }
    row++;
  }
  return { header, lines, rows: row };
}
