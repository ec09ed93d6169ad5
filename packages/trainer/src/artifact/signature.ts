/**
 * The MLflow model signature of a champion model: one column per feature and the two outputs.
 *
 * MLflow checks a frame against the signature before the model sees it, and none of its types
 * takes both int64 and float64 (int64 -> double is refused as unsafe, float -> long too), while
 * pandas picks int64 or float64 per file: a few rows of a column with fractions, missing values
 * or R's "5e+05" may all be plain integers. So: a column whose every training field is an integer
 * literal, none missing, is `long` (pandas reads it as int64 from any part of the file); text
 * categories are `string`; every other numeric column is `any` (MLflow passes it through), and
 * the pyfunc loader (python/champion_pyfunc.py) converts it to float32. Integer-coded categories
 * (`--categorical`) follow the same rule; the loader turns their numbers back into the category
 * text. The trade-offs (MLflow's server reads no CSV for an `any` signature): docs/pyfunc.md.
 */
import {
  labelKind,
  type CategoricalColumn,
  type LabelKind,
  type LabelTarget,
  type NumericColumn,
  type Table,
} from '@champion/tabular';
import type { FeatureSpec } from '../model/types.js';

/** The MLflow column types champion's signatures use. */
export type SignatureType = 'any' | 'double' | 'string' | 'long' | 'float';

interface ColSpec {
  readonly type: SignatureType;
  readonly name: string;
  readonly required: boolean;
}

/** Beyond 2^53 a double no longer holds every integer, and pandas reads such text as float. */
const LARGEST_EXACT_INTEGER = Number.MAX_SAFE_INTEGER;

/** Text pandas reads as an int64 whose decimal form is the text itself (no "01", "+1", "1.0"). */
const CANONICAL_INTEGER = /^-?(0|[1-9][0-9]*)$/;

function numericType(column: NumericColumn): SignatureType {
  for (const v of column.values) {
    if (!Number.isInteger(v) || Math.abs(v) > LARGEST_EXACT_INTEGER) return 'any';
  }
  return 'long';
}

function categoricalType(column: CategoricalColumn): SignatureType {
  const integerCoded =
    column.dictionary.length > 0 &&
    column.dictionary.every(
      (c) => CANONICAL_INTEGER.test(c) && Math.abs(Number(c)) <= LARGEST_EXACT_INTEGER,
    );
  // Any other text stays `string`: a frame read with dtype=str gives it exactly, and a
  // category pandas would reread differently ("01" -> 1) is refused rather than mistaken.
  if (!integerCoded) return 'string';
  return column.codes.includes(-1) ? 'any' : 'long';
}

/**
 * Each feature's signature type, as pandas would read the training file: `integerText` holds the
 * numeric columns whose every field is an integer literal (integer-text.ts); without it (Parquet)
 * the values decide.
 */
export function signatureTypes(options: {
  table: Table;
  features: readonly FeatureSpec[];
  integerText: ReadonlySet<string> | undefined;
}): Record<string, SignatureType> {
  const { table, features, integerText } = options;
  return Object.fromEntries(
    features.map((f) => {
      const column = table.columns.find((c) => c.name === f.name);
      if (column === undefined) return [f.name, f.kind === 'numeric' ? 'any' : 'string'];
      if (column.kind === 'categorical') return [f.name, categoricalType(column)];
      if (integerText === undefined) return [f.name, numericType(column)];
      return [f.name, integerText.has(f.name) ? 'long' : 'any'];
    }),
  );
}

export function signatureInputs(
  features: readonly FeatureSpec[],
  types: Readonly<Record<string, SignatureType>>,
): ColSpec[] {
  return features.map((f) => ({
    type: types[f.name] ?? (f.kind === 'numeric' ? 'any' : 'string'),
    name: f.name,
    required: true,
  }));
}

const LABEL_TYPE: Readonly<Record<LabelKind, SignatureType>> = {
  integer: 'long',
  number: 'double',
  text: 'string',
};

function isLabelTarget(value: unknown): value is LabelTarget {
  const t = value as Partial<Record<keyof LabelTarget, unknown>> | null;
  return (
    typeof t === 'object' &&
    t !== null &&
    typeof t.positive === 'string' &&
    typeof t.negative === 'string' &&
    (t.type === undefined || t.type === 'numeric' || t.type === 'text')
  );
}

/**
 * The outputs the pyfunc loader returns: `label` typed as the training target (the schema
 * document's `target`: `string` for text classes, `long` for integers; the class index, `long`,
 * without one) and the positive class's `probability`.
 */
export function signatureOutputs(schema: unknown): ColSpec[] {
  const target: unknown = (schema as { target?: unknown } | null)?.target;
  return [
    {
      type: isLabelTarget(target) ? LABEL_TYPE[labelKind(target)] : 'long',
      name: 'label',
      required: true,
    },
    { type: 'float', name: 'probability', required: true },
  ];
}

/** The `signature` block of MLmodel: MLflow stores each schema as a JSON string. */
export function mlmodelSignature(options: {
  features: readonly FeatureSpec[];
  types: Readonly<Record<string, SignatureType>>;
  /** The model's schema document (champion/schema.json), whose target types the label. */
  schema: unknown;
}): {
  inputs: string;
  outputs: string;
  params: null;
} {
  return {
    inputs: JSON.stringify(signatureInputs(options.features, options.types)),
    outputs: JSON.stringify(signatureOutputs(options.schema)),
    params: null,
  };
}
