/**
 * @champion/control — the control service: training and monitoring jobs over HTTP, run by an
 * executor (local child processes or Kubernetes Jobs), with durable job records.
 */
export { controlConfigFromEnv, controlEnvSchema, type ControlConfig } from './config.js';
export { startControl, type RunningControl } from './server.js';
export { createExecutor } from './executors/create-executor.js';
export type { Executor, JobExit, RunningJob, StartJobOptions } from './executors/executor.js';
export { LocalExecutor } from './executors/local.js';
export { KubernetesExecutor } from './executors/kubernetes/executor.js';
export { KubeApi } from './executors/kubernetes/api.js';
export {
  fillJobTemplate,
  loadJobTemplate,
  JOB_ID_LABEL,
} from './executors/kubernetes/job-template.js';
export { JobService, RESTARTED, STOPPED } from './jobs/job-service.js';
export { FileJobStore } from './jobs/file-store.js';
export type { JobStore } from './jobs/store.js';
export type { Job, JobStatus } from './jobs/job.js';
