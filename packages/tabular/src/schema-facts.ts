/** Per-feature facts stored in champion/schema.json: what serving validates requests against. */
import { valueCounts } from './column-values.js';
import { TabularError } from './errors.js';
import type { Table, TableSchema } from './table.js';

export interface NumericFeatureFacts {
  readonly name: string;
  readonly type: 'numeric';
  readonly min: number | null;
  readonly max: number | null;
  readonly missingShare: number;
}

export interface CategoricalFeatureFacts {
  readonly name: string;
  readonly type: 'categorical';
  /** Every category seen in training, sorted. */
  readonly categories: readonly string[];
  readonly missingShare: number;
}

export type FeatureFacts = NumericFeatureFacts | CategoricalFeatureFacts;

/** The contents of champion/schema.json. */
export interface SchemaDocument extends TableSchema {
  readonly version: 1;
  readonly featureFacts: readonly FeatureFacts[];
  /** The two target classes as text, negative first. */
  readonly classes: readonly [string, string];
  readonly rows: number;
}

/** Builds the schema document from the training table and its schema. */
export function schemaFacts(table: Table, schema: TableSchema): SchemaDocument {
  const featureFacts = schema.features.map((feature): FeatureFacts => {
    const column = table.columns.find((c) => c.name === feature.name);
    if (column === undefined) {
      throw new TabularError({
        code: 'SCHEMA_MISMATCH',
        message: `feature ${feature.name} is not a column of the table`,
      });
    }
    const total = column.kind === 'numeric' ? column.values.length : column.codes.length;
    if (feature.type === 'numeric' && column.kind === 'numeric') {
      let min = Infinity;
      let max = -Infinity;
      let missing = 0;
      for (const v of column.values) {
        if (Number.isNaN(v)) missing++;
        else {
          if (v < min) min = v;
          if (v > max) max = v;
        }
      }
      const any = missing < total;
      return {
        name: feature.name,
        type: 'numeric',
        min: any ? min : null,
        max: any ? max : null,
        missingShare: total === 0 ? 0 : missing / total,
      };
    }
    const { counts, missing } = valueCounts(column);
    return {
      name: feature.name,
      type: 'categorical',
      categories: [...counts.keys()].sort(),
      missingShare: total === 0 ? 0 : missing / total,
    };
  });
  return {
    version: 1,
    features: schema.features,
    target: schema.target,
    idColumns: schema.idColumns,
    excluded: schema.excluded,
    featureFacts,
    classes: [schema.target.negative, schema.target.positive],
    rows: table.rowCount,
  };
}
