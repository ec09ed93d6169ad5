/**
 * Serving's wiring of the inference store: CHAMPION_INFERENCE_STORE and its limits from the
 * config, the process logger. The record format, writers and readers live in
 * @champion/inference-store; what a record holds is built in http/scoring.ts.
 */
import { openInferenceStore, type InferenceStore } from '@champion/inference-store';
import type { ServingConfig } from '../config.js';
import type { Logger } from '../http/logger.js';

export async function openServingStore(options: {
  config: ServingConfig;
  logger: Logger;
}): Promise<InferenceStore> {
  const { config, logger } = options;
  const store = await openInferenceStore({
    setting: config.inferenceStore,
    limits: config.inferenceLogLimits,
    flushIntervalMs: config.inferenceFlushMs,
    logger,
  });
  logger.info('inference store', {
    kind: store.kind,
    location: store.location,
    flushIntervalMs: config.inferenceFlushMs,
  });
  return store;
}
