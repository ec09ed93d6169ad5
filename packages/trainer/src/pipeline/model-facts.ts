/**
 * What every candidate's model folder records about the training data, computed once per
 * training: the schema facts and their digest, the reference profile (drift), and each feature's
 * MLflow signature type (as pandas would read the file).
 */
import { createHash } from 'node:crypto';
import { buildProfile, schemaFacts } from '@champion/tabular';
import { integerTextColumns } from '../artifact/integer-text.js';
import { signatureTypes, type SignatureType } from '../artifact/signature.js';
import { takeTableRows } from '../data/take-table-rows.js';
import type { PreparedData } from './prepare.js';

export interface ModelFacts {
  readonly schemaDoc: ReturnType<typeof schemaFacts>;
  readonly schemaDigest: string;
  readonly profile: ReturnType<typeof buildProfile>;
  readonly signatureTypes: Record<string, SignatureType>;
}

export async function modelFacts(options: {
  data: PreparedData;
  path: string;
}): Promise<ModelFacts> {
  const { data } = options;
  const trainTable = takeTableRows(data.table, data.rows.train);
  const schemaDoc = schemaFacts(trainTable, data.schema);
  return {
    schemaDoc,
    schemaDigest: createHash('sha256').update(JSON.stringify(schemaDoc)).digest('hex'),
    profile: buildProfile(trainTable, data.schema),
    signatureTypes: signatureTypes({
      table: data.table,
      features: data.features,
      integerText: await integerTextColumns(
        options.path,
        data.features.map((f) => f.name),
      ),
    }),
  };
}
