/**
 * JavaScript source of a scoring function for an ensemble: each tree as nested `if`s (groups of
 * trees per function, each row's inputs loaded into locals once per group), leaf weights summed
 * in double in tree order, then onnxruntime's Sigmoid, the float32 cast and the threshold.
 */
import { NotCompilable } from './attributes.js';
import { BRANCH_LEQ, type Ensemble, type Split } from './ensemble.js';

/**
 * Interior nodes per generated function: much larger functions fall off V8's optimizing compiler
 * (10x slower at 1,500). 1M rows x 110 trees: 300 → 2.15 s, 600 → 2.07 s, 1,200 → 2.24 s.
 */
const NODES_PER_FUNCTION = 600;
/** Rows scored by every tree before the next rows: their features stay in the L2 cache. */
const BLOCK_ROWS = 2048;

/** A double as JavaScript source that evaluates to exactly it. */
function literal(value: number): string {
  if (Object.is(value, -0)) return '-0';
  if (Number.isNaN(value)) return 'NaN';
  return String(value);
}

/** The source of one tree's nested conditions, adding the reached leaf's weight to `s`. */
function treeSource(
  ensemble: Ensemble,
  root: number,
): { code: string; splits: number; features: Set<number> } {
  let splits = 0;
  const features = new Set<number>();
  const seen = new Set<number>();
  const lines: string[] = [];
  // Iterative (deep trees must not overflow the stack): a stack of pending pieces of text.
  const stack: ({ node: number; leaf: boolean } | string)[] = [{ node: root, leaf: false }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (typeof item === 'string') {
      lines.push(item);
      continue;
    }
    if (item.leaf) {
      lines.push(`s += ${literal(ensemble.leafWeights[item.node] as number)};`);
      continue;
    }
    // A node reached twice is a cycle or shared subtree, which no tree has (and which would
    // make this loop endless).
    if (seen.has(item.node))
      throw new NotCompilable(`TreeEnsemble: node ${item.node} is reached twice`);
    seen.add(item.node);
    splits++;
    const split = ensemble.splits[item.node] as Split;
    features.add(ensemble.columns[split.feature] as number);
    const x = `x${ensemble.columns[split.feature] as number}`;
    let condition: string;
    if (split.mode === BRANCH_LEQ) {
      // NaN <= t is false; a missing value that tracks true must take the true branch.
      condition = split.missingTrue
        ? `!(${x} > ${literal(split.value)})`
        : `${x} <= ${literal(split.value)}`;
    } else {
      const tests = split.members.map((m) => `v === ${literal(m)}`).join(' || ');
      const member = split.members.length === 0 ? 'false' : tests;
      condition = split.missingTrue ? `((v = ${x}) !== v || ${member})` : `((v = ${x}), ${member})`;
    }
    stack.push('}');
    stack.push({ node: split.falseChild, leaf: split.falseIsLeaf });
    stack.push('} else {');
    stack.push({ node: split.trueChild, leaf: split.trueIsLeaf });
    lines.push(`if (${condition}) {`);
  }
  return { code: lines.join('\n'), splits, features };
}

export function generate(args: {
  ensemble: Ensemble;
  base: number;
  threshold: number;
  inputs: readonly { name: string; elemType: number }[];
  encoders: ReadonlyMap<number, { keys: string[]; values: number[] }>;
}): string {
  const { ensemble, base, threshold, inputs, encoders } = args;
  const width = inputs.length;
  const groups: string[] = [];
  let body: string[] = [];
  let size = 0;
  // The inputs the group's trees read: loaded once per row into locals (no bounds checks).
  const used = new Set<number>();
  const flush = (): void => {
    if (body.length === 0) return;
    groups.push(
      `function (x, from, to, acc) {\nlet v = 0;\nfor (let i = from; i < to; i++) {\nconst b = i * ${width};\n${[...used].map((f) => `const x${f} = x[b + ${f}];`).join(' ')}\nlet s = acc[i];\n${body.join('\n')}\nacc[i] = s;\n}\n}`,
    );
    body = [];
    size = 0;
    used.clear();
  };
  for (const root of ensemble.roots) {
    const tree = treeSource(ensemble, root);
    if (size > 0 && size + tree.splits > NODES_PER_FUNCTION) flush();
    body.push(tree.code);
    size += tree.splits;
    for (const f of tree.features) used.add(f);
  }
  flush();
  const encoderSource = inputs.map((_, i) => {
    const encoder = encoders.get(i);
    if (encoder === undefined) return 'null';
    const pairs = encoder.keys.map(
      (k, j) => `[${JSON.stringify(k)}, ${literal(encoder.values[j] as number)}]`,
    );
    return `new Map([${pairs.join(', ')}])`;
  });
  return `(() => {
'use strict';
const trees = [\n${groups.join(',\n')}\n];
const encoders = [${encoderSource.join(', ')}];
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const codeOf = (encoder, value) => { const code = encoder.get(value); return code === undefined ? NaN : code; };
// A string column as the doubles LabelEncoder makes of it (unknown and '' are NaN).
const encode = (encoder, column, n) => {
  const out = new Float64Array(n);
  if (Array.isArray(column)) {
    for (let i = 0; i < n; i++) out[i] = codeOf(encoder, column[i]);
    return out;
  }
  const byCode = column.dictionary.map((value) => codeOf(encoder, value));
  for (let i = 0; i < n; i++) out[i] = byCode[column.codes[i]];
  return out;
};
// One loop per array type, so each stays monomorphic.
const transpose32 = (values, x, f, n) => {
  for (let i = 0, at = f; i < n; i++, at += ${width}) x[at] = values[i];
};
const transpose64 = (values, x, f, n) => {
  for (let i = 0, at = f; i < n; i++, at += ${width}) x[at] = values[i];
};
// Scores n rows of a row-major float32 matrix x (n x ${width}): the probability of each row and
// whether it reaches the threshold. The block parser (batch/block-source.ts) fills x directly.
const matrix = (x, n) => {
  const acc = new Float64Array(n);
  // Blocks of rows small enough to stay in cache while every group of trees reads them.
  for (let from = 0; from < n; from += ${BLOCK_ROWS}) {
    const to = Math.min(n, from + ${BLOCK_ROWS});
    for (const tree of trees) tree(x, from, to, acc);
  }
  const probability = new Float32Array(n);
  const positive = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const logit = acc[i] + ${literal(base)};
    // onnxruntime's double Sigmoid: 1 / (1 + e^-x) for x >= 0, 1 - 1 / (1 + e^x) below.
    const p = logit >= 0 ? 1 / (1 + Math.exp(-logit)) : 1 - 1 / (1 + Math.exp(logit));
    probability[i] = p;
    if (probability[i] >= ${literal(threshold)}) positive[i] = 1;
  }
  return { probability, positive };
};
function score(columns, n) {
  // Row-major float32 (what the graph rounds inputs to; codes are float32 too): one base pointer
  // for every split, measured faster than reading one array per feature.
  const x = new Float32Array(n * ${width});
  for (let f = 0; f < ${width}; f++) {
    if (encoders[f] === null) transpose32(columns[f], x, f, n);
    else transpose64(encode(encoders[f], columns[f], n), x, f, n);
  }
  const { probability, positive } = matrix(x, n);
  const label = new BigInt64Array(n);
  // Labels are 0 or 1: written through 32-bit words (BigInt stores are slow), low word first.
  const words = new Int32Array(label.buffer);
  const low = littleEndian ? 0 : 1;
  for (let i = 0; i < n; i++) if (positive[i] === 1) words[2 * i + low] = 1;
  return { probability, label };
}
score.width = ${width};
score.matrix = matrix;
// What a string input's LabelEncoder makes of a text (NaN when unknown), as x holds it.
score.encode = (input, value) => (encoders[input] === null ? NaN : codeOf(encoders[input], value));
return score;
})()`;
}
