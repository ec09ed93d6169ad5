/** `@champion/control/test-support`: fixtures for tests (never for sources). */
export { startFakeKubeApi, type FakeJob, type FakeKubeApi } from './fake-kube-api.js';
