/**
 * Driving Debian's Chromium (never a browser downloaded by playwright) for the UI's acceptance
 * test: launch, open a page and collect what went wrong on it (console errors, CSP violations,
 * page errors), run axe-core in it, and keep a screenshot under test-artifacts/ui/.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from './serving-fixtures.js';

export const CHROMIUM = process.env['CHAMPION_CHROMIUM'] ?? '/usr/bin/chromium';
export const CHROMIUM_HOWTO =
  "install Debian's Chromium (`apt-get install -y chromium`; .ci/run does it when root) or set CHAMPION_CHROMIUM to a Chromium binary";

/** Where the screenshots are kept (gitignored). */
export const ARTIFACTS = join(repoRoot(), 'test-artifacts', 'ui');

export function chromiumPath(): string | undefined {
  return existsSync(CHROMIUM) ? CHROMIUM : undefined;
}

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Everything a page reported as an error since `watch` was called. */
export function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  return problems;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

const require = createRequire(__filename);
let axeSource: string | undefined;

/** axe-core's serious and critical violations on the page, as `id: help (targets)`. */
export async function seriousViolations(page: Page): Promise<string[]> {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol: the page's CSP (no inline script) stays on.
  await page.evaluate(axeSource);
  // A string, so this file needs no DOM types: `axe` is the global the source defines.
  const violations = await page.evaluate<unknown[]>('axe.run().then((r) => r.violations)');
  return (violations as AxeViolation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
