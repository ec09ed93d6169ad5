import { createCsvWriter } from './csv-write.js';
import { synthesizeChunks } from './synth.js';
import type { SynthChunkOptions } from './synth.js';

/** Options for {@link writeSynthCsv}. */
export interface WriteSynthCsvOptions extends SynthChunkOptions {
  readonly out: string;
  /** Called after each chunk with the rows written so far (for progress bars). */
  readonly onProgress?: (rowsWritten: number) => void;
}

/** Streams a synthetic data set to a CSV file in chunks: flat memory for any row count. */
export async function writeSynthCsv(options: WriteSynthCsvOptions): Promise<{ rows: number }> {
  const writer = await createCsvWriter(options.out);
  let rows = 0;
  try {
    for (const chunk of synthesizeChunks(options)) {
      await writer.write(chunk);
      rows += chunk.rowCount;
      options.onProgress?.(rows);
    }
  } finally {
    await writer.close();
  }
  return { rows };
}
