/**
 * The WebAssembly trees against a plain walk of the same trees (the ONNX TreeEnsemble rules:
 * `x <= t`, NaN down the branch its node says, membership in a set), on random ensembles with
 * both split kinds, deep and lopsided trees, and rows with missing values. The compiled program
 * as a whole is checked against onnxruntime in compile.test.ts.
 */
import { BRANCH_LEQ, BRANCH_MEMBER, type Ensemble, type Split } from './ensemble.js';
import { treesModule } from './wasm-trees.js';

// Node's WebAssembly, as used here (@types/node does not declare it).
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Memory: new (limits: { initial: number }) => { buffer: ArrayBuffer };
  Instance: new (
    module: object,
    imports: object,
  ) => { exports: { trees: (x: number, rows: number, acc: number) => void } };
};

function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
}

/** A random ensemble over `width` inputs: `trees` trees of up to `leaves` leaves each. */
function randomEnsemble(options: {
  trees: number;
  leaves: number;
  width: number;
  seed: number;
}): Ensemble {
  const random = lcg(options.seed);
  const splits: Split[] = [];
  const leafWeights: number[] = [];
  const roots: number[] = [];
  const columns = Array.from({ length: options.width }, (_, i) => options.width - 1 - i);
  for (let t = 0; t < options.trees; t++) {
    // Grow by splitting a random leaf: lopsided trees, some much deeper than log2(leaves).
    const root = splits.length;
    roots.push(root);
    const open: { node: number; side: 'true' | 'false' }[] = [];
    const newSplit = (): number => {
      const member = random() < 0.2;
      const index = splits.length;
      splits.push({
        feature: Math.floor(random() * options.width),
        mode: member ? BRANCH_MEMBER : BRANCH_LEQ,
        value: member ? 0 : Math.round((random() - 0.5) * 2000) / 100,
        members: member ? [0, 1, 2, 3].filter(() => random() < 0.5) : [],
        missingTrue: random() < 0.5,
        trueChild: 0,
        trueIsLeaf: true,
        falseChild: 0,
        falseIsLeaf: true,
      });
      open.push({ node: index, side: 'true' }, { node: index, side: 'false' });
      return index;
    };
    newSplit();
    for (let l = 2; l < options.leaves; l++) {
      const [slot] = open.splice(Math.floor(random() * open.length), 1);
      if (slot === undefined) break;
      const child = newSplit();
      const parent = splits[slot.node] as Split;
      splits[slot.node] =
        slot.side === 'true'
          ? { ...parent, trueChild: child, trueIsLeaf: false }
          : { ...parent, falseChild: child, falseIsLeaf: false };
    }
    for (const slot of open) {
      const leaf = leafWeights.length;
      leafWeights.push((random() - 0.5) / 3);
      const parent = splits[slot.node] as Split;
      splits[slot.node] =
        slot.side === 'true' ? { ...parent, trueChild: leaf } : { ...parent, falseChild: leaf };
    }
  }
  return { roots, splits, leafWeights, columns };
}

/** The sum of each row's leaf weights, in tree order, by walking the trees. */
/** Rows of float32 inputs, row-major. */
interface Rows {
  readonly x: Float32Array;
  readonly width: number;
  readonly rows: number;
}

function walk(ensemble: Ensemble, { x, width, rows }: Rows): Float64Array {
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (const root of ensemble.roots) {
      let node = root;
      for (;;) {
        const split = ensemble.splits[node] as Split;
        const v = x[r * width + (ensemble.columns[split.feature] as number)] as number;
        const member = split.members.includes(v);
        const goesTrue =
          split.mode === BRANCH_LEQ
            ? Number.isNaN(v)
              ? split.missingTrue
              : v <= split.value
            : (split.missingTrue && Number.isNaN(v)) || member;
        const [child, leaf] = goesTrue
          ? [split.trueChild, split.trueIsLeaf]
          : [split.falseChild, split.falseIsLeaf];
        if (leaf) {
          s += ensemble.leafWeights[child] as number;
          break;
        }
        node = child;
      }
    }
    out[r] = s;
  }
  return out;
}

function runModule(ensemble: Ensemble, { x, width, rows }: Rows): Float64Array {
  const accAt = Math.ceil((rows * width) / 2) * 8;
  const leafAt = accAt + rows * 8;
  const pages = Math.ceil((leafAt + ensemble.leafWeights.length * 8) / 65536);
  const memory = new WebAssembly.Memory({ initial: pages });
  const bytes = treesModule(ensemble, { width, leafAt });
  const { trees } = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
    env: { memory },
  }).exports;
  new Float32Array(memory.buffer, 0, rows * width).set(x);
  trees(0, rows, accAt);
  return new Float64Array(memory.buffer, accAt, rows).slice();
}

describe('WebAssembly trees', () => {
  it.each([
    { trees: 30, leaves: 31, width: 5, seed: 1 },
    { trees: 3, leaves: 200, width: 3, seed: 2 }, // deep, lopsided trees (nesting ~100)
    { trees: 400, leaves: 8, width: 40, seed: 3 }, // many groups of trees
    { trees: 60, leaves: 17, width: 6, seed: 4 }, // subtrees at the branchless limit (16 leaves)
    { trees: 20, leaves: 255, width: 10, seed: 5 },
  ])('sums the same leaves as a walk of the trees (%o)', (shape) => {
    const ensemble = randomEnsemble(shape);
    const random = lcg(shape.seed + 100);
    const rows = 3000;
    // Values around the thresholds, small integers (category codes) and ~10% missing.
    const x = Float32Array.from({ length: rows * shape.width }, () => {
      const u = random();
      if (u < 0.1) return NaN;
      if (u < 0.4) return Math.floor(random() * 5);
      return (random() - 0.5) * 20;
    });
    const matrix = { x, width: shape.width, rows };
    expect(Array.from(runModule(ensemble, matrix))).toEqual(Array.from(walk(ensemble, matrix)));
  });

  it('builds and compiles the module of a large ensemble (megabytes of code)', () => {
    const ensemble = randomEnsemble({ trees: 1000, leaves: 63, width: 50, seed: 9 });
    const bytes = treesModule(ensemble, { width: 50, leafAt: 0 });
    expect(bytes.length).toBeGreaterThan(1_000_000);
    expect(() => new WebAssembly.Module(bytes)).not.toThrow();
  });
});
