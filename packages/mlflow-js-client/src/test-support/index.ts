/**
 * Test support: a fake (hostile) MLflow server and canned routes, for tests of this package and of
 * its users (`import { FakeMlflow } from 'mlflow-js-client/test-support'`). Not for production.
 */
export { FakeMlflow } from './fake-mlflow.js';
export type { FakeReply, FakeRequest, FakeRoute } from './fake-mlflow.js';
export { FAKE_PATHS, serveArtifacts, serveModel } from './model-routes.js';
export type { FakeModelOptions } from './model-routes.js';
export { hugeJson, slowJson, truncatedBody } from './replies.js';
export { snapshotTree } from './tree-snapshot.js';
export type { TreeSnapshot } from './tree-snapshot.js';
