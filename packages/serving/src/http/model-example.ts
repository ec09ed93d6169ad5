/**
 * What GET /model/example serves. By default a synthetic record (tabular's `syntheticExample`:
 * medians, most frequent categories) built from the model's champion/profile.json, because a
 * model's input_example.json may hold real training rows: models trained before champion wrote
 * synthetic examples, or with `--example-rows real`. The stored example is served only when the
 * model's MLmodel says it is synthetic (metadata `input_example: synthetic`) or the operator
 * opts in (CHAMPION_MODEL_EXAMPLE=stored).
 *
 * The files come from MLflow, so they are validated; a missing or malformed profile falls back
 * to the schema's facts (mid-range numbers, the first category), never to the stored rows.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { syntheticExample, type ExampleProfile } from '@champion/tabular';
import { readMLmodel } from 'mlflow-js-client';
import { z } from 'zod';
import type { ServedModel } from '@champion/runtime';

const featureProfileSchema = z.discriminatedUnion('type', [
  z.object({
    name: z.string(),
    type: z.literal('numeric'),
    quantiles: z.object({ p50: z.number() }).loose(),
  }),
  z.object({
    name: z.string(),
    type: z.literal('categorical'),
    frequencies: z.record(z.string(), z.number()),
  }),
]);

/** What is known about a model's example files (read once per loaded model). */
interface ExampleFacts {
  readonly storedIsSynthetic: boolean;
  readonly profile: ExampleProfile;
}

const facts = new WeakMap<ServedModel, Promise<ExampleFacts>>();

/** A profile from the schema's facts alone, for models without a usable profile.json. */
function schemaProfile(model: ServedModel): ExampleProfile {
  return {
    features: model.features.map((f) =>
      f.type === 'numeric'
        ? {
            name: f.name,
            type: 'numeric',
            quantiles: { p50: ((f.min ?? NaN) + (f.max ?? NaN)) / 2 },
          }
        : {
            name: f.name,
            type: 'categorical',
            frequencies: f.categories?.[0] === undefined ? {} : { [f.categories[0]]: 1 },
          },
    ),
  };
}

async function readProfile(model: ServedModel): Promise<ExampleProfile> {
  const fallback = schemaProfile(model);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(join(model.dir, 'champion', 'profile.json'), 'utf8'));
  } catch {
    return fallback;
  }
  const list = z.object({ features: z.array(z.unknown()) }).safeParse(raw);
  if (!list.success) return fallback;
  const profiled = list.data.features.flatMap((f) => {
    const parsed = featureProfileSchema.safeParse(f);
    return parsed.success ? [parsed.data] : [];
  });
  const known = new Set(profiled.map((f) => f.name));
  // Features the profile lacks get the schema's facts.
  return { features: [...profiled, ...fallback.features.filter((f) => !known.has(f.name))] };
}

async function storedIsSynthetic(model: ServedModel): Promise<boolean> {
  try {
    const mlmodel = await readMLmodel(join(model.dir, 'MLmodel'));
    return mlmodel.metadata?.['input_example'] === 'synthetic';
  } catch {
    return false;
  }
}

function factsOf(model: ServedModel): Promise<ExampleFacts> {
  let known = facts.get(model);
  if (known === undefined) {
    known = Promise.all([storedIsSynthetic(model), readProfile(model)]).then(
      ([synthetic, profile]) => ({ storedIsSynthetic: synthetic, profile }),
    );
    facts.set(model, known);
  }
  return known;
}

/**
 * A valid /predict body from the model's stored input example (pandas split orient): one record
 * per example row, every feature present (null where the example has no value).
 */
export function storedExampleRecords(model: ServedModel): Record<string, unknown>[] {
  const { columns, data } = model.inputExample;
  return data.map((row) => {
    const record: Record<string, unknown> = {};
    for (const f of model.features) {
      const at = columns.indexOf(f.name);
      const value = at >= 0 ? row[at] : null;
      const missing =
        value === undefined ||
        value === null ||
        (typeof value === 'number' && !Number.isFinite(value));
      record[f.name] = missing
        ? null
        : f.type === 'categorical' && typeof value !== 'string'
          ? JSON.stringify(value)
          : value;
    }
    return record;
  });
}

/** The records GET /model/example answers with (see the module header for which ones). */
export async function exampleRecords(
  model: ServedModel,
  source: 'synthetic' | 'stored',
): Promise<Record<string, unknown>[]> {
  if (source === 'stored') return storedExampleRecords(model);
  const { storedIsSynthetic: synthetic, profile } = await factsOf(model);
  if (synthetic && model.inputExample.data.length > 0) return storedExampleRecords(model);
  return [syntheticExample({ profile, features: model.features })];
}
