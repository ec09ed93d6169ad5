/**
 * Reading the optional files of the served model's folder for the UI (profile, fairness report,
 * plots). They come from MLflow, so each is size-bounded and zod-checked; a missing or malformed
 * file is "absent, and why" for the page to say, never an error page.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ServedModel } from '@champion/runtime';
import { z } from 'zod';
import type { Logger } from '../http/logger.js';

/** Largest model-folder file the UI reads (a profile or report is kilobytes). */
export const MAX_UI_FILE_BYTES = 4 * 1024 * 1024;

export type Read<T> =
  | { readonly ok: true; readonly value: T }
  /** `absent`: the model has no such file (normal); else it is there but unusable. */
  | { readonly ok: false; readonly why: string; readonly absent: boolean };

/** Logs a file that is there but unusable (a missing one is normal, and not logged). */
export function logUnusable<T>(logger: Logger, read: Read<T>): Read<T> {
  if (!read.ok && !read.absent) logger.warn('ui: a model file is unusable', { problem: read.why });
  return read;
}

/** Reads `relative` (a constant path of the model folder) as JSON checked by `schema`. */
export async function readModelJson<T>(
  model: ServedModel,
  relative: string,
  schema: z.ZodType<T>,
): Promise<Read<T>> {
  const path = join(model.dir, relative);
  try {
    const size = (await stat(path)).size;
    if (size > MAX_UI_FILE_BYTES)
      return {
        ok: false,
        why: `${relative} is ${size} bytes, more than the UI reads`,
        absent: false,
      };
    const parsed = schema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    if (!parsed.success)
      return {
        ok: false,
        why: `${relative} is not as expected: ${parsed.error.issues[0]?.message ?? ''}`,
        absent: false,
      };
    return { ok: true, value: parsed.data };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return {
      ok: false,
      why: code === 'ENOENT' ? `the model has no ${relative}` : `${relative} could not be read`,
      absent: code === 'ENOENT',
    };
  }
}

const numericProfile = z
  .object({
    name: z.string(),
    type: z.literal('numeric'),
    quantiles: z.object({ p50: z.number() }).loose(),
  })
  .loose();

/** The profile facts the form shows: each numeric feature's training median. */
export const profileMedians = z
  .object({ features: z.array(z.unknown()).max(100_000) })
  .loose()
  .transform((p) => {
    const medians = new Map<string, number>();
    for (const f of p.features) {
      const parsed = numericProfile.safeParse(f);
      if (parsed.success) medians.set(parsed.data.name, parsed.data.quantiles.p50);
    }
    return medians;
  });

/** The evaluation plots the trainer writes under plots/ (names only ever from this list). */
export const PLOT_FILES = [
  { file: 'roc.svg', title: 'ROC curve (test split)' },
  { file: 'pr.svg', title: 'Precision–recall curve (test split)' },
  { file: 'calibration.svg', title: 'Calibration (test split)' },
  { file: 'confusion_matrix.svg', title: 'Confusion matrix at the threshold' },
  { file: 'feature_importance.svg', title: 'Feature importance' },
] as const;

/** Which of {@link PLOT_FILES} the model folder has. */
export async function plotsOf(model: ServedModel): Promise<(typeof PLOT_FILES)[number][]> {
  let names: string[];
  try {
    names = await readdir(join(model.dir, 'plots'));
  } catch {
    return [];
  }
  return PLOT_FILES.filter((p) => names.includes(p.file));
}
