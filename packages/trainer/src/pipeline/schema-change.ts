/**
 * Training a different schema into an existing registered model name needs consent
 * (`allowSchemaChange`, the CLI's `--allow-schema-change`): otherwise a new file silently becomes
 * the next version of an unrelated model. Checked before any run is created.
 */
import type { TableSchema } from '@champion/tabular';
import type { MlflowClient } from 'mlflow-js-client';
import { TrainerError } from '../errors.js';
import { registeredSchema } from '../mlflow/registered-schema.js';
import { schemaDifferences } from '../registry/schema-diff.js';
import type { TrainEvent } from './train.js';

/** What the check found: the version compared with and the changes (empty: same schema). */
export interface SchemaChange {
  readonly comparedWith?: string;
  readonly changes: readonly string[];
}

const FLAG = '--allow-schema-change';

/**
 * Compares the new training's schema with the registered one. Throws a TrainerError('CONFIG')
 * listing the differences and naming the flag when they differ and `allow` is not set; with it,
 * reports them through `emit` and returns them.
 */
export async function checkSchemaChange(options: {
  client: MlflowClient;
  name: string;
  schema: TableSchema;
  allow: boolean;
  emit: (event: TrainEvent) => void;
}): Promise<SchemaChange> {
  const { name, allow } = options;
  let registered;
  try {
    registered = await registeredSchema(options.client, name);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    if (!allow) {
      throw new TrainerError(
        'CONFIG',
        `cannot check that the data has the schema of the registered model '${name}': ${why}. Pass ${FLAG} to train anyway, or --name to train a new model`,
        { cause: error },
      );
    }
    options.emit({ stage: 'data', message: `schema not compared (${FLAG}): ${why}` });
    return { changes: [] };
  }
  if (registered === undefined) return { changes: [] };
  const comparedWith = `v${registered.version} (${registered.via})`;
  const changes = schemaDifferences(registered.schema, options.schema);
  if (changes.length === 0) return { comparedWith, changes };
  if (!allow) {
    throw new TrainerError(
      'CONFIG',
      `the data's schema differs from the registered model '${name}' ${comparedWith}: ${changes.join('; ')}. Pass ${FLAG} to register it as a new version of '${name}' anyway, or --name to train a new model`,
    );
  }
  options.emit({
    stage: 'data',
    message: `schema changed from '${name}' ${comparedWith} (${FLAG}): ${changes.join('; ')}`,
  });
  return { comparedWith, changes };
}
