/**
 * The directory backend: a {@link DirectoryWriter} for records, label files beside them, and the
 * reader. One serving process writes a directory (several replicas need PostgreSQL); readers and
 * `champion monitor labels` may run beside it.
 */
import { resolve } from 'node:path';
import { judgeLabels, checkLabelItems, type LabelItem, type LabelOutcome } from '../labels.js';
import type { InferenceRecord } from '../record.js';
import { recordScan, type InferenceStore, type RecordScan, type ScanOptions } from '../store.js';
import { appendLabels, readLabels } from './directory-labels.js';
import { classesByRequestId, scanDirectory } from './directory-reader.js';
import { DirectoryWriter, type DirectoryWriterOptions } from './directory-writer.js';

export const RECORD_PREFIX = 'inference';

export class DirectoryStore implements InferenceStore {
  readonly kind = 'directory' as const;
  readonly location: string;
  readonly writer: DirectoryWriter;
  readonly #clock: () => Date;

  constructor(options: DirectoryWriterOptions & { dir: string }) {
    this.location = resolve(options.dir);
    this.writer = new DirectoryWriter({ ...options, dir: this.location, prefix: RECORD_PREFIX });
    this.#clock = options.clock ?? (() => new Date());
  }

  append(records: readonly InferenceRecord[]): void {
    this.writer.append(records);
  }

  flush(): Promise<void> {
    return this.writer.flush();
  }

  async addLabels(items: readonly LabelItem[]): Promise<LabelOutcome> {
    const checked = checkLabelItems(items);
    // Records still in the buffer are looked up too.
    await this.writer.flush();
    const classes = await classesByRequestId({
      dir: this.location,
      prefix: RECORD_PREFIX,
      ids: [...new Set(checked.map((i) => i.request_id))],
    });
    const { store, outcome } = judgeLabels(checked, classes, this.#clock());
    await appendLabels(this.location, store);
    return outcome;
  }

  scan(options: ScanOptions = {}): RecordScan {
    return recordScan((tally) =>
      scanDirectory({ dir: this.location, prefix: RECORD_PREFIX, scan: options, tally }),
    );
  }

  async countLabels(): Promise<number> {
    return (await readLabels(this.location)).size;
  }

  close(): Promise<void> {
    return this.writer.close();
  }
}
