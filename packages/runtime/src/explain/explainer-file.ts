/**
 * champion/explainer.json (written by the trainer's explain/explainer-doc.ts), validated: zod for
 * the shape, then the structure every loop and index of the explainers relies on (each tree a
 * tree: children after their parent, every node but the root the child of exactly one node; a
 * depth bound; features and category codes in range; covers that add up). A model's files are
 * untrusted input, so nothing in this file becomes a loop bound or an index before it is checked.
 */
import { z } from 'zod';
import { treeDepth, treeProblem } from './tree-checks.js';

/** Deepest tree explained (TreeSHAP recurses once per level and keeps one path per level). */
export const MAX_TREE_DEPTH = 256;
/** Nodes over all trees. */
export const MAX_TOTAL_NODES = 20_000_000;
const MAX_FEATURES = 100_000;

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const index = z.number().int();

const featureSchema = z.object({
  name: z.string().min(1),
  type: z.enum(['numeric', 'categorical']),
  categories: z.array(z.string()).optional(),
});

const treeSchema = z.object({
  feature: z.array(index),
  threshold: z.array(z.number().nullable()),
  left_categories: z.array(z.array(index.min(0)).nullable()),
  missing_left: z.array(z.boolean()),
  left: z.array(index),
  right: z.array(index),
  value: z.array(finite),
  cover: z.array(finite.refine((c) => c >= 0, 'must not be negative')),
});

const common = {
  format: z.literal('champion-explainer'),
  version: z.literal(1),
  features: z.array(featureSchema).min(1).max(MAX_FEATURES),
  rows: z.number().int().min(0),
};

const numericTerm = z.object({
  feature: index.min(0),
  type: z.literal('numeric'),
  impute: finite,
  mean: finite,
  scale: finite.refine((s) => s !== 0, 'must not be 0'),
  weight: finite,
  expected: finite,
});

const categoricalTerm = z.object({
  feature: index.min(0),
  type: z.literal('categorical'),
  weights: z.array(finite),
  missing_weight: finite,
  expected: finite,
});

export const explainerFileSchema = z.discriminatedUnion('kind', [
  z.object({ ...common, kind: z.literal('trees'), base_score: finite, trees: z.array(treeSchema) }),
  z.object({
    ...common,
    kind: z.literal('linear'),
    intercept: finite,
    terms: z.array(z.discriminatedUnion('type', [numericTerm, categoricalTerm])),
  }),
]);

export type ExplainerFile = z.infer<typeof explainerFileSchema>;
export type TreeExplainerFile = Extract<ExplainerFile, { kind: 'trees' }>;
export type ExplainerTree = TreeExplainerFile['trees'][number];
export type ExplainerFeature = ExplainerFile['features'][number];

/** Thrown with a message naming the tree / node / term and the problem. */
export class ExplainerFileError extends Error {
  override readonly name = 'ExplainerFileError';
}

function fail(message: string): never {
  throw new ExplainerFileError(`champion/explainer.json: ${message}`);
}

function checkTrees(file: TreeExplainerFile): void {
  let nodes = 0;
  file.trees.forEach((tree, t) => {
    nodes += tree.feature.length;
    if (nodes > MAX_TOTAL_NODES) fail(`more than ${MAX_TOTAL_NODES} nodes`);
    const problem = treeProblem(tree, file.features);
    if (problem !== undefined) fail(`tree ${t}: ${problem}`);
    const depth = treeDepth(tree);
    if (depth > MAX_TREE_DEPTH) fail(`tree ${t} is ${depth} deep (at most ${MAX_TREE_DEPTH})`);
  });
}

function checkTerms(file: Extract<ExplainerFile, { kind: 'linear' }>): void {
  const seen = new Set<number>();
  file.terms.forEach((term, i) => {
    const feature = file.features[term.feature];
    if (feature === undefined)
      fail(`term ${i} names feature ${term.feature}, which does not exist`);
    if (feature.type !== term.type)
      fail(`term ${i} is ${term.type} but '${feature.name}' is ${feature.type}`);
    if (seen.has(term.feature)) fail(`'${feature.name}' has two terms`);
    seen.add(term.feature);
    const count = feature.categories?.length ?? 0;
    if (term.type === 'categorical' && term.weights.length !== count)
      fail(
        `term ${i} has ${term.weights.length} weights for ${count} categories of '${feature.name}'`,
      );
  });
}

/** Parses and checks the text of champion/explainer.json; throws ExplainerFileError. */
export function parseExplainerFile(text: string): ExplainerFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    fail(`not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = explainerFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    fail(`'${issue?.path.join('.') ?? ''}' ${issue?.message ?? 'is invalid'}`);
  }
  const file = parsed.data;
  file.features.forEach((f, i) => {
    if (f.type === 'categorical' && f.categories === undefined)
      fail(`categorical feature ${i} ('${f.name}') has no categories`);
  });
  if (file.kind === 'trees') checkTrees(file);
  else checkTerms(file);
  return file;
}
