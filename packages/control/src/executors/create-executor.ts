/** The executor CHAMPION_CONTROL_EXECUTOR names, built from the config. */
import type { Logger } from 'mlflow-js-client';
import type { ControlConfig } from '../config.js';
import type { Executor } from './executor.js';
import { KubeApi } from './kubernetes/api.js';
import { KubernetesExecutor } from './kubernetes/executor.js';
import { inClusterAccess } from './kubernetes/in-cluster.js';
import { loadJobTemplate } from './kubernetes/job-template.js';
import { LocalExecutor } from './local.js';

export async function createExecutor(options: {
  config: ControlConfig;
  env: NodeJS.ProcessEnv;
  /** How to run `champion` (local executor). */
  command: readonly string[];
  logger: Logger;
}): Promise<{ executor: Executor; close(): Promise<void> }> {
  const { config, env, logger } = options;
  if (config.executor === 'local') {
    const executor = new LocalExecutor({
      command: options.command,
      env,
      killGraceMs: config.killGraceMs,
      logger,
    });
    return { executor, close: () => Promise.resolve() };
  }
  const access = await inClusterAccess({ env });
  const api = new KubeApi(access);
  const executor = new KubernetesExecutor({
    api,
    namespace: config.kubernetes.namespace ?? access.namespace,
    template: await loadJobTemplate(config.kubernetes.jobTemplate),
    dataDir: config.dataDir,
    podDataPath: config.kubernetes.dataPath,
    pollMs: config.kubernetes.pollMs,
    logger,
  });
  return { executor, close: () => api.close() };
}
