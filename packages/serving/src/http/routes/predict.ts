/**
 * POST /predict: one record (object in, object out) or many (array in, array out), fields named
 * as the model's features, an optional `id` per record echoed back.
 */
import express, { type Request, type Response } from 'express';
import type { ExplainedScores, ServedModel } from '@champion/runtime';
import { explainRequested, explanationAt, type Explanation } from '../explanations.js';
import type { AppContext } from '../context.js';
import { invalidRequest } from '../errors.js';
import { requireApiKey } from '../middleware/auth.js';
import { requireMediaType } from '../middleware/media-type.js';
import { requestIdOf } from '@champion/http-kit';
import type { RecordId } from '../records/builder.js';
import { checkBatchRows, isPlainObject } from '../records/parsed.js';
import { recordsToBatch } from '../records/records.js';
import { warningsByRow, type RecordWarning } from '../records/warnings.js';
import { labelValue, type LabelValue } from '../labels.js';
import { batchRecordIds, singleRecordId, type RecordRequestIds } from '../record-request-ids.js';
import { currentFeatures, scoreParsed, type ScoringAnswer } from '../scoring.js';
import type { ApiRouter } from '../api-router.js';
import { errors, json, ref, type Operation } from '../openapi/operation.js';

/** One prediction as /predict returns it. */
export interface Prediction {
  id?: RecordId;
  /** This record's id in the inference store: what POST /feedback names. */
  request_id: string;
  probability: number;
  /** The class label, typed as the training target was (number or string). */
  label: LabelValue;
  label_index: 0 | 1;
  threshold: number;
  model: { name: string; version: string };
  /** What the model could not use in this record (unseen categories); empty when nothing. */
  warnings: readonly RecordWarning[];
  /** With ?explain=true: the explanation, or null with the reason beside it. */
  explanation?: Explanation | null;
  explanation_unavailable?: string;
}

/** Adds each record's explanation (or why there is none) to its prediction. */
function withExplanations(out: Prediction[], scores: ExplainedScores): Prediction[] {
  const { explanations, model } = scores;
  return out.map((p, row) =>
    explanations.available
      ? { ...p, explanation: explanationAt({ model, value: explanations.value, row }) }
      : { ...p, explanation: null, explanation_unavailable: explanations.reason },
  );
}

function predictions(options: {
  model: ServedModel;
  probability: Float32Array;
  label: BigInt64Array;
  ids: readonly (RecordId | undefined)[] | undefined;
  requestIds: RecordRequestIds;
  warnings: readonly (readonly RecordWarning[])[];
}): Prediction[] {
  const { model, probability, label, ids, requestIds, warnings } = options;
  const modelRef = { name: model.name, version: model.version };
  const out = new Array<Prediction>(probability.length);
  for (let i = 0; i < probability.length; i++) {
    const index = label[i] === 1n ? 1 : 0;
    const id = ids?.[i];
    out[i] = {
      ...(id === undefined ? {} : { id }),
      request_id: requestIds.of(i),
      probability: probability[i] ?? NaN,
      label: labelValue(model, index),
      label_index: index,
      threshold: model.threshold,
      model: modelRef,
      warnings: warnings[i] ?? [],
    };
  }
  return out;
}

const PREDICT: Operation = ({ secured }) => ({
  summary: 'Score one record (object in, object out) or many (array in, array out)',
  description:
    'Every feature must be present; send null for a missing value. An optional `id` per record is echoed back. Each prediction carries `request_id`, the id its true label is sent back with (POST /feedback): the X-Request-Id of the exchange for one record sent as an object, `<X-Request-Id>-<index>` for the records of an array.',
  security: secured,
  parameters: [
    {
      name: 'explain',
      in: 'query',
      required: false,
      description:
        'true: each prediction carries `explanation` (as POST /explain gives it), or `explanation: null` and `explanation_unavailable` for a model that cannot explain.',
      schema: { type: 'boolean', default: false },
    },
  ],
  requestBody: { required: true, content: json(ref('PredictRequest')) },
  responses: {
    '200': { description: 'Predictions', content: json(ref('PredictResponse')) },
    ...errors([400, 401, 413, 415, 422, 503, 500]),
  },
});

export function predictRoutes(context: AppContext, router: ApiRouter): void {
  const { config } = context;
  router.post(
    '/predict',
    PREDICT,
    requireApiKey(config.apiKey),
    requireMediaType(['application/json']),
    express.json({ limit: config.maxBodyBytes }),
    async (req: Request, res: Response) => {
      const answer = await answerPredict(context, {
        body: req.body as unknown,
        requestId: requestIdOf(res),
        explain: explainRequested(req.query),
      });
      res.locals['rows'] = answer.rows;
      res.json(answer.body);
      answer.afterResponse();
    },
  );
}

/** The /predict answer to a parsed body: what express's route and the direct lane both send. */
export async function answerPredict(
  context: AppContext,
  request: { body: unknown; requestId: string; explain: boolean },
): Promise<ScoringAnswer> {
  const { config } = context;
  const { body, requestId, explain } = request;
  const single = isPlainObject(body);
  if (!single && !Array.isArray(body))
    throw invalidRequest('Send one record (a JSON object) or an array of records.');
  const records: readonly unknown[] = single ? [body] : (body as unknown[]);
  checkBatchRows(records.length, config.maxBatchRows);
  const compiled = currentFeatures(context);
  const parsed = recordsToBatch({
    compiled,
    records,
    recordPath: single ? () => '' : (row) => `[${row}]`,
    allowId: true,
  });
  const ids = single ? singleRecordId(requestId) : batchRecordIds(requestId);
  const { scores, afterResponse } = await scoreParsed(context, {
    parsed,
    ids,
    endpoint: 'predict',
    explain,
  });
  const out = predictions({
    model: scores.model,
    probability: scores.probability,
    label: scores.label,
    ids: parsed.ids,
    requestIds: ids,
    warnings: warningsByRow(parsed),
  });
  const answered = 'explanations' in scores ? withExplanations(out, scores) : out;
  return { body: single ? answered[0] : answered, rows: records.length, afterResponse };
}
