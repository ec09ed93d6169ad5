/**
 * POST /explain: the bodies /predict takes (one record or an array), answered with why the model
 * gives each probability: `{"explanations": [{base_value, contributions, log_odds, probability,
 * label, ...}]}`. Explanations are not predictions: nothing is written to the inference store.
 * A model that cannot explain (trained before explanations) answers 409; /predict still scores it.
 */
import express, { type Request, type Response } from 'express';
import type { ExplainedScores } from '@champion/runtime';
import type { AppContext } from '../context.js';
import { invalidRequest } from '../errors.js';
import { explanationAt, explanationsUnavailable, type Explanation } from '../explanations.js';
import { labelValue, type LabelValue } from '../labels.js';
import { requireApiKey } from '../middleware/auth.js';
import { requireMediaType } from '../middleware/media-type.js';
import type { RecordId } from '../records/builder.js';
import { checkBatchRows, isPlainObject, type ParsedBatch } from '../records/parsed.js';
import { recordsToBatch } from '../records/records.js';
import { warningsByRow, type RecordWarning } from '../records/warnings.js';
import { assertSameInputs, currentFeatures } from '../scoring.js';
import type { ApiRouter } from '../api-router.js';
import { errors, json, ref, type Operation } from '../openapi/operation.js';

/** One record of /explain's answer. */
export interface ExplainedPrediction extends Explanation {
  id?: RecordId;
  label: LabelValue;
  label_index: 0 | 1;
  threshold: number;
  model: { name: string; version: string };
  warnings: readonly RecordWarning[];
}

const EXPLAIN: Operation = ({ secured }) => ({
  summary: 'Explain the predictions of one record or many',
  description:
    "The bodies /predict takes. Per record: `base_value` (expected log-odds over the training data) and one contribution per feature in log-odds (TreeSHAP for gradient-boosted trees, exact attributions for logistic regression), adding up to `log_odds`; `probability` = sigmoid(log_odds), /predict's probability before float32 rounding. 409 when the served model was trained before champion saved explanation data.",
  security: secured,
  requestBody: { required: true, content: json(ref('PredictRequest')) },
  responses: {
    '200': { description: 'Explanations', content: json(ref('ExplainResponse')) },
    ...errors([400, 401, 409, 413, 415, 422, 503, 500]),
  },
});

function explained(parsed: ParsedBatch, scores: ExplainedScores): ExplainedPrediction[] {
  const { model, explanations } = scores;
  if (!explanations.available) throw explanationsUnavailable(model, explanations.reason);
  const warnings = warningsByRow(parsed);
  const modelRef = { name: model.name, version: model.version };
  return Array.from({ length: parsed.batch.rows }, (_, row) => {
    const index = scores.label[row] === 1n ? 1 : 0;
    const id = parsed.ids?.[row];
    return {
      ...(id === undefined ? {} : { id }),
      ...explanationAt({ model, value: explanations.value, row }),
      label: labelValue(model, index),
      label_index: index,
      threshold: model.threshold,
      model: modelRef,
      warnings: warnings[row] ?? [],
    };
  });
}

export function explainRoutes(context: AppContext, router: ApiRouter): void {
  const { config } = context;
  router.post(
    '/explain',
    EXPLAIN,
    requireApiKey(config.apiKey),
    requireMediaType(['application/json']),
    express.json({ limit: config.maxBodyBytes }),
    async (req: Request, res: Response) => {
      const body: unknown = req.body;
      const single = isPlainObject(body);
      if (!single && !Array.isArray(body))
        throw invalidRequest('Send one record (a JSON object) or an array of records.');
      const records: readonly unknown[] = single ? [body] : (body as unknown[]);
      checkBatchRows(records.length, config.maxBatchRows);
      const parsed = recordsToBatch({
        compiled: currentFeatures(context),
        records,
        recordPath: single ? () => '' : (row) => `[${row}]`,
        allowId: true,
      });
      const scores = await context.host.explain(parsed.batch);
      assertSameInputs(context, { parsed, model: scores.model });
      res.locals['rows'] = records.length;
      res.json({ explanations: explained(parsed, scores) });
    },
  );
}
