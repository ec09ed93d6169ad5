/**
 * POST /invocations: the MLflow scoring protocol, so clients of `mlflow models serve` work
 * unchanged. The response is what MLflow's server answers for the model's pyfunc frame
 * (trainer/python/champion_pyfunc.py): `{"predictions": [{"label": l, "probability": p}, ...]}`,
 * the label typed as the training target ("bad", or 1). Unseen categories scored as missing are
 * listed beside the predictions, `"warnings": [{"row", "field", "problem"}]`, only when there are
 * any: MLflow's clients read `predictions` and ignore other keys.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import type { AppContext } from '../context.js';
import { ServingHttpError } from '../errors.js';
import { requireApiKey } from '../middleware/auth.js';
import { requireMediaType } from '../middleware/media-type.js';
import { pythonJson } from '../middleware/python-json.js';
import { requestIdOf } from '@champion/http-kit';
import { csvToBatch } from '../records/csv.js';
import type { ParsedBatch } from '../records/parsed.js';
import { batchWarnings, type RowWarning } from '../records/warnings.js';
import { labelValue, type LabelValue } from '../labels.js';
import { batchRecordIds } from '../record-request-ids.js';
import { currentFeatures, scoreParsed, type ScoringAnswer } from '../scoring.js';
import { invocationToBatch } from './invocations-body.js';
import type { ApiRouter } from '../api-router.js';
import { errors, json, ref, type Operation } from '../openapi/operation.js';

/** MLflow refuses content-type parameters other than charset=utf-8 with 415; so do we. */
function checkContentTypeParameters(req: Request, _res: Response, next: NextFunction): void {
  const [, ...params] = (req.get('content-type') ?? '').split(';').map((p) => p.trim());
  for (const param of params) {
    const [name, value = ''] = param.split('=').map((s) => s.trim().toLowerCase());
    if (name === 'charset' && value.replace(/"/g, '') === 'utf-8') continue;
    throw new ServingHttpError({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: `Content-Type parameter ${JSON.stringify(param)} is not supported; only charset=utf-8 is.`,
    });
  }
  next();
}

const INVOCATIONS: Operation = ({ secured }) => ({
  summary:
    'MLflow scoring protocol (dataframe_split, dataframe_records, instances, inputs; or text/csv)',
  description:
    "A drop-in for mlflow models serve's /invocations: the JSON body may hold Python's NaN (a missing value) as json.dumps writes it; content-type parameters other than charset=utf-8 are refused (415) as MLflow does. Errors are MLflow's {error_code, message} with champion's {error} beside them; never a stack trace. Labels are typed as the training target (what `mlflow models serve` answers for the same model); unseen categories scored as missing are listed in `warnings` beside `predictions`, only when there are any.",
  security: secured,
  requestBody: {
    required: true,
    content: {
      ...json(ref('InvocationsRequest')),
      'text/csv': { schema: { type: 'string', minLength: 1 } },
    },
  },
  responses: {
    '200': { description: 'Predictions', content: json(ref('InvocationsResponse')) },
    ...errors([400, 401, 413, 415, 422, 503, 500], ref('MlflowError')),
  },
});

export function invocationsRoutes(context: AppContext, router: ApiRouter): void {
  const { config } = context;
  router.post(
    '/invocations',
    INVOCATIONS,
    requireApiKey(config.apiKey),
    requireMediaType(['application/json', 'text/csv']),
    checkContentTypeParameters,
    // Python's json.dumps writes NaN for a missing value; MLflow's clients send it (python-json.ts).
    ...pythonJson({ limit: config.maxBodyBytes }),
    express.text({ type: 'text/csv', limit: config.maxBodyBytes }),
    async (req: Request, res: Response) => {
      const body: unknown = req.body;
      // CSV by its media type: a JSON string is not a CSV file (it is refused as a non-object).
      const sent: InvocationBody =
        req.is('text/csv') === 'text/csv' && typeof body === 'string'
          ? { csv: body }
          : { json: body };
      const answer = await answerInvocations(context, { ...sent, requestId: requestIdOf(res) });
      res.locals['rows'] = answer.rows;
      res.json(answer.body);
      answer.afterResponse();
    },
  );
}

/** An /invocations body: CSV text (sent as text/csv), or the parsed JSON. */
export type InvocationBody = { readonly csv: string } | { readonly json: unknown };

/**
 * The /invocations answer to a parsed JSON body or to CSV text: what express's route and the
 * direct lane (direct-lane.ts) both send.
 */
export async function answerInvocations(
  context: AppContext,
  request: InvocationBody & { readonly requestId: string },
): Promise<ScoringAnswer> {
  const { config } = context;
  const compiled = currentFeatures(context);
  const parsed: ParsedBatch =
    'csv' in request
      ? csvToBatch({ compiled, text: request.csv, maxRows: config.maxBatchRows })
      : invocationToBatch({ compiled, body: request.json, maxRows: config.maxBatchRows });
  const { scores, afterResponse } = await scoreParsed(context, {
    parsed,
    ids: batchRecordIds(request.requestId),
    endpoint: 'invocations',
  });
  const predictions = new Array<{ label: LabelValue; probability: number }>(
    scores.probability.length,
  );
  for (let i = 0; i < predictions.length; i++) {
    predictions[i] = {
      label: labelValue(scores.model, scores.label[i] ?? 0n),
      probability: scores.probability[i] ?? NaN,
    };
  }
  const warnings: RowWarning[] = batchWarnings(parsed);
  const body = warnings.length === 0 ? { predictions } : { predictions, warnings };
  return { body, rows: parsed.batch.rows, afterResponse };
}
