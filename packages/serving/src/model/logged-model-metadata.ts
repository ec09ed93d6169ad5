import type { MlflowClient } from 'mlflow-js-client';

/** What serving shows of a version's logged model: its id, its run and its params. */
export interface LoggedModelMetadata {
  modelId?: string;
  runId?: string;
  params: Record<string, string>;
}

/** The logged model's params (MLflow 3 keeps them on the logged model, not only the run). */
export async function loggedModelMetadata(
  client: MlflowClient,
  options: { modelId: string | undefined; runId: string | undefined },
): Promise<LoggedModelMetadata> {
  const params: Record<string, string> = {};
  let runId = options.runId === '' ? undefined : options.runId;
  if (options.modelId !== undefined) {
    const logged = await client.loggedModels.get(options.modelId);
    for (const p of logged.data.params) params[p.key] = p.value;
    runId ??= logged.info.source_run_id;
  }
  return {
    ...(options.modelId === undefined ? {} : { modelId: options.modelId }),
    ...(runId === undefined ? {} : { runId }),
    params,
  };
}
