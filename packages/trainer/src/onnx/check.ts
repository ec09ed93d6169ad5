/**
 * Does a model.onnx fit a feature schema? Serving runs this before it accepts an artifact: every
 * feature must be an input of the right type and rank 1, there must be no other input, and the
 * outputs must be `label` (int64) and `probability` (float32), both rank 1.
 */
import { OnnxError, type OnnxModelInfo, type OnnxValueInfo, DataType } from '@champion/onnx';
import { LABEL_OUTPUT, PROBABILITY_OUTPUT } from './head.js';
import { METADATA_KEYS } from './metadata.js';

/** A schema feature; accepts both the trainer's `FeatureSpec` (kind) and tabular's `FeatureSchema` (type). */
export type ExpectedFeature =
  | { readonly name: string; readonly kind: 'numeric' | 'categorical' }
  | { readonly name: string; readonly type: 'numeric' | 'categorical' };

export interface OnnxSignatureProblem {
  /** `inputs.<name>`, `outputs.<name>` or `metadata.<key>`. */
  readonly path: string;
  readonly problem: string;
}

const TYPE_NAMES: Readonly<Record<number, string>> = {
  1: 'float32',
  7: 'int64',
  8: 'string',
  11: 'double',
};

/** Lists every way `info` departs from the contract for `features`; empty when it fits. */
export function checkOnnxSignature(
  info: OnnxModelInfo,
  features: readonly ExpectedFeature[],
): OnnxSignatureProblem[] {
  const problems: OnnxSignatureProblem[] = [];
  const inputs = new Map(info.inputs.map((input) => [input.name, input]));
  for (const feature of features) {
    const kind = 'kind' in feature ? feature.kind : feature.type;
    const expected = kind === 'numeric' ? DataType.FLOAT : DataType.STRING;
    const input = inputs.get(feature.name);
    if (input === undefined) {
      problems.push({
        path: `inputs.${feature.name}`,
        problem: `the ${kind} feature has no ONNX input`,
      });
      continue;
    }
    inputs.delete(feature.name);
    problems.push(...checkValue(input, { path: `inputs.${feature.name}`, elemType: expected }));
  }
  for (const extra of inputs.keys()) {
    problems.push({
      path: `inputs.${extra}`,
      problem: 'the ONNX input is not a feature of the schema',
    });
  }
  const outputs = new Map(info.outputs.map((output) => [output.name, output]));
  for (const [name, elemType] of [
    [LABEL_OUTPUT, DataType.INT64],
    [PROBABILITY_OUTPUT, DataType.FLOAT],
  ] as const) {
    const output = outputs.get(name);
    if (output === undefined) problems.push({ path: `outputs.${name}`, problem: 'missing output' });
    else problems.push(...checkValue(output, { path: `outputs.${name}`, elemType }));
  }
  const recorded = info.metadata[METADATA_KEYS.features];
  if (recorded !== undefined && recorded !== JSON.stringify(features.map((f) => f.name))) {
    problems.push({
      path: `metadata.${METADATA_KEYS.features}`,
      problem: `records features ${recorded}, not the schema's ${JSON.stringify(features.map((f) => f.name))}`,
    });
  }
  return problems;
}

/** Throws `OnnxError('signature-mismatch')` listing the problems when `info` does not fit. */
export function assertOnnxSignature(
  info: OnnxModelInfo,
  features: readonly ExpectedFeature[],
): void {
  const problems = checkOnnxSignature(info, features);
  if (problems.length === 0) return;
  const list = problems.map((p) => `${p.path}: ${p.problem}`).join('; ');
  throw new OnnxError(
    'signature-mismatch',
    `The ONNX model does not match the feature schema (${list}). Re-export the model with this schema.`,
  );
}

function checkValue(
  value: OnnxValueInfo,
  expected: { path: string; elemType: number },
): OnnxSignatureProblem[] {
  const problems: OnnxSignatureProblem[] = [];
  if (value.elemType !== expected.elemType) {
    problems.push({
      path: expected.path,
      problem: `type is ${typeName(value.elemType)}, expected ${typeName(expected.elemType)}`,
    });
  }
  const dim = value.shape[0];
  if (value.shape.length !== 1 || typeof dim === 'number') {
    problems.push({
      path: expected.path,
      problem: `shape is [${value.shape.map(String).join(', ')}], expected one batch dimension [N]`,
    });
  }
  return problems;
}

function typeName(elemType: number): string {
  return TYPE_NAMES[elemType] ?? `ONNX type ${elemType}`;
}
