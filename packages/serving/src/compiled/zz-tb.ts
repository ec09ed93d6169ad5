import { readFileSync } from 'node:fs';
import { readOnnxGraph } from './onnx-graph.js';
import { compileGraph, instantiate } from './compile.js';
const [model, csv] = process.argv.slice(2) as [string, string];
const g = readOnnxGraph(readFileSync(model));
const program = compileGraph(g);
const score = instantiate(program);
const lines = readFileSync(csv, 'utf8').split('\n', 200_001);
const header = lines[0]!.split(',').map((h) => h.replace(/"/g, ''));
const names = g.inputs.map((i) => i.name);
const at = names.map((n) => header.indexOf(n));
const N = 200_000,
  W = names.length;
const X = new Float32Array(N * W);
for (let i = 0; i < N; i++) {
  const t = lines[i + 1]!.split(',');
  for (let f = 0; f < W; f++) X[i * W + f] = Number(t[at[f]!]);
}
let sum = 0;
const times: number[] = [];
for (let r = 0; r < 8; r++) {
  const t0 = performance.now();
  const res = score.matrix(X, N);
  times.push(performance.now() - t0);
  if (r === 0) for (let i = 0; i < N; i++) sum += res.probability[i]!;
}
console.log(
  'matrix ms per 200k:',
  times.map((t) => t.toFixed(0)).join(' '),
  'checksum',
  sum.toFixed(6),
);
