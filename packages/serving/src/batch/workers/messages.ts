/** The messages between the batch scorer (../scorer.ts) and its worker threads. */
import type { BlockLayout, BlockResult } from '../block-reader.js';
import type { ScoreSpec, TreesModule } from '@champion/runtime/compiled';
import type { RowFormat } from '../format-rows.js';

/** A string column as codes into its distinct values: a few strings cross, not one per row. */
export interface EncodedStrings {
  readonly codes: Int32Array;
  readonly dictionary: string[];
}

/** A compiled program as a worker takes it: the scoring function's numbers and the trees. */
export interface WorkerProgram {
  readonly spec: ScoreSpec;
  readonly trees: TreesModule;
}

/** What an onnxruntime worker is started with. */
export interface OnnxWorkerData {
  /** onnxruntime-node's entry as the main thread resolves it (the same native binding). */
  readonly ortPath: string;
  readonly onnxPath: string;
  readonly sessionOptions: object;
  /** Rows per onnxruntime run. */
  readonly runRows: number;
}

/** A job: score columns (`rows`, `names`, `columns`, optional `format`), or a block of lines. */
export type Job =
  | {
      readonly id: number;
      readonly rows: number;
      readonly names: readonly string[];
      readonly columns: readonly (Float32Array | EncodedStrings)[];
      readonly format?: RowFormat | undefined;
    }
  | { readonly id: number; readonly block: { bytes: Uint8Array; layout: BlockLayout } };

export type Reply =
  | { id: number; probability: Float32Array; label: BigInt64Array; text?: string | undefined }
  | { id: number; block: BlockResult }
  | { id: number; error: string }
  | { ready: true }
  | { startError: string };

/** An error's message, for a reply. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
