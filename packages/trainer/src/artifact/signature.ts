/**
 * The MLflow model signature of a champion model: one column per feature (numeric → `double`,
 * categorical → `string`) and the two outputs. MLflow casts double inputs to float32 for the ONNX
 * graph; int64 columns must be cast to float by the caller (MLflow refuses int64 → double).
 */
import type { FeatureSpec } from '../model/types.js';

interface ColSpec {
  readonly type: 'double' | 'string' | 'long' | 'float';
  readonly name: string;
  readonly required: boolean;
}

export function signatureInputs(features: readonly FeatureSpec[]): ColSpec[] {
  return features.map((f) => ({
    type: f.kind === 'numeric' ? 'double' : 'string',
    name: f.name,
    required: true,
  }));
}

export const SIGNATURE_OUTPUTS: readonly ColSpec[] = [
  { type: 'long', name: 'label', required: true },
  { type: 'float', name: 'probability', required: true },
];

/** The `signature` block of MLmodel: MLflow stores each schema as a JSON string. */
export function mlmodelSignature(features: readonly FeatureSpec[]): {
  inputs: string;
  outputs: string;
  params: null;
} {
  return {
    inputs: JSON.stringify(signatureInputs(features)),
    outputs: JSON.stringify(SIGNATURE_OUTPUTS),
    params: null,
  };
}
