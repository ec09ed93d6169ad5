/**
 * The promotion invariants, read from the registry alone, for the race and kill tests:
 * - every version tagged `promoted`/`forced` is on the chain of replacements that ends at the
 *   current `@champion` (each promotion names, in `champion.gate.replaces`, what `@champion`
 *   pointed at right before its move), so it was `@champion` at some point;
 * - each link of that chain won its comparison against the version it replaced;
 * - no version is left `pending`.
 */
import { isNotFound, type MlflowClient, type ModelVersion } from 'mlflow-js-client';

export function tagsOf(version: ModelVersion): Map<string, string> {
  return new Map(version.tags.map((t) => [t.key, t.value]));
}

export async function versionsOf(client: MlflowClient, name: string): Promise<ModelVersion[]> {
  const all = await client.registry.versions.searchAll({ filter: `name = '${name}'` });
  // Version search answers without aliases: they come from the registered model.
  const aliases = (await client.registry.models.get(name)).aliases;
  return all
    .map((v) => ({
      ...v,
      aliases: aliases.filter((a) => a.version === v.version).map((a) => a.alias),
    }))
    .sort((a, b) => Number(a.version) - Number(b.version));
}

export async function aliasOf(
  client: MlflowClient,
  name: string,
  alias: string,
): Promise<string | undefined> {
  try {
    return (await client.registry.aliases.getVersion({ name, alias })).version;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** The problems with the registry's promotion record of `name` (empty when it holds). */
export async function promotionProblems(client: MlflowClient, name: string): Promise<string[]> {
  const versions = await versionsOf(client, name);
  const byVersion = new Map(versions.map((v) => [v.version, tagsOf(v)]));
  const problems: string[] = [];
  const promoted = new Set(
    versions
      .filter((v) => ['promoted', 'forced'].includes(tagsOf(v).get('champion.gate.decision') ?? ''))
      .map((v) => v.version),
  );
  for (const v of versions) {
    if (tagsOf(v).get('champion.gate.decision') === 'pending')
      problems.push(`v${v.version} is still pending`);
  }
  const chain: string[] = [];
  let current = await aliasOf(client, name, 'champion');
  while (current !== undefined && current !== '') {
    if (chain.includes(current)) {
      problems.push(`the replacement chain loops at v${current}`);
      break;
    }
    chain.push(current);
    const tags = byVersion.get(current);
    const decision = tags?.get('champion.gate.decision');
    if (decision !== 'promoted')
      problems.push(`@champion chain: v${current} is ${decision ?? 'undecided'}`);
    const replaced = tags?.get('champion.gate.replaces');
    const compared = tags?.get('champion.gate.champion_version');
    if ((replaced ?? '') !== (compared ?? ''))
      problems.push(
        `v${current} replaced v${replaced ?? '?'} but was compared with v${compared ?? '(none)'}`,
      );
    if (
      compared !== undefined &&
      !/(^|\n)ok comparison:/.test(tags?.get('champion.gate.reasons') ?? '')
    )
      problems.push(`v${current} did not pass its comparison`);
    current = replaced;
  }
  for (const v of promoted) {
    if (!chain.includes(v))
      problems.push(
        `v${v} is tagged promoted but is not on the @champion chain ${chain.join('<-')}`,
      );
  }
  return problems;
}
