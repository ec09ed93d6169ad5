import { createRng } from '@champion/tabular';

/** Row indices of each class (0 then 1), each shuffled by a generator seeded with `seed`. */
export function shuffledByClass(labels: Uint8Array, seed: number): [Uint32Array, Uint32Array] {
  let positives = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === 1) positives++;
  const negative = new Uint32Array(labels.length - positives);
  const positive = new Uint32Array(positives);
  let n = 0;
  let p = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] === 1) positive[p++] = i;
    else negative[n++] = i;
  }
  const rng = createRng(seed);
  for (const indices of [negative, positive]) {
    // Fisher–Yates.
    for (let i = indices.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      const tmp = indices[i] ?? 0;
      indices[i] = indices[j] ?? 0;
      indices[j] = tmp;
    }
  }
  return [negative, positive];
}

/** Ascending copy of the concatenation, so split rows keep their file order. */
export function sortedUnion(parts: readonly Uint32Array[]): Uint32Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint32Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out.sort();
}
