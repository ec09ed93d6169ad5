/** What every backend offers: the writer side (serving) and the reader side (the monitor). */
import type { LabelItem, LabelOutcome } from './labels.js';
import type { InferenceRecord, ServedRecord } from './record.js';

/** Which records a scan reads. */
export interface ScanOptions {
  /** Read only what was written after this checkpoint (a previous scan's). @default the start */
  readonly after?: string | undefined;
  /** Skip records whose time is before this (the checkpoint still moves past them). */
  readonly from?: Date | undefined;
  /**
   * Stop at the first record whose time is at or after this; the checkpoint stays before it,
   * so the next scan starts there.
   */
  readonly to?: Date | undefined;
}

/** One line or row that failed validation (or was torn by a crash), skipped. */
export interface ScanProblem {
  /** `<segment>:<line>` or `row <seq>`. */
  readonly where: string;
  readonly problem: string;
}

/** What a finished scan read. */
export interface ScanSummary {
  /** Where the scan ended: pass it as `after` to read only newer records next time. */
  readonly checkpoint: string;
  /** Records yielded. */
  readonly records: number;
  /** Of those, records with a true label. */
  readonly labelled: number;
  /** Lines/rows skipped because they failed validation, or were torn by a crash. */
  readonly corrupt: number;
  /** The first few of them (at most 20), with where and why. */
  readonly problems: readonly ScanProblem[];
}

/**
 * A running scan: iterate it (once) for the records, oldest first, with their true labels
 * joined — record by record, or page by page with `pages()` (cheaper per record: a page is the
 * records of one read chunk, up to a few thousand) — then `summary` holds the checkpoint and
 * the counts.
 */
export interface RecordScan extends AsyncIterable<ServedRecord> {
  /** The same records in pages (arrays in store order); iterate either this or the scan. */
  pages(): AsyncIterable<readonly ServedRecord[]>;
  /** Available once iteration has finished; throws before. */
  readonly summary: ScanSummary;
}

export interface InferenceStore {
  /** `directory` or `postgresql`. */
  readonly kind: 'directory' | 'postgresql';
  /** Where it is (a path, or the URI without its password). */
  readonly location: string;
  /** Buffers records for the next flush; never throws (failures are logged and retried). */
  append(records: readonly InferenceRecord[]): void;
  /** Writes what is buffered now. */
  flush(): Promise<void>;
  /** Stores the labels whose request id names a stored record and whose class is the model's. */
  addLabels(items: readonly LabelItem[]): Promise<LabelOutcome>;
  /** Served records after a checkpoint and/or in a time range, streamed. */
  scan(options?: ScanOptions): RecordScan;
  /** How many request ids have a label. */
  countLabels(): Promise<number>;
  /** Flushes and releases files/connections; later appends are dropped and counted. */
  close(): Promise<void>;
}

/** Collects a scan's counts; `finish` fixes the summary. */
export class ScanTally {
  records = 0;
  labelled = 0;
  corrupt = 0;
  readonly problems: ScanProblem[] = [];

  problem(where: string, problem: string): void {
    this.corrupt++;
    if (this.problems.length < 20) this.problems.push({ where, problem });
  }

  counted(page: readonly ServedRecord[]): readonly ServedRecord[] {
    this.records += page.length;
    for (const record of page) if (record.trueLabel !== undefined) this.labelled++;
    return page;
  }

  summary(checkpoint: string): ScanSummary {
    const { records, labelled, corrupt, problems } = this;
    return { checkpoint, records, labelled, corrupt, problems };
  }
}

/** A RecordScan over a generator of pages that returns its checkpoint when done. */
export function recordScan(
  run: (tally: ScanTally) => AsyncGenerator<ServedRecord[], string>,
): RecordScan {
  const tally = new ScanTally();
  let summary: ScanSummary | undefined;
  let started = false;
  async function* pages(): AsyncGenerator<readonly ServedRecord[]> {
    if (started) throw new Error('A scan can be iterated once; start another.');
    started = true;
    const generator = run(tally);
    for (;;) {
      const step = await generator.next();
      if (step.done === true) {
        summary = tally.summary(step.value);
        return;
      }
      yield tally.counted(step.value);
    }
  }
  return {
    get summary(): ScanSummary {
      if (summary === undefined) throw new Error('The scan has not finished: iterate it first.');
      return summary;
    },
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page;
    },
  };
}
