/**
 * The check that refuses a model whose model.onnx does not take the features its
 * champion/schema.json describes, or does not return `probability` and `label`.
 */
import type { InferenceSession } from 'onnxruntime-node';

export interface SchemaFeature {
  readonly name: string;
  readonly type: 'numeric' | 'categorical';
}

const ELEMENT_TYPE: Readonly<Record<SchemaFeature['type'], string>> = {
  numeric: 'float32',
  categorical: 'string',
};

const OUTPUTS: readonly { name: string; type: string }[] = [
  { name: 'probability', type: 'float32' },
  { name: 'label', type: 'int64' },
];

type Io = Pick<InferenceSession, 'inputMetadata' | 'outputMetadata'>;

function tensorType(meta: InferenceSession.ValueMetadata): string {
  return meta.isTensor ? meta.type : 'non-tensor';
}

function list(names: readonly string[]): string {
  return names.map((n) => `'${n}'`).join(', ');
}

/** Every way the session's inputs/outputs differ from the schema; empty when they match. */
export function onnxSchemaProblems(session: Io, features: readonly SchemaFeature[]): string[] {
  const problems: string[] = [];
  const inputs = new Map(session.inputMetadata.map((m) => [m.name, m]));
  const declared = new Set(features.map((f) => f.name));
  const missing = features.filter((f) => !inputs.has(f.name)).map((f) => f.name);
  const extra = [...inputs.keys()].filter((name) => !declared.has(name));
  if (missing.length > 0) {
    problems.push(`champion/schema.json features ${list(missing)} are not inputs of model.onnx`);
  }
  if (extra.length > 0) {
    problems.push(`model.onnx inputs ${list(extra)} are not features in champion/schema.json`);
  }
  for (const feature of features) {
    const meta = inputs.get(feature.name);
    if (meta === undefined) continue;
    const want = ELEMENT_TYPE[feature.type];
    if (tensorType(meta) !== want) {
      problems.push(
        `feature '${feature.name}' is ${feature.type} in champion/schema.json (needs ${want}) but model.onnx takes ${tensorType(meta)}`,
      );
    } else if (meta.isTensor && meta.shape.length !== 1) {
      problems.push(`model.onnx input '${feature.name}' has rank ${meta.shape.length}, not 1`);
    }
  }
  const outputs = new Map(session.outputMetadata.map((m) => [m.name, m]));
  for (const want of OUTPUTS) {
    const meta = outputs.get(want.name);
    if (meta === undefined) problems.push(`model.onnx has no '${want.name}' output`);
    else if (tensorType(meta) !== want.type) {
      problems.push(`model.onnx output '${want.name}' is ${tensorType(meta)}, not ${want.type}`);
    }
  }
  return problems;
}
