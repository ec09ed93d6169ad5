/**
 * Whether `champion serve` would get past its configuration with a given environment, asked of
 * the serving package's real `loadServingConfig` (the check that runs at start-up) in a child
 * process. The child runs inside packages/cli, where `@champion/serving` resolves to its source;
 * this package does not depend on serving, so the tests of the container files ask it this way.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { findRepoRoot } from '../src/index.js';

/** What start-up made of one environment: accepted, or refused with the message a user sees. */
export type StartOutcome = { started: true } | { started: false; message: string };

const LOAD_ONLY = `
import { loadServingConfig } from '@champion/serving';
const outcomes = [];
for (const env of JSON.parse(process.env.CHAMPION_TEST_ENVS)) {
  try {
    loadServingConfig(env);
    outcomes.push({ started: true });
  } catch (error) {
    outcomes.push({ started: false, message: String(error?.message ?? error) });
  }
}
process.stdout.write(JSON.stringify(outcomes));
`;

/** One outcome per environment, in order; the environments are passed whole (nothing inherited). */
export function servingStartOutcomes(
  environments: readonly Readonly<Record<string, string>>[],
): StartOutcome[] {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--conditions=@champion/source', '--input-type=module', '-e', LOAD_ONLY],
    {
      cwd: path.join(findRepoRoot(), 'packages/cli'),
      encoding: 'utf8',
      timeout: 60_000,
      env: { PATH: process.env['PATH'] ?? '', CHAMPION_TEST_ENVS: JSON.stringify(environments) },
    },
  );
  if (result.status !== 0) throw new Error(`the serving config child failed:\n${result.stderr}`);
  return JSON.parse(result.stdout) as StartOutcome[];
}
