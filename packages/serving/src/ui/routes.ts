/**
 * The UI's routes, served by the serving process under /ui/ (CHAMPION_UI=off removes them):
 * GET /ui/ (the prediction form), /ui/batch, /ui/model (the model card, and its plots),
 * /ui/monitoring, and POST /ui/result (the decision panel the form shows). Pages are read-only
 * and need no key; what they do goes through /predict and /predict/batch, which keep theirs.
 * Every /ui response carries a CSP that allows nothing but this origin.
 */
import { resolve } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { ServedModel } from '@champion/runtime';
import type { MlflowClient } from 'mlflow-js-client';
import type { ApiRouter } from '../http/api-router.js';
import type { AppContext } from '../http/context.js';
import { invalidRequest, ServingHttpError } from '../http/errors.js';
import { requireMediaType } from '../http/middleware/media-type.js';
import { exampleRecords } from '../http/model-example.js';
import type { Operation } from '../http/openapi/operation.js';
import { mountUiAssets } from './assets.js';
import { batchPageBody } from './batch-page.js';
import { readCardRecord } from './card-data.js';
import { cardPageBody } from './card-page.js';
import { FAIRNESS_FILE, fairnessSchema } from './fairness.js';
import { html } from './html.js';
import { page, UI_CSP, type PageOptions } from './layout.js';
import { PLOT_FILES, plotsOf, profileMedians, readModelJson } from './model-files.js';
import { readMonitoringView } from './monitoring-data.js';
import { monitoringPageBody } from './monitoring-page.js';
import { predictPageBody } from './predict-page.js';
import { resultPanel, resultRequestSchema } from './result.js';

const htmlPage =
  (summary: string): Operation =>
  () => ({
    summary,
    tags: ['UI'],
    responses: {
      '200': { description: 'HTML page', content: { 'text/html': {} } },
      '503': { description: 'No model is loaded yet', content: { 'text/html': {} } },
    },
  });

const RESULT: Operation = () => ({
  summary: "The prediction form's decision panel, rendered from /predict's answer",
  tags: ['UI'],
  requestBody: {
    required: true,
    content: { 'application/json': { schema: { type: 'object' } } },
  },
  responses: {
    '200': { description: 'HTML fragment', content: { 'text/html': {} } },
    '400': { description: 'Not a record and an answer of /predict' },
  },
});

function uiHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Content-Security-Policy', UI_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
  next();
}

function send(res: Response, options: PageOptions, status = 200): void {
  res.status(status).type('html').send(page(options));
}

/** The served model, or a 503 page saying it is loading. */
function servedOr503(
  context: AppContext,
  res: Response,
  active: PageOptions['active'],
): ServedModel | undefined {
  const model = context.host.current();
  if (model === undefined) {
    res.setHeader('Retry-After', '5');
    send(
      res,
      {
        title: 'No model yet',
        active,
        body: html`<p>
          No model is loaded yet; this page will work once the server has loaded one. Retry in a few
          seconds.
        </p>`,
      },
      503,
    );
  }
  return model;
}

function subtitle(model: ServedModel): string {
  return `${model.name} version ${model.version}${model.alias === undefined ? '' : ` (@${model.alias})`}`;
}

export interface UiRoutesOptions {
  /** For the model card's registry facts and the monitoring page. */
  readonly client: MlflowClient | undefined;
}

export function uiRoutes(context: AppContext, router: ApiRouter, options: UiRoutesOptions): void {
  const { config, logger } = context;
  const needsKey = config.apiKey !== undefined;
  router.express.use('/ui', uiHeaders);
  mountUiAssets(router.express);

  router.get('/ui/', htmlPage('The prediction form'), async (_req, res) => {
    const model = servedOr503(context, res, 'predict');
    if (model === undefined) return;
    const [example, medians] = await Promise.all([
      exampleRecords(model, config.modelExample),
      readModelJson(model, 'champion/profile.json', profileMedians),
    ]);
    const body = predictPageBody({
      model,
      example: example[0] ?? {},
      medians: medians.ok ? medians.value : new Map(),
      needsKey,
    });
    send(res, {
      title: 'Score an applicant',
      active: 'predict',
      subtitle: subtitle(model),
      body,
      scripts: ['predict.js'],
    });
  });

  router.post(
    '/ui/result',
    RESULT,
    requireMediaType(['application/json']),
    express.json({ limit: config.maxBodyBytes }),
    (req: Request, res: Response) => {
      const parsed = resultRequestSchema.safeParse(req.body);
      if (!parsed.success)
        throw invalidRequest(
          "Send {record, status, answer}: the form's record and what /predict answered.",
        );
      const model = context.host.current();
      if (model === undefined)
        throw new ServingHttpError({
          code: 'MODEL_NOT_READY',
          message: 'No model is loaded yet; retry shortly.',
        });
      res.type('html').send(
        resultPanel({
          request: parsed.data,
          features: model.features,
          positive: model.target.positive,
        }).value,
      );
    },
  );

  router.get('/ui/batch', htmlPage('Score a CSV file'), (_req, res) => {
    const model = servedOr503(context, res, 'batch');
    if (model === undefined) return;
    const body = batchPageBody({ model, needsKey, maxBytes: config.maxBatchBodyBytes });
    send(res, {
      title: 'Score a file',
      active: 'batch',
      subtitle: subtitle(model),
      body,
      scripts: ['batch.js'],
    });
  });

  router.get('/ui/model', htmlPage('The model card of the served version'), async (_req, res) => {
    const model = servedOr503(context, res, 'model');
    if (model === undefined) return;
    const [record, plots, fairness] = await Promise.all([
      readCardRecord({ client: options.client, model, logger }),
      plotsOf(model),
      readModelJson(model, FAIRNESS_FILE, fairnessSchema),
    ]);
    const body = cardPageBody({ model, record, plots, fairness });
    send(res, { title: 'Model card', active: 'model', subtitle: subtitle(model), body });
  });

  router.get(
    '/ui/model/plots/:file',
    htmlPage('An evaluation plot of the served version (SVG)'),
    (req, res, next) => {
      const plot = PLOT_FILES.find((p) => p.file === req.params['file']);
      const model = context.host.current();
      if (plot === undefined || model === undefined)
        throw new ServingHttpError({
          code: 'NOT_FOUND',
          message: `No plot ${String(req.params['file'])}; the plots are ${PLOT_FILES.map((p) => p.file).join(', ')}.`,
        });
      // Opened on its own, an SVG is a document: no script, sandboxed.
      res.setHeader(
        'Content-Security-Policy',
        "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      );
      res
        .type('image/svg+xml')
        .sendFile(resolve(model.dir, 'plots', plot.file), (error?: Error) => {
          if (error !== undefined && !res.headersSent)
            next(
              new ServingHttpError({
                code: 'NOT_FOUND',
                message: `The served model has no ${plot.file}.`,
                cause: error,
              }),
            );
        });
    },
  );

  router.get(
    '/ui/monitoring',
    htmlPage('The monitoring runs of the served model'),
    async (_req, res) => {
      const model = servedOr503(context, res, 'monitoring');
      if (model === undefined) return;
      const client = options.client;
      let body;
      try {
        const view =
          client === undefined
            ? { kind: 'none' as const, reason: 'this process has no MLflow client' }
            : await readMonitoringView(client, model.name);
        body = monitoringPageBody(model.name, view);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        logger.warn('monitoring page: MLflow read failed', { error: message });
        body = html`<p role="alert">
          MLflow did not answer (${message}); the monitoring runs cannot be shown now.
        </p>`;
      }
      send(res, { title: 'Monitoring', active: 'monitoring', subtitle: subtitle(model), body });
    },
  );
}
