/**
 * Where `champion monitor run` gets its ports: the inference store reader (@champion/inference-store,
 * `CHAMPION_INFERENCE_STORE`), drift against the model's stored reference (monitor/drift) and
 * performance from labels (monitor/performance). Built in this one function so the command and
 * the CronJob wire them the same way.
 *
 * NOT WIRED YET: the store reader and drift are built on other branches of issue 14; until they
 * are merged here this refuses clearly instead of pretending to monitor. The performance port is
 * `performanceReport` (monitor/performance) over the window's served rows, mapped with
 * `performanceResult` (performance-result.ts); the policy's `performance.minLabels` is the
 * natural `minLabels` to give it.
 */
import type { MlflowClient } from 'mlflow-js-client';
import { MonitorLoopError } from './errors.js';
import type { LoopPorts } from './ports.js';

export interface LoopPortOptions {
  /** The registered model watched. */
  readonly name: string;
  /** Environment (CHAMPION_INFERENCE_STORE, ...). */
  readonly env: NodeJS.ProcessEnv;
  /** The tracking server of this turn (e.g. to download the model's drift reference). */
  readonly client: MlflowClient;
}

export function createLoopPorts(options: LoopPortOptions): LoopPorts {
  throw new MonitorLoopError(
    'CONFIG',
    `champion monitor run cannot read the inference store of '${options.name}' yet: the store reader, drift and performance modules are not wired into createLoopPorts (packages/monitor/src/loop/create-ports.ts)`,
  );
}
