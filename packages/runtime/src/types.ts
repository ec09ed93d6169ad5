/**
 * The contract between the runtime (a loaded model) and serving's model host and HTTP layer. The HTTP layer only sees `ModelHost`: what is serving now, and a way to
 * score a batch of rows through the current model.
 */
import type { BatchExplanations } from './explain/explainer.js';

/** One feature as the served model's champion/schema.json describes it. */
export interface ServedFeature {
  readonly name: string;
  readonly type: 'numeric' | 'categorical';
  /** Categorical: categories seen in training. */
  readonly categories?: readonly string[];
  /** Numeric: training range (informational; never used to reject). */
  readonly min?: number | null;
  readonly max?: number | null;
}

/** A loaded, validated, warmed model version. Immutable once loaded. */
export interface ServedModel {
  readonly name: string;
  readonly version: string;
  /** The alias it was resolved through (e.g. champion), or undefined for a pinned version. */
  readonly alias?: string | undefined;
  readonly modelId?: string | undefined;
  readonly runId?: string | undefined;
  /** Features in ONNX input order. */
  readonly features: readonly ServedFeature[];
  /** What scores its requests (runtime/src/engine.ts), and why onnxruntime when it does. */
  readonly engine: { readonly kind: 'compiled' | 'onnxruntime'; readonly reason?: string };
  readonly target: {
    readonly name: string;
    readonly positive: string;
    readonly negative: string;
    /** The training target's type; undefined for models trained before it was recorded. */
    readonly type?: 'numeric' | 'text' | undefined;
  };
  readonly threshold: number;
  /** Test metrics logged with the model (metrics.json). */
  readonly metrics: Readonly<Record<string, number>>;
  /** Training params (the logged model's / run's params). */
  readonly params: Readonly<Record<string, string>>;
  /** input_example.json (pandas split orient). */
  readonly inputExample: {
    readonly columns: readonly string[];
    readonly data: readonly (readonly unknown[])[];
  };
  /**
   * Whether the model can explain its scores (champion/explainer.json), how, or why not.
   * Undefined where it was not looked for (e.g. test doubles).
   */
  readonly explanations?: ExplanationStatus | undefined;
  /** Local folder holding the model files. */
  readonly dir: string;
  readonly loadedAt: Date;
}

/**
 * Rows to score, column-major in `features` order: float32 for numeric (NaN = missing), strings
 * for categorical ('' = missing; unseen categories are passed through, the graph treats them as
 * missing).
 */
export interface FeatureBatch {
  readonly rows: number;
  readonly columns: readonly (Float32Array | readonly string[])[];
}

export interface BatchScores {
  readonly probability: Float32Array;
  readonly label: BigInt64Array;
  /** The version that scored the batch (a swap may happen between requests, never inside one). */
  readonly model: ServedModel;
}

export type ExplanationStatus =
  | { readonly available: true; readonly method: 'tree_shap' | 'linear' }
  | { readonly available: false; readonly reason: string };

/** A batch's explanations (runtime/src/explain), or why the model has none. */
export type ExplanationsResult =
  | { readonly available: true; readonly value: BatchExplanations }
  | { readonly available: false; readonly reason: string };

export interface ExplainedScores extends BatchScores {
  readonly explanations: ExplanationsResult;
}

export type ModelState = 'loading' | 'ready' | 'unavailable';

/** What /health reports about the model lifecycle. */
export interface ModelHealth {
  readonly state: ModelState;
  readonly serving?: {
    readonly version: string;
    readonly loadedAt: string;
    readonly source: 'mlflow' | 'cache';
  };
  /** The last version refused by the checks, and why. */
  readonly refused?: { readonly version: string; readonly reason: string; readonly at: string };
  /** The last failure to reach MLflow or load, if any since the last success. */
  readonly lastError?: { readonly message: string; readonly at: string };
  readonly lastCheckAt?: string;
  readonly pollIntervalMs: number;
}

export interface ModelHost {
  /** The model serving now, or undefined before the first successful load. */
  current(): ServedModel | undefined;
  health(): ModelHealth;
  /** Scores a batch through the current model (micro-batched with concurrent callers). */
  score(batch: FeatureBatch): Promise<BatchScores>;
  /**
   * Scores a batch like `score` and explains it with the same version (explanations are computed
   * outside the micro-batcher; a version without an explainer says why).
   */
  explain(batch: FeatureBatch): Promise<ExplainedScores>;
  /** Forces an alias check now (POST /admin/reload); resolves with what happened. */
  checkNow(): Promise<{
    readonly changed: boolean;
    readonly version?: string;
    readonly refused?: string;
  }>;
  /** Registers a listener for swaps (metrics, logs). */
  onSwap(listener: (next: ServedModel, previous: ServedModel | undefined) => void): void;
  stop(): Promise<void>;
}
