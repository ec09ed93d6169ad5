/**
 * POST /feedback: true labels for served records, `[{request_id, label}]`, stored in the
 * inference store for the monitor. A label must name a stored record (its request id, as
 * /predict answered it) and be one of the classes of the model that scored it. The answer
 * counts what was stored and names what was not: 200 when at least one label was stored,
 * 422 LABELS_REJECTED (every item named in `details`) when none was.
 */
import express, { type Request, type Response } from 'express';
import { labelItemSchema, type LabelOutcome } from '@champion/inference-store';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { invalidRequest, ServingHttpError, type ProblemDetail } from '../errors.js';
import { requireApiKey } from '../middleware/auth.js';
import { requireMediaType } from '../middleware/media-type.js';
import { requestIdOf } from '@champion/http-kit';
import type { ApiRouter } from '../api-router.js';
import { errors, json, type Operation } from '../openapi/operation.js';

const FEEDBACK: Operation = ({ secured }) => ({
  summary: 'Send true labels for served records: [{request_id, label}]',
  description:
    'Each `request_id` is one a prediction answered (X-Request-Id for one record, `<X-Request-Id>-<index>` for records of a batch); each `label` one of the classes of the model that scored it. 200 with {accepted, unknown (request ids no record has), invalid} when at least one label was stored; 422 LABELS_REJECTED naming every item when none was. A later label for the same request id replaces the earlier one.',
  security: secured,
  requestBody: {
    required: true,
    content: json({
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['request_id', 'label'],
        additionalProperties: false,
        properties: {
          request_id: { type: 'string', pattern: '^[\\w.:-]{1,200}$' },
          label: { oneOf: [{ type: 'string', minLength: 1 }, { type: 'number' }] },
        },
      },
    }),
  },
  responses: {
    '200': {
      description: 'What was stored and what was not',
      content: json({
        type: 'object',
        properties: {
          accepted: { type: 'integer' },
          unknown: { type: 'array', items: { type: 'string' } },
          invalid: { type: 'array', items: { type: 'object' } },
        },
      }),
    },
    ...errors([400, 401, 413, 415, 422, 503, 500]),
  },
});

function pathOf(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
}

function parseItems(body: unknown, maxItems: number): z.infer<typeof labelItemSchema>[] {
  const schema = z.array(labelItemSchema).min(1).max(maxItems);
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues
    .slice(0, 100)
    .map((i) => ({ path: pathOf(i.path) || 'body', problem: i.message }));
  throw invalidRequest(
    `Send a JSON array of 1 to ${maxItems} {"request_id", "label"} objects; see details.`,
    details,
  );
}

interface NotStored {
  readonly index: number;
  readonly request_id: string;
  readonly problem: string;
}

const UNKNOWN = 'no served record has this request id';

/** The items not stored, each with the index of its first occurrence in the request. */
function notStored(
  items: readonly { request_id: string }[],
  outcome: LabelOutcome,
): { unknown: NotStored[]; invalid: NotStored[] } {
  const index = new Map<string, number>();
  items.forEach((item, i) => index.has(item.request_id) || index.set(item.request_id, i));
  const at = (id: string): number => index.get(id) ?? -1;
  return {
    unknown: outcome.unknown.map((id) => ({ index: at(id), request_id: id, problem: UNKNOWN })),
    invalid: outcome.invalid.map((v) => ({
      index: at(v.requestId),
      request_id: v.requestId,
      problem: v.problem,
    })),
  };
}

/** How long /feedback waits for records answered but not yet handed to the store. */
const PENDING_APPENDS_MAX_MS = 2000;

export function feedbackRoutes(context: AppContext, router: ApiRouter): void {
  const { config } = context;
  router.post(
    '/feedback',
    FEEDBACK,
    requireApiKey(config.apiKey),
    requireMediaType(['application/json']),
    express.json({ limit: config.maxBodyBytes }),
    async (req: Request, res: Response) => {
      const addLabels = context.sink.addLabels?.bind(context.sink);
      if (addLabels === undefined) {
        throw new ServingHttpError({
          code: 'FEEDBACK_UNAVAILABLE',
          message: 'This server stores no labels: it was started without an inference store.',
        });
      }
      const items = parseItems(req.body, config.maxBatchRows);
      // Records answered a moment ago may still be on their way to the store.
      await context.pending.settled(PENDING_APPENDS_MAX_MS);
      const outcome = await addLabels(items);
      const { unknown, invalid } = notStored(items, outcome);
      context.logger.info('feedback', {
        requestId: requestIdOf(res),
        accepted: outcome.accepted,
        unknown: outcome.unknown.length,
        invalid: outcome.invalid.length,
      });
      if (outcome.accepted === 0) {
        const all = [...unknown, ...invalid].sort((a, b) => a.index - b.index);
        const details: ProblemDetail[] = all.map((r) => ({
          path: `[${r.index}]`,
          problem: `${r.request_id}: ${r.problem}`,
        }));
        throw new ServingHttpError({
          code: 'LABELS_REJECTED',
          message: `No label was stored: ${outcome.unknown.length} unknown request id(s), ${outcome.invalid.length} label(s) not among the model's classes; see details.`,
          details,
        });
      }
      res.json({
        accepted: outcome.accepted,
        unknown: outcome.unknown,
        invalid,
      });
    },
  );
}
