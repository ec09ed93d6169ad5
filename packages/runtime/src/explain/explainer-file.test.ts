import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExplainerFileError, MAX_TREE_DEPTH, parseExplainerFile } from './explainer-file.js';
import { loadExplainer } from './load-explainer.js';
import { flatten, treesFile, type TestNode } from './test-trees.js';

const FEATURES = [
  { name: 'a', type: 'numeric' as const },
  { name: 'c', type: 'categorical' as const, categories: ['x', 'y'] },
];
const STUMP: TestNode = {
  feature: 0,
  split: 1,
  missingLeft: true,
  left: { leaf: 1, cover: 3 },
  right: { leaf: -1, cover: 2 },
};

/** A valid one-tree file with `change` applied to its tree's arrays. */
function withTree(change: (tree: Record<string, unknown[]>) => void): string {
  const file = treesFile({ features: FEATURES, trees: [STUMP] });
  const tree = file.trees[0] as unknown as Record<string, unknown[]>;
  change(tree);
  return JSON.stringify(file);
}

function problem(text: string): string {
  try {
    parseExplainerFile(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ExplainerFileError);
    return (error as Error).message;
  }
  throw new Error('accepted');
}

describe('champion/explainer.json checks', () => {
  it('accepts what the trees of a model look like', () => {
    expect(parseExplainerFile(withTree(() => undefined)).kind).toBe('trees');
  });

  it('refuses a child that points back up the tree (a cycle)', () => {
    expect(problem(withTree((t) => (t['right'] = [0, -1, -1])))).toMatch(
      /tree 0: node 0 has child 0/,
    );
  });

  it('refuses a node with two parents', () => {
    expect(problem(withTree((t) => (t['right'] = [1, -1, -1])))).toMatch(/two parents/);
  });

  it('refuses covers that do not add up, and a split on a feature that does not exist', () => {
    expect(problem(withTree((t) => (t['cover'] = [9, 3, 2])))).toMatch(/cover 9, its children 5/);
    expect(problem(withTree((t) => (t['feature'] = [7, -1, -1])))).toMatch(/feature 7/);
  });

  it('refuses a category code the feature does not have, and arrays of different lengths', () => {
    const categorical = withTree((t) => {
      t['feature'] = [1, -1, -1];
      t['threshold'] = [null, null, null];
      t['left_categories'] = [[5], null, null];
    });
    expect(problem(categorical)).toMatch(/category code 5.*'c' has 2 categories/);
    expect(problem(withTree((t) => t['value']?.push(0)))).toMatch(/'value' has 4 entries, not 3/);
  });

  it(`refuses a tree deeper than ${MAX_TREE_DEPTH}`, () => {
    let node: TestNode = { leaf: 0, cover: 1 };
    for (let d = 0; d <= MAX_TREE_DEPTH; d++)
      node = { feature: 0, split: d, missingLeft: false, left: node, right: { leaf: 1, cover: 1 } };
    const file = { ...treesFile({ features: FEATURES, trees: [] }), trees: [flatten(node)] };
    expect(problem(JSON.stringify(file))).toMatch(/deep/);
  });

  it('names the field of a malformed file', () => {
    expect(
      problem(JSON.stringify({ ...treesFile({ features: FEATURES, trees: [STUMP] }), version: 2 })),
    ).toMatch(/'version'/);
  });
});

describe('loadExplainer', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'explainer-'));
    await mkdir(join(dir, 'champion'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));
  const served = [
    { name: 'a', type: 'numeric' as const },
    { name: 'c', type: 'categorical' as const, categories: ['x', 'y'] },
  ];

  it('says the model has no explainer file and how to get one', async () => {
    const state = await loadExplainer(dir, served);
    expect(state).toEqual({
      available: false,
      reason: expect.stringMatching(/no champion\/explainer.json.*retrain/),
    });
  });

  it('loads a file that fits the served features', async () => {
    await writeFile(
      join(dir, 'champion', 'explainer.json'),
      withTree(() => undefined),
    );
    expect((await loadExplainer(dir, served)).available).toBe(true);
  });

  it('accepts the categories in code order where the schema lists them sorted', async () => {
    await writeFile(
      join(dir, 'champion', 'explainer.json'),
      withTree(() => undefined),
    );
    const sorted = [served[0], { ...served[1], categories: ['y', 'x'] }] as typeof served;
    expect((await loadExplainer(dir, sorted)).available).toBe(true);
    const other = [served[0], { ...served[1], categories: ['x', 'z'] }] as typeof served;
    expect(await loadExplainer(dir, other)).toMatchObject({ available: false });
  });

  it('refuses a file whose features are not the model’s', async () => {
    await writeFile(
      join(dir, 'champion', 'explainer.json'),
      withTree(() => undefined),
    );
    const state = await loadExplainer(dir, [
      served[0],
      { ...served[1], name: 'd' },
    ] as typeof served);
    expect(state).toEqual({
      available: false,
      reason: expect.stringContaining("'c' in it, categorical 'd' in the model"),
    });
  });

  it('reports a malformed file as the reason, never throws', async () => {
    await writeFile(join(dir, 'champion', 'explainer.json'), '{not json');
    const state = await loadExplainer(dir, served);
    expect(state).toEqual({ available: false, reason: expect.stringContaining('not JSON') });
  });
});
