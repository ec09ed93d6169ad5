import { z } from 'zod';
import { apiUrl } from '../context.js';
import type { ApiContext } from '../context.js';
import { collectPages } from '../pagination.js';
import { metricSchema } from './schemas.js';
import type { Metric } from './schemas.js';

const historyResponse = z.object({
  metrics: z.array(metricSchema).optional().default([]),
  next_page_token: z.string().optional(),
});

/** Options of {@link getMetricHistory}. */
export interface MetricHistoryOptions {
  runId: string;
  key: string;
  /** Page size. @default 25000 (MLflow's maximum) */
  pageSize?: number;
}

/** Every recorded value of one metric of one run, following page tokens to the end. */
export async function getMetricHistory(
  ctx: ApiContext,
  options: MetricHistoryOptions,
): Promise<Metric[]> {
  return collectPages(
    async (pageToken) => {
      const res = await ctx.transport.json({
        method: 'GET',
        url: apiUrl(ctx, 'metrics/get-history'),
        query: {
          run_id: options.runId,
          metric_key: options.key,
          max_results: options.pageSize ?? 25_000,
          page_token: pageToken,
        },
        schema: historyResponse,
      });
      return { items: res.metrics, nextPageToken: res.next_page_token };
    },
    { maxPages: ctx.limits.pages },
  );
}
