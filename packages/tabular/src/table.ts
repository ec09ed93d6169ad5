/**
 * The in-memory table every champion component exchanges: columnar, typed, with missing
 * values first-class. Readers (CSV, Parquet) produce it; the trainer encodes it for learners;
 * serving and scoring validate records against the schema that describes it.
 */

/** A numeric column. Missing values are NaN. */
export interface NumericColumn {
  readonly name: string;
  readonly kind: 'numeric';
  readonly values: Float64Array;
}

/** A string-valued column, dictionary encoded. Missing values have code -1. */
export interface CategoricalColumn {
  readonly name: string;
  readonly kind: 'categorical';
  readonly codes: Int32Array;
  /** Distinct non-missing values; `codes[i]` indexes into it. */
  readonly dictionary: readonly string[];
}

export type Column = NumericColumn | CategoricalColumn;

/** Columns of equal length `rowCount`, in file order. */
export interface Table {
  readonly rowCount: number;
  readonly columns: readonly Column[];
}

/** The role a column plays in a binary-classification problem. */
export type ColumnRole = 'numeric' | 'categorical' | 'id' | 'target' | 'excluded';

export interface FeatureSchema {
  readonly name: string;
  readonly type: 'numeric' | 'categorical';
}

/** What a model learns from and predicts; stored as `champion/schema.json` beside the model. */
export interface TableSchema {
  /** Feature columns in model input order. */
  readonly features: readonly FeatureSchema[];
  readonly target: {
    readonly name: string;
    /** Raw value (as text) of the positive class, e.g. "1" or "bad". */
    readonly positive: string;
    /** Raw value (as text) of the negative class. */
    readonly negative: string;
    /**
     * The target column's type in the training data: serving answers labels as numbers for a
     * numeric target and as text otherwise. Absent in schemas written before it was recorded.
     */
    readonly type?: 'numeric' | 'text';
  };
  readonly idColumns: readonly string[];
  readonly excluded: readonly string[];
}
