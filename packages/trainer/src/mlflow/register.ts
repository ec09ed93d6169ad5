/**
 * Registration: the winner becomes a new version of the registered model. `@challenger` is set
 * only after the version's run has FINISHED (its gate decision written), so the alias never
 * points at a version whose training was killed half-way; the gate (promotion.ts) decides about
 * `@champion`.
 */
import type { MlflowClient } from 'mlflow-js-client';
import type { RegisteredVersion } from './promotion.js';

export type { RegisteredVersion } from './promotion.js';

/** Creates the version (and the registered model if needed) and waits until it is READY. */
export async function registerVersion(options: {
  client: MlflowClient;
  name: string;
  modelId: string;
  runId: string;
  description: string;
  tags: Readonly<Record<string, string>>;
}): Promise<RegisteredVersion> {
  const { client, name } = options;
  await client.registry.models.getOrCreate({
    name,
    description: 'Binary classifier trained and promoted by champion.',
  });
  const created = await client.registry.versions.create({
    name,
    source: `models:/${options.modelId}`,
    modelId: options.modelId,
    runId: options.runId,
    description: options.description,
    tags: options.tags,
  });
  const ready = await client.registry.versions.waitUntilReady({ name, version: created.version });
  return { name, version: ready.version };
}

/** Points `@challenger` at a version whose run has finished. */
export async function markChallenger(
  client: MlflowClient,
  version: RegisteredVersion,
): Promise<void> {
  await client.registry.aliases.set({ name: version.name, alias: 'challenger' }, version.version);
}
