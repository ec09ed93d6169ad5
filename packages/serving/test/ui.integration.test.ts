/**
 * Acceptance (issue 15, items 3 and 4): in Chromium, on a real trained champion served by a real
 * server against the tests' MLflow: the form submits the model's example (with the keyboard) and
 * shows the probability /predict answers; the batch page scores a CSV; every page answers 200
 * with no serious or critical axe-core violation and nothing blocked by its CSP; the monitoring
 * page shows its empty state, then a real `champion monitor run`. Screenshots are kept under
 * test-artifacts/ui/.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { MISSING_GROUP } from '@champion/trainer';
import { Secret, type MlflowClient } from 'mlflow-js-client';
import { startServer, type RunningServer } from '../src/server.js';
import { TOP_REASONS } from '../src/ui/result.js';
import {
  integrationClient,
  tempDir,
  trainChampion,
  uniqueName,
} from '@champion/trainer/test-support';
import {
  available,
  sampleRecords,
  servedModel,
  spawnChild,
  testConfig,
} from './serving-fixtures.js';
import {
  CHROMIUM_HOWTO,
  chromiumPath,
  launchChromium,
  screenshot,
  seriousViolations,
  watch,
} from './ui-browser.js';

const executable = chromiumPath();
const SENSITIVE = ['education', 'marital_status'];

/** The little of the DOM the assertions read (this file is compiled without DOM types). */
interface DomNode {
  readonly textContent: string | null;
  querySelector(selector: string): DomNode | null;
}
const run = available('Chromium', executable, CHROMIUM_HOWTO);

(run ? describe : describe.skip)('the web UI in Chromium', () => {
  const name = uniqueName('ui');
  let client: MlflowClient;
  let tmp: { dir: string; cleanup: () => Promise<void> };
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    client = integrationClient();
    tmp = await tempDir('ui');
    // Sensitive columns of the synthetic data: the model card then shows the fairness tables.
    await trainChampion({ client, name, dir: tmp.dir, sensitive: SENSITIVE });
    server = await startServer({ config: testConfig({ name, dir: tmp.dir }), client });
    await servedModel(server.host);
    browser = await launchChromium(executable ?? '');
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.shutdown();
    await client?.close();
    await tmp?.cleanup();
  });

  /** Opens `path`, checks 200, no errors, no serious axe violation; keeps a screenshot. */
  async function visit(path: string, shot: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const problems = watch(page);
    const res = await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
    expect({ path, status: res?.status() }).toEqual({ path, status: 200 });
    expect({ path, violations: await seriousViolations(page) }).toEqual({ path, violations: [] });
    await screenshot(page, shot);
    // Responsive: on a phone-sized screen the page does not scroll sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    await screenshot(page, `${shot}-narrow`);
    expect({ path, overflow }).toEqual({ path, overflow: 0 });
    await page.setViewportSize({ width: 1200, height: 900 });
    expect({ path, problems }).toEqual({ path, problems: [] });
    return page;
  }

  it('submits the model example from the keyboard and shows the probability /predict answers', async () => {
    const page = await visit('/ui/', 'predict-form');
    const example = (await (await fetch(`${server.url}/model/example`)).json()) as unknown[];
    const model = await servedModel(server.host);
    await page.focus('button[type="submit"]');
    const [sent] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith('/predict?explain=true')),
      page.keyboard.press('Enter'),
    ]);
    const record = sent.postDataJSON() as Record<string, unknown>;
    expect(record).toEqual(example[0]);
    const shown = page.getByTestId('probability');
    await shown.waitFor();
    const answer = (await (
      await fetch(`${server.url}/predict`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(record),
      })
    ).json()) as { probability: number; label: unknown; model: { version: string } };
    expect(await shown.textContent()).toBe(String(answer.probability));
    expect(await page.getByTestId('label').textContent()).toBe(String(answer.label));
    expect(await page.getByTestId('version').textContent()).toBe(answer.model.version);
    // The reasons: a bar per top feature when /predict explains, else why not (both are shown).
    const explained = await (
      await fetch(`${server.url}/predict?explain=true`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(record),
      })
    ).json();
    // The trained champion explains: a bar per top reason, named after the model's features,
    // largest contribution first, as /predict?explain=true ranks them.
    const contributions = (
      explained as { explanation?: { contributions?: Record<string, number> } | null }
    ).explanation?.contributions;
    expect(contributions).toBeDefined();
    const ranked = Object.entries(contributions ?? {})
      .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
      .slice(0, TOP_REASONS)
      .map(([feature]) => feature);
    const features = new Set(model.features.map((f) => f.name));
    expect(ranked.every((f) => features.has(f))).toBe(true);
    const bars = page.locator('#result svg g');
    expect(await bars.locator('rect').count()).toBe(ranked.length);
    expect(
      await bars.evaluateAll((gs) =>
        (gs as unknown as DomNode[]).map((g) => g.querySelector('text')?.textContent),
      ),
    ).toEqual(ranked);
    expect(await page.locator('ol.reasons li').count()).toBe(ranked.length);
    expect({ violations: await seriousViolations(page) }).toEqual({ violations: [] });
    await screenshot(page, 'predict-result');
    await page.close();
  });

  it('scores an uploaded CSV through /predict/batch', async () => {
    const model = await servedModel(server.host);
    const rows = sampleRecords(model, 25);
    const header = model.features.map((f) => f.name);
    const csv = [
      header.join(','),
      // sampleRecords gives numbers and plain category strings: no quoting needed.
      ...rows.map((r) =>
        header.map((h) => JSON.stringify(r[h] ?? '').replace(/^"|"$/g, '')).join(','),
      ),
    ];
    const file = join(tmp.dir, 'applicants.csv');
    await writeFile(file, `${csv.join('\n')}\n`);
    const page = await visit('/ui/batch', 'batch');
    await page.setInputFiles('#batch-file', file);
    await page.click('button[type="submit"]');
    await page.locator('#batch-download').waitFor({ state: 'visible' });
    expect(await page.locator('#batch-status').textContent()).toBe(
      'Scored 25 rows: download the scored CSV below.',
    );
    await screenshot(page, 'batch-scored');
    await page.close();
  });

  it('shows the model card with the plots, metrics and gate record', async () => {
    const page = await visit('/ui/model', 'model-card');
    const plots = page.locator('.plots img');
    expect(await plots.count()).toBeGreaterThanOrEqual(4);
    // Every plot loaded (an image that failed has no natural width).
    const widths = await plots.evaluateAll((imgs) =>
      imgs.map((i) => (i as unknown as { naturalWidth: number }).naturalWidth),
    );
    expect(widths.every((w) => w > 0)).toBe(true);
    const text = (await page.textContent('main')) ?? '';
    expect(text).toContain('ROC AUC');
    expect(text).toContain('Confusion matrix at the threshold');
    expect(text).toContain('The training run in MLflow');
    // The fairness report: a table per sensitive column, a row per group the model knows, the
    // groups' rows adding up to the test rows the report counts.
    const report = /([\d,]+) test rows/.exec(text);
    expect(report).not.toBeNull();
    const model = await servedModel(server.host);
    for (const column of SENSITIVE) {
      const section = page.locator('section', { has: page.locator('h2', { hasText: 'Fairness' }) });
      const table = section
        .locator('h3', { hasText: column })
        .locator('xpath=following-sibling::div[1]//table');
      const rows = await table.locator('tbody tr').evaluateAll((trs) =>
        (trs as unknown as DomNode[]).map((tr) => ({
          group: tr.querySelector('th')?.textContent ?? '',
          count: tr.querySelector('td')?.textContent ?? '',
        })),
      );
      // The model's categories, and the group the trainer puts rows without a value in.
      const known = [
        ...(model.features.find((f) => f.name === column)?.categories ?? []),
        MISSING_GROUP,
      ];
      expect(rows.length).toBeGreaterThanOrEqual(2);
      expect(rows.map((r) => r.group).filter((g) => !known.includes(g))).toEqual([]);
      const counted = rows.reduce((sum, r) => sum + Number(r.count.replace(/,/g, '')), 0);
      expect(counted).toBe(Number(report?.[1]?.replace(/,/g, '')));
    }
    await page.close();
  });

  it('shows how to start monitoring, then the figures of a real monitoring run', async () => {
    const empty = await visit('/ui/monitoring', 'monitoring-empty');
    expect(await empty.textContent('main')).toContain(`champion monitor run --name ${name}`);
    await empty.close();

    const model = await servedModel(server.host);
    const scored = await fetch(`${server.url}/predict`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(sampleRecords(model, 300)),
    });
    expect(scored.status).toBe(200);
    await new Promise((r) => setTimeout(r, 2000)); // the store's flush interval is 1 s
    const monitor = spawnChild({
      command: process.execPath,
      args: [
        ...['--import', 'tsx', '--conditions=@champion/source', 'packages/cli/src/main.ts'],
        ...['monitor', 'run', '--name', name],
      ],
      env: {
        MLFLOW_TRACKING_URI: process.env['MLFLOW_TRACKING_URI'] ?? '',
        CHAMPION_INFERENCE_STORE: join(tmp.dir, 'inference-log'),
      },
    });
    expect({ code: await monitor.exited, output: monitor.output().slice(-2000) }).toMatchObject({
      code: 0,
    });
    const page = await visit('/ui/monitoring', 'monitoring');
    const text = ((await page.textContent('main')) ?? '').replace(/\s+/g, ' ');
    expect(text).toContain(`Monitoring runs of ${name} shown: 1 `);
    expect(text).toContain('Score distribution: reference vs current');
    expect(await page.locator('table').last().locator('tbody tr').count()).toBe(1);
    await page.close();
  }, 240_000);

  it('asks for the API key when /predict needs one, and scores with it', async () => {
    const dir = join(tmp.dir, 'keyed');
    await mkdir(dir, { recursive: true });
    const keyed = await startServer({
      config: { ...testConfig({ name, dir }), apiKey: new Secret('ui-test-key') },
      client,
    });
    try {
      await servedModel(keyed.host);
      const page = await browser.newPage();
      await page.goto(`${keyed.url}/ui/`);
      await page.click('button[type="submit"]');
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('alert').textContent()).toContain('UNAUTHORIZED');
      await page.fill('#api-key', 'ui-test-key');
      await page.click('button[type="submit"]');
      await page.getByTestId('probability').waitFor();
      expect(Number(await page.getByTestId('probability').textContent())).toBeGreaterThan(0);
      // The key stays in the tab: not in a cookie, not in the page's URL.
      expect(await page.context().cookies()).toEqual([]);
      expect(page.url()).not.toContain('ui-test-key');
      await page.close();
    } finally {
      await keyed.shutdown();
    }
  });

  it('under CHAMPION_UI_AUTH=key, the browser signs in with the key and scores without a second prompt', async () => {
    const dir = join(tmp.dir, 'ui-keyed');
    await mkdir(dir, { recursive: true });
    const key = 'ui-auth-key';
    const keyed = await startServer({
      config: { ...testConfig({ name, dir }), apiKey: new Secret(key), uiAuth: 'key' },
      client,
    });
    try {
      await servedModel(keyed.host);
      // Without the key: a Basic challenge (Chromium then prompts; headless, it gives up).
      const anonymous = await fetch(`${keyed.url}/ui/`);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic realm="champion"/);
      // What a user types into the browser's own sign-in prompt: any name, the key as password.
      const context = await browser.newContext({
        httpCredentials: { username: 'officer', password: key },
      });
      const page = await context.newPage();
      const problems = watch(page);
      expect((await page.goto(`${keyed.url}/ui/`))?.status()).toBe(200);
      await page.click('button[type="submit"]');
      await page.getByTestId('probability').waitFor();
      expect(Number(await page.getByTestId('probability').textContent())).toBeGreaterThan(0);
      expect(await context.cookies()).toEqual([]);
      expect(problems).toEqual([]);
      await screenshot(page, 'predict-signed-in');
      await context.close();
    } finally {
      await keyed.shutdown();
    }
  });
});
