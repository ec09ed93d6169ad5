/**
 * The current side of a drift report read from the inference store: the features of every record
 * a service stored (as received, so a category the model never saw counts as drift) and the
 * probability it answered, for prediction drift.
 */
import { openInferenceStore } from '@champion/inference-store';
import { DriftAccumulator } from './accumulator.js';
import type { DatasetData } from './column-data.js';
import { DriftError } from './errors.js';

export interface ReadStoreOptions {
  /** `CHAMPION_INFERENCE_STORE`: a directory or a postgresql:// URI. */
  readonly setting: string;
  /** Only records of this registered model (all when undefined). */
  readonly model?: string | undefined;
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
  /** The column the probability goes to (the report's score column). */
  readonly scoreColumn: string;
  readonly onProgress?: ((rows: number) => void) | undefined;
}

export interface StoreDriftData {
  readonly data: DatasetData;
  /** e.g. `inference store /srv/champion/inference-log (model credit-default)`. */
  readonly source: string;
  /** Stored lines skipped as unreadable (see the store's scan summary). */
  readonly corrupt: number;
}

export async function readStoreDriftData(options: ReadStoreOptions): Promise<StoreDriftData> {
  const store = await openInferenceStore({ setting: options.setting });
  const accumulator = new DriftAccumulator();
  try {
    const scan = store.scan({ from: options.from, to: options.to });
    for await (const page of scan.pages()) {
      for (const record of page) {
        if (options.model !== undefined && record.model !== options.model) continue;
        accumulator.addRecord({ ...record.features, [options.scoreColumn]: record.probability });
      }
      options.onProgress?.(accumulator.rows);
    }
    const source = `inference store ${store.location}${options.model === undefined ? '' : ` (model ${options.model})`}`;
    if (accumulator.rows === 0) {
      throw new DriftError({
        code: 'EMPTY_DATA',
        message: `${source} holds no records${options.from === undefined && options.to === undefined ? '' : ' in that time range'}: serve some traffic first (every scored record is stored).`,
      });
    }
    return { data: accumulator.finish(), source, corrupt: scan.summary.corrupt };
  } finally {
    await store.close();
  }
}
