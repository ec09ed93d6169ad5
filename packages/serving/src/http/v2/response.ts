/** Builds the V2 infer response: `probability` FP32 [n] and `label` INT64 [n], JSON or binary. */
import type { BatchScores } from '@champion/runtime';
import { invalidRequest } from '../errors.js';
import { encodeBinaryTensor } from './binary.js';
import type { V2InferRequest } from './schemas.js';

export const V2_OUTPUTS = [
  { name: 'probability', datatype: 'FP32' },
  { name: 'label', datatype: 'INT64' },
] as const;

type OutputName = (typeof V2_OUTPUTS)[number]['name'];

/** The response: a JSON object, plus the binary tail when any output was asked for as binary. */
export interface V2Response {
  readonly json: Record<string, unknown>;
  readonly binary: readonly Buffer[];
}

function requestedOutputs(request: V2InferRequest): { name: OutputName; binary: boolean }[] {
  const allBinary = request.parameters?.['binary_data_output'] === true;
  if (request.outputs === undefined || request.outputs.length === 0) {
    return V2_OUTPUTS.map((o) => ({ name: o.name, binary: allBinary }));
  }
  const problems = request.outputs.flatMap((o, i) =>
    V2_OUTPUTS.some((known) => known.name === o.name)
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

export function inferResponse(options: {
  request: V2InferRequest;
  scores: BatchScores;
}): V2Response {
  const { request, scores } = options;
  const rows = scores.probability.length;
  const binary: Buffer[] = [];
  const outputs = requestedOutputs(request).map(({ name, binary: asBinary }) => {
    const values = name === 'probability' ? scores.probability : scores.label;
    const datatype = name === 'probability' ? 'FP32' : 'INT64';
    if (asBinary) {
      const bytes = encodeBinaryTensor(values);
      binary.push(bytes);
      return { name, datatype, shape: [rows], parameters: { binary_data_size: bytes.length } };
    }
    const data =
      name === 'probability' ? Array.from(scores.probability) : Array.from(scores.label, Number);
    return { name, datatype, shape: [rows], data };
  });
  return {
    json: {
      model_name: scores.model.name,
      model_version: scores.model.version,
      ...(request.id === undefined ? {} : { id: request.id }),
      outputs,
    },
    binary,
  };
}
