/**
 * The UI's routes, served by the serving process under /ui/ (CHAMPION_UI=off removes them):
 * GET /ui/ (the prediction form), /ui/batch, /ui/model (the model card, and its plots),
 * /ui/monitoring, and POST /ui/result (the decision panel the form shows). Pages are read-only
 * and need no key unless CHAMPION_UI_AUTH=key (./auth.ts); what they do goes through /predict and
 * /predict/batch, which keep theirs.
 * Every /ui response carries a CSP that allows nothing but this origin.
 */
import { resolve } from 'node:path';
import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import type { MlflowClient } from 'mlflow-js-client';
import type { ApiRouter } from '../http/api-router.js';
import type { AppContext } from '../http/context.js';
import { invalidRequest, ServingHttpError } from '../http/errors.js';
import { requireMediaType } from '../http/middleware/media-type.js';
import { errors, type Operation } from '../http/openapi/operation.js';
import { mountUiAssets } from './assets.js';
import { uiAuth } from './auth.js';
import { UI_CSP } from './layout.js';
import { PLOT_FILES } from './model-files.js';
import { batchPage, cardPage, monitoringPage, predictPage } from './page-handlers.js';
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

const PLOT: Operation = () => ({
  summary: 'An evaluation plot of the served version (roc, pr, calibration, confusion matrix)',
  tags: ['UI'],
  responses: {
    '200': { description: 'SVG', content: { 'image/svg+xml': {} } },
    ...errors([404]),
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
    ...errors([400, 413, 415, 503]),
  },
});

function uiHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Content-Security-Policy', UI_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
  // Pages and panels show applicants' data: not for shared caches (assets set their own).
  res.setHeader('Cache-Control', 'no-store');
  next();
}

function notReady(): ServingHttpError {
  return new ServingHttpError({
    code: 'MODEL_NOT_READY',
    message: 'No model is loaded yet; retry shortly.',
  });
}

function result(context: AppContext): RequestHandler {
  return (req: Request, res: Response) => {
    const parsed = resultRequestSchema.safeParse(req.body);
    if (!parsed.success)
      throw invalidRequest(
        "Send {record, status, answer}: the form's record and /predict's answer.",
      );
    const model = context.host.current();
    if (model === undefined) throw notReady();
    const { features, target } = model;
    const panel = resultPanel({ request: parsed.data, features, positive: target.positive });
    res.type('html').send(panel.value);
  };
}

function plot(context: AppContext): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const file = PLOT_FILES.find((p) => p.file === req.params['file'])?.file;
    const model = context.host.current();
    if (file === undefined || model === undefined)
      throw new ServingHttpError({
        code: 'NOT_FOUND',
        message: `No such plot; the plots are ${PLOT_FILES.map((p) => p.file).join(', ')}.`,
      });
    // Opened on its own, an SVG is a document: no script, sandboxed.
    res.setHeader(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    );
    // `dotfiles`: the serving cache is under `.champion/`; the file name is from PLOT_FILES.
    const path = resolve(model.dir, 'plots', file);
    res.type('image/svg+xml').sendFile(path, { dotfiles: 'allow' }, (error?: Error) => {
      if (error === undefined || res.headersSent) return;
      const message = `The served model has no ${file}.`;
      next(new ServingHttpError({ code: 'NOT_FOUND', message, cause: error }));
    });
  };
}

export interface UiRoutesOptions {
  /** For the model card's registry facts and the monitoring page. */
  readonly client: MlflowClient | undefined;
}

export function uiRoutes(context: AppContext, router: ApiRouter, options: UiRoutesOptions): void {
  const { client } = options;
  const { apiKey, uiAuth: mode } = context.config;
  router.express.use('/ui', uiHeaders, uiAuth({ mode, apiKey }));
  mountUiAssets(router.express);
  router.get('/ui/', htmlPage('The prediction form'), predictPage(context));
  router.post(
    '/ui/result',
    RESULT,
    requireMediaType(['application/json']),
    express.json({ limit: context.config.maxBodyBytes }),
    result(context),
  );
  router.get('/ui/batch', htmlPage('Score a CSV file'), batchPage(context));
  router.get(
    '/ui/model',
    htmlPage('The model card of the served version'),
    cardPage(context, client),
  );
  router.get('/ui/model/plots/:file', PLOT, plot(context));
  router.get(
    '/ui/monitoring',
    htmlPage('The monitoring runs of the served model'),
    monitoringPage(context, client),
  );
}
