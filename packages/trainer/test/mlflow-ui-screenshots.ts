/**
 * Screenshots of MLflow's own UI after one demo training, for docs/img/: the experiment's Models
 * tab (candidates side by side), the winner's logged model page (metrics, "Datasets used") and the
 * runs table in the saved view "champion: compare candidates". A check by eye, run by hand against a throwaway server; the
 * REST state behind these pages is what mlflow/ui-state.integration.test.ts asserts.
 *
 *   MLFLOW_TRACKING_URI=http://127.0.0.1:5391 pnpm exec tsx --conditions=@champion/source \
 *     packages/trainer/test/mlflow-ui-screenshots.ts [OUT_DIR]
 *
 * Needs Chromium (`apt-get install -y chromium`; CHROMIUM_PATH overrides /usr/bin/chromium).
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { MlflowClient } from 'mlflow-js-client';
import { train } from '../src/index.js';
import { COMPARE_VIEW_ID } from '../src/mlflow/compare-view.js';
import { demoCsv, tempDir } from './integration.js';

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The little of the browser's DOM the page functions below use (no DOM lib in this project). */
interface PageElement {
  readonly textContent: string | null;
  readonly offsetLeft: number;
  scrollLeft: number;
}
interface PageGlobals {
  readonly document: { querySelectorAll(selector: string): Iterable<PageElement> };
  readonly localStorage: { setItem(key: string, value: string): void };
}

/** Opens `url`, waits for `text`, scrolls the grid to `scrollTo` (a header), saves `file`. */
async function shoot(
  page: Page,
  shot: { url: string; text: string; file: string; scrollTo?: string },
): Promise<void> {
  await page.goto(shot.url, { waitUntil: 'load' });
  await page.getByText(shot.text).first().waitFor({ timeout: 30_000 });
  if (shot.scrollTo !== undefined) {
    // ag-grid renders the columns right of the viewport only once scrolled to.
    await page.evaluate((header) => {
      const { document } = globalThis as unknown as PageGlobals;
      const cells = [...document.querySelectorAll('.ag-header-cell')];
      const cell = cells.find((c) => c.textContent?.trim() === header);
      const left = cell ? cell.offsetLeft : 0;
      for (const v of document.querySelectorAll('.ag-body-horizontal-scroll-viewport'))
        v.scrollLeft = left;
    }, shot.scrollTo);
  }
  await page.waitForTimeout(2000);
  await page.screenshot({ path: shot.file });
  console.log(`wrote ${shot.file}`);
}

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? 'docs/img');
  await mkdir(out, { recursive: true });
  const client = MlflowClient.fromEnv(process.env);
  const tmp = await tempDir('ui-shots');
  try {
    const path = await demoCsv({ dir: tmp.dir, rows: 6000, seed: 11 });
    const summary = await train({
      client,
      name: process.env['CHAMPION_MODEL_NAME'] ?? 'credit-default',
      data: { path, target: 'default', idColumns: ['id'], seed: 7 },
      candidates: 2,
    });
    const base = `${client.trackingUri.replace(/\/$/, '')}/#/experiments/${summary.experimentId}`;
    const view = '?workflowType=machine_learning';
    const browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: CHROMIUM_FLAGS,
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1600, height: 600 } });
      // MLflow's assistant panel opens on a first visit and covers a third of the page.
      await page.addInitScript(() => {
        const { localStorage } = globalThis as unknown as PageGlobals;
        localStorage.setItem('mlflow.assistant.panelOpen_v1', 'false');
        localStorage.setItem('mlflow.assistant.fab.autoOpenedOnFirstLoad_v1', 'true');
      });
      await shoot(page, {
        url: `${base}/models${view}`,
        text: 'Model name',
        file: join(out, 'mlflow-models-tab.png'),
        scrollTo: 'test_roc_auc',
      });
      await shoot(page, {
        url: `${base}/models/${summary.winner.modelId}${view}`,
        text: 'Datasets used',
        file: join(out, 'mlflow-logged-model.png'),
      });
      await shoot(page, {
        url: `${base}/runs${view}&viewStateShareKey=${COMPARE_VIEW_ID}`,
        text: `${summary.winner.learner}-test`,
        file: join(out, 'mlflow-runs-table.png'),
      });
    } finally {
      await browser.close();
    }
  } finally {
    await tmp.cleanup();
    await client.close();
  }
}

await main();
