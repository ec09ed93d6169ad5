/**
 * The README's table of control settings names every variable the control service reads, with
 * the default the code applies, and no variable it does not know.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { controlEnvSchema } from './config.js';

const README = path.join(__dirname, '..', '..', '..', 'README.md');

/** Name → default of the rows of the table after "Control settings (environment". */
function readmeRows(): Map<string, string> {
  const text = readFileSync(README, 'utf8');
  const start = text.indexOf('Control settings (environment');
  if (start < 0) throw new Error('README.md has no "Control settings (environment" table');
  const table = text.slice(start).split('\n\n')[1] ?? '';
  const rows = table.split('\n').map((line) => line.split('|').map((c) => c.trim()));
  return new Map(
    rows.flatMap((cells) => {
      const name = /^`([A-Z0-9_]+)`$/.exec(cells[1] ?? '')?.[1];
      return name === undefined ? [] : [[name, (cells[2] ?? '').replace(/`/g, '')] as const];
    }),
  );
}

it('documents every setting with the default the code applies', () => {
  const defaults = controlEnvSchema.parse({}) as Record<string, string | number | undefined>;
  const expected = new Map(
    Object.keys(controlEnvSchema.shape).map((name) => [
      name,
      defaults[name] === undefined ? '' : String(defaults[name]),
    ]),
  );
  expect(readmeRows()).toEqual(expected);
});
