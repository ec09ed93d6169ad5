/**
 * The one rule for a synthetic input example: a record built from a reference profile (each
 * numeric feature at its training median, each categorical one at its most frequent category),
 * so a model's published example is a valid request that is no row of the training data. The
 * trainer writes it as input_example.json; serving builds the same record for /model/example.
 */

/** What the rule reads of a profile (tabular's `Profile` has it; serving validates it from JSON). */
export interface ExampleProfile {
  readonly features: readonly (
    | {
        readonly name: string;
        readonly type: 'numeric';
        readonly quantiles: { readonly p50: number };
      }
    | {
        readonly name: string;
        readonly type: 'categorical';
        readonly frequencies: Readonly<Record<string, number>>;
      }
  )[];
}

/** A feature of the example, in the model's input order. */
export interface ExampleFeature {
  readonly name: string;
  readonly type: 'numeric' | 'categorical';
}

function mostFrequent(frequencies: Readonly<Record<string, number>>): string | undefined {
  let best: string | undefined;
  let share = -Infinity;
  // Ties go to the first category in sorted order, so the example is deterministic.
  for (const category of Object.keys(frequencies).sort()) {
    const value = frequencies[category] ?? 0;
    if (value > share) {
      best = category;
      share = value;
    }
  }
  return best;
}

/**
 * One record: numeric → median (null when the profile has none), categorical → most frequent
 * category ('' when none, as a missing category is sent).
 */
export function syntheticExample(options: {
  readonly profile: ExampleProfile;
  readonly features: readonly ExampleFeature[];
}): Record<string, number | string | null> {
  const byName = new Map(options.profile.features.map((f) => [f.name, f]));
  const record: Record<string, number | string | null> = {};
  for (const feature of options.features) {
    const profile = byName.get(feature.name);
    if (feature.type === 'numeric') {
      const median = profile?.type === 'numeric' ? profile.quantiles.p50 : NaN;
      record[feature.name] = Number.isFinite(median) ? median : null;
    } else {
      const mode = profile?.type === 'categorical' ? mostFrequent(profile.frequencies) : undefined;
      record[feature.name] = mode ?? '';
    }
  }
  return record;
}
