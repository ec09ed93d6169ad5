import type { ServingConfig } from '../config.js';
import type { Logger } from './logger.js';
import type { ServingMetrics } from './metrics.js';
import type { ScoringDeps } from './scoring.js';
import type { ServingState } from './state.js';

/** Everything route handlers need, built once by createApp. */
export interface AppContext extends ScoringDeps {
  readonly config: ServingConfig;
  readonly state: ServingState;
  readonly metrics: ServingMetrics;
  readonly logger: Logger;
}
