/** The outcome of one monitoring run, as `champion monitor run --json` prints it. */
import type { ColumnDrift } from './ports.js';

export type LoopAction =
  'none' | 'cooldown' | 'retrained-promoted' | 'retrained-kept' | 'awaiting-approval';

export interface MonitorResult {
  /** The monitoring run; null when nothing was logged (an empty window). */
  readonly run_id: string | null;
  readonly model: { readonly name: string; readonly version: string };
  readonly window: {
    readonly from: string | null;
    readonly to: string | null;
    readonly rows: number;
    readonly labelled: number;
    readonly checkpoint: string;
    readonly fingerprint: string;
    /** Records of the model's name that lack some of its features (another model), skipped. */
    readonly foreign: number;
  };
  readonly drift: {
    readonly share: number;
    readonly drifted: boolean;
    /** The importance-weighted share, when the policy asks for it and weights exist. */
    readonly weighted_share: number | null;
    readonly columns: readonly ColumnDrift[];
    readonly prediction?: Readonly<Record<string, unknown>> | undefined;
  } | null;
  readonly performance: {
    readonly labelled: number;
    readonly metrics: Readonly<Record<string, number>>;
    readonly insufficient: string | null;
  } | null;
  readonly decision: {
    readonly fired: boolean;
    readonly signals: {
      readonly drift: boolean;
      readonly performance: boolean;
      readonly age: boolean;
    };
    readonly reasons: readonly string[];
    readonly action: LoopAction;
    /** The retrained version (null when none was trained). */
    readonly version: string | null;
    /** The gate's decision on it (`promoted`, `rejected`, `awaiting-approval`, `unchanged`...). */
    readonly gate: string | null;
    readonly gate_reasons: readonly string[];
    readonly training_run_id: string | null;
  };
}
