/**
 * The schema an existing registered model was trained on: champion/schema.json of its
 * `@champion`, or of its latest version when no version is champion. Read before any run exists,
 * so a training into the wrong name costs nothing.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isNotFound, type MlflowClient } from 'mlflow-js-client';
import { z } from 'zod';
import type { ComparedSchema } from '../registry/schema-diff.js';

/** Largest schema.json read: a few thousand features with their categories. */
const MAX_SCHEMA_BYTES = 16 * 1024 * 1024;

const schemaFile = z
  .object({
    features: z.array(
      z.object({ name: z.string().min(1), type: z.enum(['numeric', 'categorical']) }).loose(),
    ),
    target: z.object({ name: z.string() }).loose(),
  })
  .loose();

/** The version compared with, and how it was chosen. */
export interface RegisteredSchema {
  readonly version: string;
  /** `@champion`, or `latest` when no version holds the alias. */
  readonly via: '@champion' | 'latest';
  readonly schema: ComparedSchema;
}

/**
 * The version to compare with. Read from the registered model (its alias list and latest
 * versions), not from the alias endpoint: the gate's read of `@champion` stays its first.
 */
async function referenceVersion(
  client: MlflowClient,
  name: string,
): Promise<Pick<RegisteredSchema, 'version' | 'via'> | undefined> {
  let model;
  try {
    model = await client.registry.models.get(name);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
  const champion = model.aliases.find((a) => a.alias === 'champion');
  if (champion !== undefined) return { version: champion.version, via: '@champion' };
  const latest = model.latest_versions
    .filter((v) => v.status === 'READY')
    .sort((a, b) => Number(b.version) - Number(a.version))[0];
  return latest === undefined ? undefined : { version: latest.version, via: 'latest' };
}

/**
 * Undefined when the name has no version yet. Throws when the version's schema cannot be read
 * or is not a champion schema (the message names the version and the file).
 */
export async function registeredSchema(
  client: MlflowClient,
  name: string,
): Promise<RegisteredSchema | undefined> {
  const ref = await referenceVersion(client, name);
  if (ref === undefined) return undefined;
  const where = `champion/schema.json of ${name} v${ref.version} (${ref.via})`;
  const dir = await mkdtemp(join(tmpdir(), 'champion-schema-'));
  try {
    const artifactUri = await client.registry.versions.getDownloadUri({
      name,
      version: ref.version,
    });
    const file = await client.artifacts.download({
      artifactUri,
      path: 'champion/schema.json',
      destDir: dir,
    });
    const text = await readFile(file, 'utf8');
    if (text.length > MAX_SCHEMA_BYTES) throw new Error(`${where} is larger than 16 MB`);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(`${where} is not JSON`);
    }
    const parsed = schemaFile.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(
        `${where} is not a champion schema: '${issue?.path.join('.') ?? ''}' ${issue?.message ?? ''}`,
      );
    }
    return { ...ref, schema: parsed.data };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
