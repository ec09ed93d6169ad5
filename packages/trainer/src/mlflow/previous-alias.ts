/**
 * `@previous`: every move of `@champion` (the gate's, an approval's) leaves `@previous` on the
 * version it replaced, so `champion rollback` knows where to go back to without reading history.
 */
import { isNotFound, type MlflowClient } from 'mlflow-js-client';
import { PREVIOUS_ALIAS } from '../registry/gate-tags.js';

/** The version `alias` points at, or undefined when the alias (or the model) does not exist. */
export async function aliasVersion(
  client: MlflowClient,
  ref: { readonly name: string; readonly alias: string },
): Promise<string | undefined> {
  try {
    return (await client.registry.aliases.getVersion(ref)).version;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** Points `@previous` at the version `@champion` replaced (nothing when there was none). */
export async function keepPrevious(
  client: MlflowClient,
  move: { readonly name: string; readonly replaced: string | undefined },
): Promise<void> {
  if (move.replaced === undefined || move.replaced === '') return;
  await client.registry.aliases.set({ name: move.name, alias: PREVIOUS_ALIAS }, move.replaced);
}
