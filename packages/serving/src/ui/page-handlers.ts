/**
 * The handlers of the UI's four pages: each finds the served model (or answers a 503 page while
 * none is loaded), gathers what its page shows and sends it in the common layout.
 */
import type { Request, RequestHandler, Response } from 'express';
import type { ServedModel } from '@champion/runtime';
import type { MlflowClient } from 'mlflow-js-client';
import type { AppContext } from '../http/context.js';
import { exampleRecords } from '../http/model-example.js';
import { signedInKey } from './auth.js';
import { batchPageBody } from './batch-page.js';
import { readCardRecord } from './card-data.js';
import { cardPageBody } from './card-page.js';
import { FAIRNESS_FILE, fairnessSchema } from './fairness.js';
import { html, type SafeHtml } from './html.js';
import { page, type PageOptions } from './layout.js';
import { logUnusable, plotsOf, profileMedians, readModelJson } from './model-files.js';
import { readMonitoringView } from './monitoring-data.js';
import { monitoringPageBody } from './monitoring-page.js';
import { predictPageBody } from './predict-page.js';

type Active = PageOptions['active'];

function send(res: Response, options: PageOptions, status = 200): void {
  res.status(status).type('html').send(page(options));
}

function subtitle(model: ServedModel): string {
  const alias = model.alias === undefined ? '' : ` (@${model.alias})`;
  return `${model.name} version ${model.version}${alias}`;
}

/** A page handler for the served model; a 503 page while none is loaded. */
function pageOf(
  context: AppContext,
  active: Active,
  build: (model: ServedModel, res: Response) => Promise<Omit<PageOptions, 'active' | 'subtitle'>>,
): RequestHandler {
  return async (_req: Request, res: Response) => {
    const model = context.host.current();
    if (model === undefined) {
      res.setHeader('Retry-After', '5');
      const body = html`<p>No model is loaded yet; this page works once one is. Retry shortly.</p>`;
      send(res, { title: 'No model yet', active, body }, 503);
      return;
    }
    send(res, { ...(await build(model, res)), active, subtitle: subtitle(model) });
  };
}

export function predictPage(context: AppContext): RequestHandler {
  const { config, logger } = context;
  return pageOf(context, 'predict', async (model, res) => {
    const [example, medians] = await Promise.all([
      exampleRecords(model, config.modelExample),
      readModelJson(model, 'champion/profile.json', profileMedians),
    ]);
    logUnusable(logger, medians);
    const body = predictPageBody({
      model,
      example: example[0] ?? {},
      medians: medians.ok ? medians.value : new Map(),
      key: { needsKey: config.apiKey !== undefined, signedIn: signedInKey(res) },
    });
    return { title: 'Score an applicant', body, scripts: ['predict.js'] };
  });
}

export function batchPage(context: AppContext): RequestHandler {
  const { config } = context;
  return pageOf(context, 'batch', (model, res) => {
    const key = { needsKey: config.apiKey !== undefined, signedIn: signedInKey(res) };
    const body = batchPageBody({ model, key, maxBytes: config.maxBatchBodyBytes });
    return Promise.resolve({ title: 'Score a file', body, scripts: ['batch.js'] });
  });
}

export function cardPage(context: AppContext, client: MlflowClient | undefined): RequestHandler {
  const { logger } = context;
  return pageOf(context, 'model', async (model) => {
    const [record, plots, fairness] = await Promise.all([
      readCardRecord({ client, model, logger }),
      plotsOf(model),
      readModelJson(model, FAIRNESS_FILE, fairnessSchema),
    ]);
    logUnusable(logger, fairness);
    return { title: 'Model card', body: cardPageBody({ model, record, plots, fairness }) };
  });
}

async function monitoringBody(
  context: AppContext,
  client: MlflowClient | undefined,
  model: ServedModel,
): Promise<SafeHtml> {
  if (client === undefined)
    return monitoringPageBody(model.name, {
      kind: 'none',
      reason: 'this process has no MLflow client',
    });
  try {
    return monitoringPageBody(model.name, await readMonitoringView(client, model.name));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    context.logger.warn('monitoring page: MLflow read failed', { error: message });
    return html`<p role="alert">MLflow did not answer (${message}); try again shortly.</p>`;
  }
}

export function monitoringPage(
  context: AppContext,
  client: MlflowClient | undefined,
): RequestHandler {
  return pageOf(context, 'monitoring', async (model) => ({
    title: 'Monitoring',
    body: await monitoringBody(context, client, model),
  }));
}
