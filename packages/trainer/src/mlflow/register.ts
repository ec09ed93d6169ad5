/**
 * Registration and promotion: the winner becomes a new version of the registered model, gets
 * `@challenger`, and the gate decides whether `@champion` moves to it. Both decisions are written
 * as tags on the version, so the registry shows who promoted what and on which figures.
 */
import type { MlflowClient } from 'mlflow-js-client';
import {
  decidePromotion,
  type GateConfig,
  type GateDecision,
  type GateInput,
} from '../gate/gate.js';
import { whoami } from './run-tags.js';

export interface RegisteredVersion {
  readonly name: string;
  readonly version: string;
}

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
  await client.registry.aliases.set({ name, alias: 'challenger' }, ready.version);
  return { name, version: ready.version };
}

/** Applies the gate, moves `@champion` when it passes, and tags the version either way. */
export async function applyGate(options: {
  client: MlflowClient;
  version: RegisteredVersion;
  input: GateInput;
  config: GateConfig;
  /** Who or what asked (e.g. "champion train"). */
  actor: string;
  /** Skip the gate's verdict (manual promotion with --force); the checks are still recorded. */
  force?: boolean;
}): Promise<GateDecision> {
  const { client, version } = options;
  const decision = decidePromotion(options.input, options.config);
  const promote = decision.promote || options.force === true;
  const tags: Record<string, string> = {
    'champion.gate.decision': promote ? (decision.promote ? 'promoted' : 'forced') : 'rejected',
    'champion.gate.reasons': decision.reasons.join('\n'),
    'champion.gate.by': `${options.actor} (${whoami()})`,
    'champion.gate.at': new Date().toISOString(),
    'champion.gate.primary_metric': options.config.primaryMetric,
    'champion.gate.margin': String(options.config.margin),
    'champion.gate.floors': JSON.stringify(options.config.floors),
  };
  for (const [key, value] of Object.entries(decision.figures)) tags[`champion.gate.${key}`] = value;
  for (const [key, value] of Object.entries(tags)) {
    await client.registry.versions.setTag(
      { name: version.name, version: version.version },
      { key, value },
    );
  }
  if (promote)
    await client.registry.aliases.set({ name: version.name, alias: 'champion' }, version.version);
  return { ...decision, promote };
}
