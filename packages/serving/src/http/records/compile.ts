/**
 * A served model's features compiled for request validation: name → column lookup, kinds and
 * category sets, built once per model version and cached (a WeakMap keyed by the immutable
 * `ServedModel`), so a request pays only the per-value checks.
 */
import type { ServedModel } from '@champion/runtime';

/** How a category not seen in training is treated. */
export type UnseenCategoryPolicy = 'reject' | 'missing';

export interface CompiledFeatures {
  readonly model: ServedModel;
  readonly names: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  readonly numeric: readonly boolean[];
  /** Per feature: the training categories, or undefined (numeric, or no vocabulary recorded). */
  readonly categories: readonly (ReadonlySet<string> | undefined)[];
  /**
   * Per feature: whether a JSON number is accepted as a category, i.e. the recorded categories
   * are all numbers written canonically ("1", "2", "3" from an integer-coded column), so `2` and
   * `"2"` name the same category. Everywhere else a number for a categorical field is a type
   * error, like a boolean. See {@link acceptsNumber}.
   */
  readonly numberCategories: readonly boolean[];
  readonly unseen: UnseenCategoryPolicy;
  /**
   * The per-record field echoed back as `id`; undefined when a feature is itself named `id`
   * (the feature wins, and records carry no separate id).
   */
  readonly idField: string | undefined;
  /** Names and kinds in order: two models with the same signature accept the same batches. */
  readonly signature: string;
}

/** Compiles a model's features (pure; see {@link FeatureCompiler} for the cached version). */
export function compileFeatures(
  model: ServedModel,
  unseen: UnseenCategoryPolicy,
): CompiledFeatures {
  const names = model.features.map((f) => f.name);
  return {
    model,
    names,
    indexOf: new Map(names.map((n, i) => [n, i])),
    numeric: model.features.map((f) => f.type === 'numeric'),
    categories: model.features.map((f) =>
      f.type === 'categorical' && f.categories !== undefined ? new Set(f.categories) : undefined,
    ),
    numberCategories: model.features.map(
      (f) => f.type === 'categorical' && numberNamed(f.categories),
    ),
    unseen,
    idField: names.includes('id') ? undefined : 'id',
    signature: model.features.map((f) => `${f.name}:${f.type}`).join('\u0000'),
  };
}

/** A number written the way JavaScript writes it back: "2", "-1", "0.5" (not "02", "2.0"). */
function isCanonicalNumber(text: string): boolean {
  const value = Number(text);
  return text !== '' && Number.isFinite(value) && String(value) === text;
}

/**
 * Whether every recorded category is a canonical number (and there is at least one): the rule
 * for accepting JSON numbers as categories, shared with the OpenAPI document.
 */
export function numberNamed(categories: readonly string[] | undefined): boolean {
  return categories !== undefined && categories.length > 0 && categories.every(isCanonicalNumber);
}

/**
 * The one rule for a JSON number sent for categorical feature `feature`: the category it names
 * (`String(value)`, so 2 is "2"), or undefined when numbers are not categories of this feature.
 */
export function acceptsNumber(
  compiled: CompiledFeatures,
  feature: number,
  value: number,
): string | undefined {
  return compiled.numberCategories[feature] === true && Number.isFinite(value)
    ? String(value)
    : undefined;
}

/** Compiles each model version once. */
export class FeatureCompiler {
  readonly #cache = new WeakMap<ServedModel, CompiledFeatures>();
  readonly #unseen: UnseenCategoryPolicy;

  constructor(unseen: UnseenCategoryPolicy) {
    this.#unseen = unseen;
  }

  get(model: ServedModel): CompiledFeatures {
    let compiled = this.#cache.get(model);
    if (compiled === undefined) {
      compiled = compileFeatures(model, this.#unseen);
      this.#cache.set(model, compiled);
    }
    return compiled;
  }
}
