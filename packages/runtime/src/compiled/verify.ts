/**
 * Before a compiled program scores anything, it must give onnxruntime's exact outputs (float32
 * probability bit for bit, and label) on rows built to reach every decision boundary: each
 * numeric split threshold and its float32 neighbours, missing and infinite values, every known
 * category, the empty string and an unseen one, mixed across features.
 */
import type { FeatureBatch } from '../types.js';
import type { RawScores } from '../onnx-runner.js';
import { instantiate, type CompiledInput, type CompiledProgram } from './compile.js';
import { float32Step } from '@champion/onnx';

/** The verdict of {@link verifyCompiled}. */
export interface Verification {
  readonly rows: number;
  readonly mismatches: number;
  /** The first differing row, described, when there is one. */
  readonly example?: string;
}

/** Values worth trying for one input. */
function probes(input: CompiledInput): (number | string)[] {
  if (input.kind === 'categorical') return [...input.keys, '', '\u0000champion:unseen'];
  const values = new Set<number>([NaN, 0, -1, 1, Infinity, -Infinity, 3.4e38, -3.4e38]);
  for (const t of input.thresholds) {
    values.add(Math.fround(t));
    values.add(float32Step(t, true));
    values.add(float32Step(t, false));
  }
  return [...values];
}

/** Rows that pair every probe of every input with varied values of the others. */
export function verificationBatch(program: CompiledProgram, minRows = 2048): FeatureBatch {
  const lists = program.inputs.map(probes);
  const rows = Math.max(minRows, ...lists.map((l) => l.length));
  const columns = lists.map((list, f) => {
    // Input f walks its list with its own stride, so rows mix probes of different inputs.
    const stride = 2 * f + 1;
    const pick = (r: number): number | string =>
      list[(r * stride + f) % list.length] as number | string;
    return program.inputs[f]?.kind === 'categorical'
      ? Array.from({ length: rows }, (_, r) => String(pick(r)))
      : Float32Array.from({ length: rows }, (_, r) => Number(pick(r)));
  });
  return { rows, columns };
}

/** Scores the verification rows with both and compares them exactly. */
export async function verifyCompiled(options: {
  program: CompiledProgram;
  reference: (batch: FeatureBatch) => Promise<RawScores>;
}): Promise<Verification> {
  const { program, reference } = options;
  const batch = verificationBatch(program);
  const expected = await reference(batch);
  const actual = instantiate(program)(batch.columns, batch.rows);
  let mismatches = 0;
  let example: string | undefined;
  for (let r = 0; r < batch.rows; r++) {
    const same =
      Object.is(actual.probability[r], expected.probability[r]) &&
      actual.label[r] === expected.label[r];
    if (same) continue;
    mismatches++;
    example ??= `row ${r}: onnxruntime ${expected.probability[r]} / ${expected.label[r]}, compiled ${actual.probability[r]} / ${actual.label[r]}`;
  }
  return { rows: batch.rows, mismatches, ...(example === undefined ? {} : { example }) };
}
