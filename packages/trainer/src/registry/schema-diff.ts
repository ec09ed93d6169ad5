/**
 * What changed between the schema a registered model was trained on and a new training's schema:
 * the one rule `champion train` uses to refuse (or, with `--allow-schema-change`, report) a
 * different schema trained into an existing name.
 */

/** The parts of champion/schema.json (or of a new training's schema) compared. */
export interface ComparedSchema {
  readonly features: readonly { readonly name: string; readonly type: string }[];
  readonly target: { readonly name: string };
}

/** Names shown per kind of change; a whole other data set would otherwise fill the terminal. */
const SHOWN = 12;

function list(items: readonly string[]): string {
  const shown = items.slice(0, SHOWN).join(', ');
  return items.length > SHOWN ? `${shown} and ${items.length - SHOWN} more` : shown;
}

/**
 * One sentence per kind of change, empty when the schemas agree: columns added, removed,
 * retyped (numeric ↔ categorical) and a different target. Feature order is not a change (serving
 * and the ONNX inputs go by name).
 */
export function schemaDifferences(before: ComparedSchema, after: ComparedSchema): string[] {
  const old = new Map(before.features.map((f) => [f.name, f.type]));
  const now = new Map(after.features.map((f) => [f.name, f.type]));
  const added = [...now.keys()].filter((n) => !old.has(n)).map((n) => `'${n}'`);
  const removed = [...old.keys()].filter((n) => !now.has(n)).map((n) => `'${n}'`);
  const retyped = [...now]
    .filter(([n, type]) => old.has(n) && old.get(n) !== type)
    .map(([n, type]) => `'${n}' ${old.get(n) ?? '?'} → ${type}`);
  const out: string[] = [];
  if (before.target.name !== after.target.name)
    out.push(`target changed: '${before.target.name}' → '${after.target.name}'`);
  if (added.length > 0) out.push(`columns added (${added.length}): ${list(added)}`);
  if (removed.length > 0) out.push(`columns removed (${removed.length}): ${list(removed)}`);
  if (retyped.length > 0) out.push(`columns retyped (${retyped.length}): ${list(retyped)}`);
  return out;
}
