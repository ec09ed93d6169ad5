import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MlflowClient } from 'mlflow-js-client';
import type { TrainedCandidate } from './train.js';

/** Plots and metrics of every published model, as run artifacts the MLflow UI shows. */
export async function uploadEvaluation(options: {
  client: MlflowClient;
  artifactUri: string;
  models: readonly TrainedCandidate[];
}): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'champion-eval-'));
  try {
    for (const m of options.models) {
      await mkdir(join(dir, m.learner), { recursive: true });
      await writeFile(
        join(dir, m.learner, 'metrics.json'),
        `${JSON.stringify(m.evaluated.metrics, null, 2)}\n`,
      );
      for (const [name, svg] of Object.entries(m.evaluated.plots))
        await writeFile(join(dir, m.learner, name), svg);
    }
    await options.client.artifacts.uploadDirectory({
      artifactUri: options.artifactUri,
      localDir: dir,
      artifactPath: 'evaluation',
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
