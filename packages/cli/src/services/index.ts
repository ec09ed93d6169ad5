import type { MlflowServer } from '@champion/mlflow-server';
import type { Logger } from '../logger.js';
import { mlflowUp, type MlflowUpOptions } from './mlflow-up.js';

/** What commands call to do the work; tests replace them to check the wiring alone. */
export interface Services {
  mlflowUp(options: MlflowUpOptions, logger: Logger): Promise<MlflowServer>;
}

/** The real implementations. */
export const defaultServices: Services = { mlflowUp };

export type { MlflowUpOptions };
