/**
 * A V2 inference request → a feature batch: one input tensor per feature, named after it,
 * shape [n] (or [n, 1]), FP32/FP64/INT* for numeric features, BYTES (or INT*, for integer-coded
 * categories) for categorical ones; data flat or nested, JSON or binary.
 */
import { ServingHttpError, invalidRequest, type ProblemDetail } from '../errors.js';
import { BatchBuilder } from '../records/builder.js';
import type { CompiledFeatures } from '../records/feature-compiler.js';
import { checkBatchRows, finishBatch, type ParsedBatch } from '../records/parsed.js';
import { decodeBinaryTensor } from './binary.js';
import { v2InferRequestSchema, type V2InferRequest } from './schemas.js';

const NUMERIC_TYPES = new Set([
  'FP32',
  'FP64',
  'INT8',
  'INT16',
  'INT32',
  'INT64',
  'UINT8',
  'UINT16',
  'UINT32',
  'UINT64',
  'BOOL',
]);
const CATEGORY_TYPES = new Set([
  'BYTES',
  'INT8',
  'INT16',
  'INT32',
  'INT64',
  'UINT8',
  'UINT16',
  'UINT32',
  'UINT64',
]);

/** Parses and checks the JSON header of an infer request. */
export function parseInferRequest(json: string): V2InferRequest {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (err) {
    throw new ServingHttpError({
      code: 'MALFORMED_BODY',
      message:
        'The inference request is not valid JSON (note: NaN and Infinity are not JSON; send a missing number as null, or the tensor as binary data).',
      cause: err,
    });
  }
  const parsed = v2InferRequestSchema.safeParse(raw);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({
      path: i.path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
        .join('')
        .replace(/^\./, ''),
      problem: i.message,
    }));
    throw invalidRequest(
      'The inference request does not follow the Open Inference Protocol; see details.',
      details,
    );
  }
  return parsed.data;
}

/** Deepest nesting of `data` accepted; a tensor of rank r nests r levels, and we take rank ≤ 2. */
export const MAX_DATA_DEPTH = 32;

/**
 * The values of nested `data` in row-major order. Iterative (an explicit stack of array
 * cursors), so a body nested thousands of levels deep is a 400 naming the input, not a stack
 * overflow.
 */
function flatten(data: unknown, path: string): unknown[] {
  const out: unknown[] = [];
  if (!Array.isArray(data)) return [data];
  const stack: { items: readonly unknown[]; next: number }[] = [{ items: data, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { items: readonly unknown[]; next: number };
    if (top.next >= top.items.length) {
      stack.pop();
      continue;
    }
    const item = top.items[top.next++];
    if (!Array.isArray(item)) {
      out.push(item);
      continue;
    }
    if (stack.length >= MAX_DATA_DEPTH) {
      throw invalidRequest(
        `${path}.data is nested more than ${MAX_DATA_DEPTH} levels deep; send the tensor flat (row-major) with its shape.`,
        [{ path: `${path}.data`, problem: `nested more than ${MAX_DATA_DEPTH} levels` }],
      );
    }
    stack.push({ items: item, next: 0 });
  }
  return out;
}

/** Each input's values, from `data` or from its slice of the binary tail. */
function inputValues(request: V2InferRequest, binary: Buffer): unknown[][] {
  let offset = 0;
  return request.inputs.map((input, i) => {
    const size = input.parameters?.['binary_data_size'];
    const path = `inputs[${i}]`;
    if (size !== undefined) {
      if (
        typeof size !== 'number' ||
        !Number.isInteger(size) ||
        size < 0 ||
        offset + size > binary.length
      ) {
        throw invalidRequest(
          `${path}.parameters.binary_data_size does not fit the binary data sent.`,
          [
            {
              path: `${path}.parameters.binary_data_size`,
              problem: 'does not fit the binary data',
            },
          ],
        );
      }
      const bytes = binary.subarray(offset, offset + size);
      offset += size;
      return decodeBinaryTensor({ bytes, datatype: input.datatype, path });
    }
    if (input.data === undefined)
      throw invalidRequest(`${path} has neither data nor binary_data_size.`, [
        { path: `${path}.data`, problem: 'missing' },
      ]);
    return flatten(input.data, path);
  });
}

function checkInputs(
  compiled: CompiledFeatures,
  request: V2InferRequest,
  values: unknown[][],
): { rows: number; order: number[] } {
  const problems: ProblemDetail[] = [];
  const order: number[] = [];
  const seen = new Set<number>();
  let rows: number | undefined;
  request.inputs.forEach((input, i) => {
    const path = `inputs[${i}]`;
    const f = compiled.indexOf.get(input.name);
    order.push(f ?? -1);
    if (f === undefined)
      return void problems.push({
        path: `${path}.name`,
        problem: `unknown input ${JSON.stringify(input.name)}; the model's inputs are ${compiled.names.join(', ')}`,
      });
    if (seen.has(f))
      return void problems.push({
        path: `${path}.name`,
        problem: `input ${JSON.stringify(input.name)} appears twice`,
      });
    seen.add(f);
    const numeric = compiled.numeric[f] === true;
    if (!(numeric ? NUMERIC_TYPES : CATEGORY_TYPES).has(input.datatype)) {
      problems.push({
        path: `${path}.datatype`,
        problem: `${input.name} is ${numeric ? 'numeric: use FP32' : 'categorical: use BYTES'}, not ${input.datatype}`,
      });
    }
    const [n, ...rest] = input.shape;
    const count = values[i]?.length ?? 0;
    if (n === undefined || rest.some((d) => d !== 1) || n !== count) {
      problems.push({
        path: `${path}.shape`,
        problem: `shape ${JSON.stringify(input.shape)} does not describe ${count} values as [n] or [n, 1]`,
      });
    } else if (rows === undefined) rows = n;
    else if (n !== rows)
      problems.push({ path: `${path}.shape`, problem: `has ${n} rows; other inputs have ${rows}` });
  });
  compiled.names.forEach((name, f) => {
    if (!seen.has(f))
      problems.push({
        path: 'inputs',
        problem: `required input ${JSON.stringify(name)} is missing`,
      });
  });
  if (problems.length > 0)
    throw invalidRequest('The inputs do not match the model; see details.', problems);
  return { rows: rows ?? 0, order };
}

/** Validates an infer request's inputs into a batch. */
export function inferRequestToBatch(options: {
  compiled: CompiledFeatures;
  request: V2InferRequest;
  binary: Buffer;
  maxRows: number;
}): ParsedBatch {
  const { compiled, request } = options;
  const values = inputValues(request, options.binary);
  const { rows, order } = checkInputs(compiled, request, values);
  checkBatchRows(rows, options.maxRows);
  const builder = new BatchBuilder({
    compiled,
    rows,
    // By name, not position: the message then says which feature is wrong.
    pathOf: (row, field) => `inputs.${field}.data[${row}]`,
  });
  order.forEach((f, i) => {
    const column = values[i] ?? [];
    for (let row = 0; row < rows; row++) builder.setJson(row, f, column[row]);
  });
  return finishBatch(builder);
}
