/**
 * Finds a model folder's explainer: champion/explainer.json read (size-bounded), checked
 * (explainer-file.ts) and matched with the features the model serves. A model without the file
 * (trained before explanations) or with one that does not fit still serves; its explanations are
 * unavailable, with the reason.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ServedFeature } from '../types.js';
import { errorMessage } from '../errors.js';
import { parseExplainerFile, type ExplainerFile } from './explainer-file.js';
import { buildExplainer, type Explainer } from './explainer.js';

/** Largest explainer file read. */
export const MAX_EXPLAINER_BYTES = 512 * 1024 * 1024;
export const EXPLAINER_FILE = join('champion', 'explainer.json');

export type ExplainerState =
  | { readonly available: true; readonly explainer: Explainer }
  | { readonly available: false; readonly reason: string };

function unavailable(reason: string): ExplainerState {
  return { available: false, reason };
}

/** Why the file's features are not the served ones, or undefined when they are. */
function featureMismatch(
  file: ExplainerFile,
  served: readonly ServedFeature[],
): string | undefined {
  if (file.features.length !== served.length)
    return `it describes ${file.features.length} features, the model takes ${served.length}`;
  for (let i = 0; i < served.length; i++) {
    const ours = file.features[i];
    const theirs = served[i];
    if (ours === undefined || theirs === undefined) continue;
    if (ours.name !== theirs.name || ours.type !== theirs.type)
      return `feature ${i} is ${ours.type} '${ours.name}' in it, ${theirs.type} '${theirs.name}' in the model`;
    // The same categories; the schema lists them sorted, the file in code order.
    const a = new Set(ours.categories ?? []);
    const b = theirs.categories;
    if (b !== undefined && (a.size !== b.length || b.some((c) => !a.has(c))))
      return `the categories of '${ours.name}' differ from champion/schema.json's`;
  }
  return undefined;
}

/** Loads the explainer of the model folder `dir` serving `features`. Never throws. */
export async function loadExplainer(
  dir: string,
  features: readonly ServedFeature[],
): Promise<ExplainerState> {
  const path = join(dir, EXPLAINER_FILE);
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT')
      return unavailable(
        `the model has no ${EXPLAINER_FILE} (it was trained before champion saved explanation data); retrain it to get explanations`,
      );
    return unavailable(`${EXPLAINER_FILE} is unreadable: ${errorMessage(error)}`);
  }
  if (size > MAX_EXPLAINER_BYTES)
    return unavailable(`${EXPLAINER_FILE} is ${size} bytes, more than ${MAX_EXPLAINER_BYTES}`);
  try {
    const file = parseExplainerFile(await readFile(path, 'utf8'));
    const mismatch = featureMismatch(file, features);
    if (mismatch !== undefined)
      return unavailable(`${EXPLAINER_FILE} does not fit the model: ${mismatch}`);
    return { available: true, explainer: buildExplainer(file) };
  } catch (error) {
    return unavailable(errorMessage(error));
  }
}
