import { require as tsxRequire } from 'tsx/cjs/api';
import type * as Harness from './harness.js';

/**
 * Jest transforms globalSetup but resolves its imports with plain Node, which maps neither the
 * `.js` suffixes of NodeNext imports to `.ts` files nor the `@champion/source` condition; tsx's
 * scoped require does, so the harness and the packages it uses load from their sources.
 */
export default async function globalSetup(): Promise<void> {
  const harness = tsxRequire('./harness.ts', __filename) as typeof Harness;
  await harness.setUpMlflow();
}
