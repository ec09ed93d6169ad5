/** What `champion doctor` reports: one finding per lie it found in MLflow, and what it did. */

export type FindingKind =
  | 'orphaned-run'
  | 'stale-lease'
  | 'undecided-version'
  | 'pending-version'
  | 'promoted-without-alias'
  | 'challenger-of-unfinished-run';

export interface Finding {
  readonly kind: FindingKind;
  /** What it is about, e.g. "run 1a2b… (experiment 3)" or "credit-default v4". */
  readonly subject: string;
  /** What is wrong, in a sentence. */
  readonly problem: string;
  /** What the repair does (or did). */
  readonly fix: string;
  /** Whether this doctor run applied the fix. */
  readonly repaired: boolean;
}

/** How a doctor run is scoped and timed. */
export interface DoctorOptions {
  /** Only this registered model and its experiments; every one when absent. */
  readonly name?: string | undefined;
  /** Experiments to check for orphaned runs, besides the ones found from `name`. */
  readonly experimentIds?: readonly string[] | undefined;
  /**
   * Also search the experiments the model's versions were trained in (one request per run).
   * @default true
   */
  readonly followVersions?: boolean | undefined;
  /** Apply the fixes; without it the doctor only reports. */
  readonly repair: boolean;
  /**
   * A RUNNING run owned by another host (or by nobody recorded) is orphaned once its heartbeat is
   * older than this (ms). @default 1800000 (30 min)
   */
  readonly staleMs?: number | undefined;
}

export const DEFAULT_STALE_MS = 30 * 60_000;
