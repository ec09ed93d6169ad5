/** `@champion/trainer/test-support`: fixtures for other packages' tests (never for sources). */
export {
  breakSchema,
  tempDir,
  writeFixtureModelDir,
  type FixtureOptions,
} from './model-fixtures.js';
export {
  integrationClient,
  impatientClient,
  uniqueName,
  trainChampion,
  registerDir,
  registerFixtureChampion,
  freePort,
  startTcpProxy,
  eventually,
} from './mlflow-fixtures.js';
