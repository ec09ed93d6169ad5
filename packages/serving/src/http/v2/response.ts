/**
 * Builds the V2 infer response: `probability` FP32 [n] and `label` [n] typed as the training
 * target (INT64 for integer classes, FP64 for other numbers, BYTES for text: labels.ts), JSON or
 * binary. Unseen categories scored as missing are reported in the response's `parameters` as
 * `warnings`, a JSON text of `[{"row", "field", "problem"}]` (the protocol's parameter values
 * are strings, numbers or booleans), only when there are any.
 */
import type { LabelKind } from '@champion/tabular';
import type { BatchScores, ServedModel } from '@champion/runtime';
import { invalidRequest } from '../errors.js';
import { modelLabels } from '../labels.js';
import type { RowWarning } from '../records/warnings.js';
import { encodeBinaryTensor, encodeBytesTensor } from './binary.js';
import type { V2InferRequest } from './schemas.js';

export const V2_OUTPUT_NAMES = ['probability', 'label'] as const;

type OutputName = (typeof V2_OUTPUT_NAMES)[number];

const LABEL_DATATYPE: Readonly<Record<LabelKind, string>> = {
  integer: 'INT64',
  number: 'FP64',
  text: 'BYTES',
};

/** The outputs of `model` with their V2 datatypes (model metadata and infer responses). */
export function v2Outputs(model: ServedModel): { name: OutputName; datatype: string }[] {
  return [
    { name: 'probability', datatype: 'FP32' },
    { name: 'label', datatype: LABEL_DATATYPE[modelLabels(model).kind] },
  ];
}

/** The response: a JSON object, plus the binary tail when any output was asked for as binary. */
export interface V2Response {
  readonly json: Record<string, unknown>;
  readonly binary: readonly Buffer[];
}

function requestedOutputs(request: V2InferRequest): { name: OutputName; binary: boolean }[] {
  const allBinary = request.parameters?.['binary_data_output'] === true;
  if (request.outputs === undefined || request.outputs.length === 0) {
    return V2_OUTPUT_NAMES.map((name) => ({ name, binary: allBinary }));
  }
  const problems = request.outputs.flatMap((o, i) =>
    V2_OUTPUT_NAMES.some((known) => known === o.name)
      ? []
      : [
          {
            path: `outputs[${i}].name`,
            problem: `unknown output ${JSON.stringify(o.name)}; the outputs are probability, label`,
          },
        ],
  );
  if (problems.length > 0)
    throw invalidRequest('Unknown outputs requested; see details.', problems);
  return request.outputs.map((o) => {
    const flag = o.parameters?.['binary_data'];
    return { name: o.name as OutputName, binary: typeof flag === 'boolean' ? flag : allBinary };
  });
}

/** The label tensor's values, as JSON data and as binary tensor data. */
function labelTensor(scores: BatchScores): { data: (string | number)[]; binary: () => Buffer } {
  const { kind, values } = modelLabels(scores.model);
  const data = Array.from(scores.label, (index) => values[index === 1n ? 1 : 0]);
  const binary = (): Buffer => {
    if (kind === 'text') return encodeBytesTensor(data.map(String));
    if (kind === 'number') return encodeBinaryTensor(Float64Array.from(data, Number));
    return encodeBinaryTensor(BigInt64Array.from(data, (v) => BigInt(v)));
  };
  return { data, binary };
}

export function inferResponse(options: {
  request: V2InferRequest;
  scores: BatchScores;
  warnings: readonly RowWarning[];
}): V2Response {
  const { request, scores, warnings } = options;
  const rows = scores.probability.length;
  const datatypes = new Map(v2Outputs(scores.model).map((o) => [o.name, o.datatype]));
  const binary: Buffer[] = [];
  const outputs = requestedOutputs(request).map(({ name, binary: asBinary }) => {
    const datatype = datatypes.get(name) ?? 'FP32';
    const label = name === 'label' ? labelTensor(scores) : undefined;
    if (asBinary) {
      const bytes = label === undefined ? encodeBinaryTensor(scores.probability) : label.binary();
      binary.push(bytes);
      return { name, datatype, shape: [rows], parameters: { binary_data_size: bytes.length } };
    }
    const data = label === undefined ? Array.from(scores.probability) : label.data;
    return { name, datatype, shape: [rows], data };
  });
  return {
    json: {
      model_name: scores.model.name,
      model_version: scores.model.version,
      ...(request.id === undefined ? {} : { id: request.id }),
      ...(warnings.length === 0 ? {} : { parameters: { warnings: JSON.stringify(warnings) } }),
      outputs,
    },
    binary,
  };
}
