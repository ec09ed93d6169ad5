/**
 * The README's table of serving settings is documentation users copy from: every variable the
 * code reads is in it, with the default the code applies, and it names no variable the code
 * does not know.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { servingEnvSchema } from './config.js';

const README = join(__dirname, '..', '..', '..', 'README.md');

/** `| \`NAME\` | \`default\` | meaning |` rows of the table that follows "Settings (environment". */
function readmeSettings(): Map<string, string> {
  const text = readFileSync(README, 'utf8');
  const start = text.indexOf('Settings (environment');
  if (start < 0) throw new Error('README.md has no "Settings (environment" table');
  const rows = new Map<string, string>();
  for (const line of text.slice(start).split('\n').slice(1)) {
    if (line.trim() === '') {
      if (rows.size > 0) break;
      continue;
    }
    const cells = line.split('|').map((c) => c.trim());
    const name = /^`([A-Z_]+)`$/.exec(cells[1] ?? '')?.[1];
    if (name !== undefined) rows.set(name, (cells[2] ?? '').replace(/`/g, ''));
  }
  return rows;
}

/** The default the code applies, as the README writes it ('' when there is none). */
function codeDefaults(): Map<string, string> {
  const parsed = servingEnvSchema.parse({});
  const defaults = new Map<string, string>();
  for (const name of Object.keys(servingEnvSchema.shape)) {
    const value = (parsed as Record<string, string | number | boolean | undefined>)[name];
    defaults.set(
      name,
      value === undefined ? '' : typeof value === 'boolean' ? (value ? '1' : '0') : String(value),
    );
  }
  return defaults;
}

describe("the README's serving settings", () => {
  const documented = readmeSettings();
  const code = codeDefaults();

  it('lists every variable the serving config reads', () => {
    const missing = [...code.keys()].filter(
      (name) => name !== 'MLFLOW_TRACKING_URI' && !documented.has(name),
    );
    expect(missing).toEqual([]);
  });

  it('names no variable the serving config does not read', () => {
    expect([...documented.keys()].filter((name) => !code.has(name))).toEqual([]);
  });

  it('gives each variable the default the code applies', () => {
    const wrong = [...documented].filter(([name, value]) => code.get(name) !== value);
    expect(wrong).toEqual([]);
  });
});
