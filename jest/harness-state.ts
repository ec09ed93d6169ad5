/** Which MLflow server the integration tests use (also exported as CHAMPION_TEST_BACKEND). */
export type TestBackend = 'env' | 'container' | 'local';

/** What globalSetup leaves for globalTeardown (both run in the same Jest parent process). */
export interface HarnessState {
  backend: TestBackend;
  stop: () => Promise<void>;
}

const KEY = '__championMlflowHarness';

type WithState = typeof globalThis & { [KEY]?: HarnessState };

/** Remembers what to stop in teardown. */
export function saveHarnessState(state: HarnessState): void {
  (globalThis as WithState)[KEY] = state;
}

/** Takes (and forgets) what setup started; undefined when setup started nothing. */
export function takeHarnessState(): HarnessState | undefined {
  const holder = globalThis as WithState;
  const state = holder[KEY];
  delete holder[KEY];
  return state;
}

/** Progress and decisions of the harness, on stderr so they show above Jest's output. */
export function say(message: string): void {
  process.stderr.write(`[champion tests] ${message}\n`);
}
