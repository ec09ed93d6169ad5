/**
 * What the model card reads from MLflow about the served version: its registry record (tags,
 * aliases, description), every version of the model (the promotion history), and its training
 * run with the parent run (params, the training dataset and its digest). MLflow may be down:
 * the card then says so and shows what the model folder holds.
 */
import type { ServedModel } from '@champion/runtime';
import type { MlflowClient, ModelVersion, Run } from 'mlflow-js-client';
import type { Logger } from '../http/logger.js';

/** At most this many versions are listed in the promotion history. */
export const MAX_HISTORY = 100;

export interface TrainingDataset {
  readonly name: string;
  readonly digest: string;
  readonly source: string;
  readonly context: string;
}

export interface CardRecord {
  readonly version?: ModelVersion;
  readonly description?: string;
  readonly history: readonly ModelVersion[];
  /** The registered model's aliases by version (a version search does not return them). */
  readonly aliases: ReadonlyMap<string, readonly string[]>;
  /** Params of the training run, the parent's first (data sizes, threshold objective). */
  readonly params: Readonly<Record<string, string>>;
  readonly datasets: readonly TrainingDataset[];
  /** A link to the training run in the MLflow UI. */
  readonly runLink?: string;
  /** Why some of the above is missing (MLflow unreachable, no run recorded). */
  readonly problems: readonly string[];
}

const PARENT_TAG = 'mlflow.parentRunId';

function datasetsOf(run: Run): TrainingDataset[] {
  return run.inputs.dataset_inputs.map((d) => ({
    name: d.dataset.name,
    digest: d.dataset.digest,
    source: d.dataset.source,
    context: d.tags.find((t) => t.key === 'mlflow.data.context')?.value ?? '',
  }));
}

async function runsOf(client: MlflowClient, runId: string): Promise<Run[]> {
  const run = await client.runs.get(runId);
  const parentId = run.data.tags.find((t) => t.key === PARENT_TAG)?.value;
  if (parentId === undefined || parentId === '') return [run];
  return [await client.runs.get(parentId), run];
}

function quoted(name: string): string {
  return `'${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Reads the card's MLflow facts; each failure is named in `problems`, never thrown. */
export async function readCardRecord(options: {
  readonly client: MlflowClient | undefined;
  readonly model: ServedModel;
  readonly logger: Logger;
}): Promise<CardRecord> {
  const { client, model, logger } = options;
  if (client === undefined)
    return {
      history: [],
      aliases: new Map(),
      params: {},
      datasets: [],
      problems: ['no MLflow client in this process'],
    };
  const problems: string[] = [];
  const attempt = async <T>(what: string, work: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await work();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.warn('model card: MLflow read failed', { what, error: message });
      problems.push(`${what}: ${message}`);
      return undefined;
    }
  };
  const ref = { name: model.name, version: model.version };
  const [version, registered, page] = await Promise.all([
    attempt('the registered version', () => client.registry.versions.get(ref)),
    attempt('the registered model', () => client.registry.models.get(model.name)),
    attempt('the version history', () =>
      client.registry.versions.searchPage({
        filter: `name = ${quoted(model.name)}`,
        maxResults: MAX_HISTORY,
      }),
    ),
  ]);
  const runs =
    model.runId === undefined
      ? (problems.push('the model names no training run'), [])
      : ((await attempt('the training run', () => runsOf(client, model.runId as string))) ?? []);
  const params: Record<string, string> = {};
  for (const r of runs) for (const p of r.data.params) params[p.key] ??= p.value;
  const history = [...(page?.items ?? [])].sort((a, b) => Number(b.version) - Number(a.version));
  const trained = runs[0];
  const description = version?.description || registered?.description || undefined;
  const aliases = new Map<string, string[]>();
  for (const a of registered?.aliases ?? [])
    aliases.set(a.version, [...(aliases.get(a.version) ?? []), `@${a.alias}`]);
  return {
    ...(version === undefined ? {} : { version }),
    ...(description === undefined ? {} : { description }),
    history,
    aliases,
    params,
    datasets: runs.flatMap(datasetsOf),
    ...(trained === undefined
      ? {}
      : {
          runLink: `${client.trackingUri.replace(/\/$/, '')}/#/experiments/${trained.info.experiment_id}/runs/${trained.info.run_id}`,
        }),
    problems,
  };
}
