import { apiUrl } from '../context.js';
import type { ApiContext } from '../context.js';
import { toPairs } from '../schema-util.js';
import { emptySchema } from './schemas.js';
import type { Dataset } from './schemas.js';

/** Input tag MLflow uses for a dataset's role ("training", "validation", "test"...). */
export const DATASET_CONTEXT_TAG = 'mlflow.data.context';

/** One dataset consumed by a run. */
export interface DatasetInputSpec {
  dataset: Dataset;
  /** Shortcut for the `mlflow.data.context` input tag. */
  context?: string;
  tags?: Readonly<Record<string, string>>;
}

/** Options of {@link logInputs}. */
export interface LogInputsOptions {
  runId: string;
  datasets: readonly DatasetInputSpec[];
  /** Logged models consumed by the run. */
  modelIds?: readonly string[];
}

/** Records datasets (and model inputs) of a run (`runs/log-inputs`). Idempotent on the server. */
export async function logInputs(ctx: ApiContext, options: LogInputsOptions): Promise<void> {
  await ctx.transport.json({
    method: 'POST',
    url: apiUrl(ctx, 'runs/log-inputs'),
    body: {
      run_id: options.runId,
      datasets: options.datasets.map((spec) => ({
        dataset: spec.dataset,
        tags: toPairs({
          ...spec.tags,
          ...(spec.context === undefined ? {} : { [DATASET_CONTEXT_TAG]: spec.context }),
        }),
      })),
      ...(options.modelIds === undefined
        ? {}
        : { models: options.modelIds.map((modelId) => ({ model_id: modelId })) }),
    },
    schema: emptySchema,
  });
}
