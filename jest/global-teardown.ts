import { require as tsxRequire } from 'tsx/cjs/api';
import type * as Harness from './harness.js';

/** Stops what globalSetup started (see global-setup.ts for why tsx loads the harness). */
export default async function globalTeardown(): Promise<void> {
  const harness = tsxRequire('./harness.ts', __filename) as typeof Harness;
  await harness.tearDownMlflow();
}
