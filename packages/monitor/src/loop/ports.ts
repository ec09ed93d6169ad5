/**
 * What the loop needs from the rest of the monitor, as small JSON-shaped interfaces: the window of
 * served records (the inference store), drift (monitor/drift) and performance from labels
 * (monitor/performance). `champion monitor run` builds them in one place (createLoopPorts); tests
 * pass fakes. MLflow is not a port: the loop talks to it directly (it is the record).
 */

/** A feature value as the model used it: a number (numeric), text (categorical), null = missing. */
export type FeatureValue = number | string | null;

/** A served record with its true label, for retraining. */
export interface LabelledRow {
  readonly requestId: string;
  /** When it was served (ISO 8601). The newest rows are held out for the gate. */
  readonly time: string;
  /** Features as used by the model, by column name. */
  readonly features: Readonly<Record<string, FeatureValue>>;
  /** The true label as received (e.g. 1, "1", "bad"); must be one of the target's classes. */
  readonly label: string | number | boolean;
}

/** Which records a run reads: after the last checkpoint, or an explicit time range. */
export interface WindowRequest {
  readonly name: string;
  /** The store's checkpoint of the last finished monitoring run (undefined: from the start). */
  readonly checkpoint?: string | undefined;
  /** An explicit range (ISO 8601), instead of the checkpoint. */
  readonly since?: string | undefined;
  readonly until?: string | undefined;
}

/** The window read from the store. */
export interface Window {
  /** Time of the first and last record (ISO 8601); undefined when empty. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  /** Served records in the window. */
  readonly rows: number;
  /** Of those, how many have a label. */
  readonly labelled: number;
  /**
   * Where the next run starts; logged on the monitoring run (a tag: at most 5,000 characters) and
   * read back from the last FINISHED one.
   */
  readonly checkpoint: string;
  /**
   * Identifies the labelled data a retraining would use (see `fingerprintRows`): the loop never
   * retrains twice on the same fingerprint.
   */
  readonly fingerprint: string;
  /**
   * Records stored under the model's name that lack some of its features (e.g. another model of
   * the same name in another MLflow), left out of the window and counted here.
   */
  readonly foreign?: number | undefined;
  /**
   * The labelled production rows a retraining adds to the training data: this window's, and may
   * include labels that arrived since for earlier windows. Read only when the policy fires.
   */
  labelledRows(): Promise<readonly LabelledRow[]>;
}

/** One column's drift (as `champion monitor drift --json` prints it). */
export interface ColumnDrift {
  readonly name: string;
  readonly score: number;
  readonly drifted: boolean;
  readonly type?: string | undefined;
  readonly method?: string | undefined;
  readonly threshold?: number | undefined;
}

/** Drift of the window against the model's reference. */
export interface DriftResult {
  readonly share: number;
  readonly drifted: boolean;
  readonly columns: readonly ColumnDrift[];
  /** Prediction drift and the rest, passed through to the report. */
  readonly prediction?: Readonly<Record<string, unknown>> | undefined;
  /** A self-contained HTML report, logged as an artifact when given. */
  readonly html?: string | undefined;
  /**
   * Reference vs current histograms (per column, and of the scores), written to the JSON report
   * artifact for readers such as serving's monitoring page.
   */
  readonly histograms?: ReportHistograms | undefined;
}

/** One histogram of the report: shares per bin or category, reference and current. */
export interface ReportHistogram {
  readonly labels: readonly string[];
  readonly reference: readonly number[];
  readonly current: readonly number[];
}

/** The histograms of a monitoring run's JSON report (`histograms`). */
export interface ReportHistograms {
  readonly columns: Readonly<Record<string, ReportHistogram>>;
  readonly score: ReportHistogram | null;
}

/** Performance of the model on the window's labelled rows. */
export interface PerformanceResult {
  readonly labelled: number;
  /** e.g. roc_auc, pr_auc, f1, precision, recall, positive_rate. */
  readonly metrics: Readonly<Record<string, number>>;
  /** Why the figures are not trustworthy (too few labels), when they are not. */
  readonly insufficient?: string | undefined;
}

/** What a monitoring run is about. */
export interface ModelUnderWatch {
  readonly name: string;
  /** The `@champion` version that served (drift is measured against its reference). */
  readonly version: string;
}

/** The loop's dependencies. */
export interface LoopPorts {
  readWindow(request: WindowRequest): Promise<Window>;
  drift(input: { model: ModelUnderWatch; window: Window }): Promise<DriftResult>;
  performance(input: { model: ModelUnderWatch; window: Window }): Promise<PerformanceResult>;
  /** The model's feature importances by column, when it has them (importance-weighted drift). */
  importances?(model: ModelUnderWatch): Promise<Readonly<Record<string, number>> | undefined>;
}
