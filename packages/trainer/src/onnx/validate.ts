/**
 * Checks a model against what the ONNX export can express faithfully, so a bad model fails at
 * export with a message naming the tree and node, never later as a silent parity gap.
 */
import type { FeatureSpec, Model, TreeNode } from '../model/types.js';
import { OnnxError } from '@champion/onnx';
import { LABEL_OUTPUT, PROBABILITY_OUTPUT } from './head.js';

export function validateModel(model: Model): void {
  validateFeatures(model.features);
  if (model.kind === 'gbdt') {
    model.trees.forEach((tree, index) =>
      validateTree(tree, { features: model.features, path: `tree ${index}` }),
    );
    requireFinite(model.baseScore, 'baseScore');
    return;
  }
  requireFinite(model.intercept, 'intercept');
  for (const term of model.numeric) {
    const where = `numeric term for feature ${term.feature}`;
    requireFeature(model.features, { index: term.feature, kind: 'numeric', where });
    for (const key of ['impute', 'mean', 'scale', 'weight'] as const) {
      requireFinite(term[key], `${where}: ${key}`);
    }
    if (term.scale === 0) invalid(`${where}: scale is 0; use 1 for constant columns`);
  }
  for (const term of model.categorical) {
    const where = `categorical term for feature ${term.feature}`;
    const feature = requireFeature(model.features, {
      index: term.feature,
      kind: 'categorical',
      where,
    });
    if (term.weights.length !== (feature.categories?.length ?? 0)) {
      invalid(
        `${where}: ${term.weights.length} weights for ${feature.categories?.length ?? 0} categories`,
      );
    }
    [...term.weights, term.missingWeight].forEach((w, i) =>
      requireFinite(w, `${where}: weight ${i}`),
    );
  }
}

function validateFeatures(features: readonly FeatureSpec[]): void {
  if (features.length === 0)
    invalid('the model has no features; an ONNX graph needs at least one input');
  const seen = new Set<string>();
  for (const feature of features) {
    if (feature.name === '')
      invalid('a feature has an empty name; ONNX inputs are named after columns');
    if (feature.name === LABEL_OUTPUT || feature.name === PROBABILITY_OUTPUT) {
      invalid(
        `feature '${feature.name}' clashes with the output of the same name; rename the column`,
      );
    }
    if (seen.has(feature.name)) invalid(`feature name '${feature.name}' appears twice`);
    seen.add(feature.name);
  }
}

function validateTree(
  root: TreeNode,
  { features, path }: { features: readonly FeatureSpec[]; path: string },
): void {
  const pending: { node: TreeNode; where: string }[] = [{ node: root, where: `${path} root` }];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    const { node, where } = item;
    if (node.kind === 'leaf') {
      requireFinite(node.value, `${where}: leaf value`);
      continue;
    }
    const feature = requireFeature(features, { index: node.feature, kind: node.kind, where });
    if (node.kind === 'numeric') {
      if (Number.isNaN(node.threshold) || Math.fround(node.threshold) !== node.threshold) {
        invalid(
          `${where}: threshold ${node.threshold} is not a float32 value; float32 routing would differ`,
        );
      }
    } else {
      const count = feature.categories?.length ?? 0;
      for (const code of node.leftCategories) {
        if (!Number.isInteger(code) || code < 0 || code >= count) {
          invalid(`${where}: category code ${code} is not in 0..${count - 1} of '${feature.name}'`);
        }
      }
    }
    pending.push(
      { node: node.left, where: `${where}.left` },
      { node: node.right, where: `${where}.right` },
    );
  }
}

function requireFeature(
  features: readonly FeatureSpec[],
  { index, kind, where }: { index: number; kind: FeatureSpec['kind']; where: string },
): FeatureSpec {
  const feature = features[index];
  if (feature === undefined)
    invalid(`${where}: feature index ${index} is out of range (${features.length} features)`);
  if (feature.kind !== kind)
    invalid(`${where}: a ${kind} split on ${feature.kind} feature '${feature.name}'`);
  return feature;
}

function requireFinite(value: number, what: string): void {
  if (!Number.isFinite(value)) invalid(`${what} is ${value}; expected a finite number`);
}

function invalid(message: string): never {
  throw new OnnxError('invalid-model', `Cannot export the model to ONNX: ${message}.`);
}
