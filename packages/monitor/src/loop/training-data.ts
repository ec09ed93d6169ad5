/**
 * Finds the data `@champion` was trained on, from what its training run recorded: the `training`
 * dataset input (absolute source path and content digest) and the data params (target, positive
 * label, id and excluded columns, seed, sensitive columns and fairness rules). The file must still be there with the same content, or
 * the user names one with `--data`.
 */
import { access } from 'node:fs/promises';
import { fileDigest, readFairnessSettings, type FairnessSettings } from '@champion/trainer';
import { DATASET_CONTEXT_TAG, type MlflowClient, type Run } from 'mlflow-js-client';
import { z } from 'zod';
import { MonitorLoopError } from './errors.js';

/** The training data of a version and how to read it as the trainer did. */
export interface TrainingData {
  readonly path: string;
  readonly target: string;
  readonly positive: string;
  readonly idColumns: readonly string[];
  readonly exclude: readonly string[];
  /** Features the model takes as text. */
  readonly categorical: readonly string[];
  /** Every feature, in model input order. */
  readonly features: readonly string[];
  readonly seed: number;
  /** Its `--sensitive` columns and fairness gate rules: a retraining keeps them. */
  readonly fairness: FairnessSettings;
  /** The training run it was found on. */
  readonly runId: string;
}

const colspec = z.object({
  mlflow_colspec: z.array(z.object({ name: z.string(), type: z.string() })),
});

const list = (text: string | undefined): string[] =>
  text === undefined || text === '(none)' ? [] : text.split(',').filter((s) => s !== '');

function trainingInput(run: Run): {
  path: string;
  digest: string;
  columns: z.infer<typeof colspec>;
} {
  const input = run.inputs.dataset_inputs.find((d) =>
    d.tags.some((t) => t.key === DATASET_CONTEXT_TAG && t.value === 'training'),
  );
  if (input === undefined)
    throw new MonitorLoopError(
      'RETRAIN',
      `training run ${run.info.run_id} recorded no training dataset: pass --data FILE`,
    );
  const source = z.object({ uri: z.string() }).parse(JSON.parse(input.dataset.source));
  const columns = colspec.parse(JSON.parse(input.dataset.schema ?? '{}'));
  return { path: source.uri, digest: input.dataset.digest, columns };
}

async function checkFile(path: string, what: string): Promise<void> {
  try {
    await access(path);
  } catch {
    throw new MonitorLoopError(
      'RETRAIN',
      `${what} was ${path}, which is not readable here: pass --data FILE`,
    );
  }
}

/** The training data of `name` v`version`; `override` replaces the recorded file. */
export async function locateTrainingData(options: {
  client: MlflowClient;
  name: string;
  version: string;
  override?: string | undefined;
}): Promise<TrainingData> {
  const { client, name, version } = options;
  const registered = await client.registry.versions.get({ name, version });
  const runId =
    registered.run_id ?? registered.tags.find((t) => t.key === 'champion.run_id')?.value;
  if (runId === undefined || runId === '')
    throw new MonitorLoopError(
      'RETRAIN',
      `'${name}' v${version} names no training run: pass --data FILE`,
    );
  const run = await client.runs.get(runId);
  const params = new Map(run.data.params.map((p) => [p.key, p.value]));
  const recorded = trainingInput(run);
  const what = `the training data of '${name}' v${version} (run ${runId})`;
  const path = options.override ?? recorded.path;
  await checkFile(path, options.override === undefined ? what : 'the --data file');
  if (options.override === undefined) {
    const digest = (await fileDigest(path)).slice(0, recorded.digest.length);
    if (digest !== recorded.digest)
      throw new MonitorLoopError(
        'RETRAIN',
        `${what} was ${path}, which has changed since (digest ${digest}, recorded ${recorded.digest}): pass --data FILE to retrain on it anyway`,
      );
  }
  const target = params.get('target') ?? '';
  const features = recorded.columns.mlflow_colspec.filter((c) => c.name !== target);
  return {
    path,
    target,
    positive: params.get('positive_label') ?? '',
    idColumns: list(params.get('id_columns')),
    exclude: list(params.get('excluded')),
    categorical: features.filter((c) => c.type === 'string').map((c) => c.name),
    features: features.map((c) => c.name),
    seed: Number(params.get('seed') ?? '42'),
    fairness: readFairnessSettings(params, runId),
    runId,
  };
}
