import { z } from 'zod';
import { apiUrl } from '../context.js';
import type { ApiContext } from '../context.js';
import { isNotFound } from '../errors.js';
import { collectPages } from '../pagination.js';
import type { Page } from '../pagination.js';
import { toPairs } from '../schema-util.js';
import { logInputs } from './inputs.js';
import type { LogInputsOptions } from './inputs.js';
import { planLogBatch } from './log-batch.js';
import { getMetricHistory } from './metrics.js';
import type { MetricHistoryOptions } from './metrics.js';
import type { LogBatchInput } from './log-batch.js';
import { emptySchema, runInfoSchema, runSchema } from './schemas.js';
import type { Metric, Run, RunInfo, RunStatus } from './schemas.js';
import { MLFLOW_LIMITS, validateKey, validateValueLength } from './validation.js';

/** Tag MLflow uses to nest a run under its parent. */
export const PARENT_RUN_ID_TAG = 'mlflow.parentRunId';

/** Options of {@link RunsApi.create}. */
export interface CreateRunOptions {
  experimentId: string;
  runName?: string;
  /** Makes this a child run (sets the `mlflow.parentRunId` tag). */
  parentRunId?: string;
  tags?: Readonly<Record<string, string>>;
  /** @default Date.now() */
  startTime?: number;
  userId?: string;
}

/** Options of {@link RunsApi.update}. */
export interface UpdateRunOptions {
  runId: string;
  status?: RunStatus;
  endTime?: number;
  runName?: string;
}

/** Options of {@link RunsApi.searchPage} / {@link RunsApi.searchAll}. */
export interface SearchRunsOptions {
  experimentIds: readonly string[];
  /** MLflow search syntax, e.g. `params.lr = '0.1' and metrics.auc > 0.8`. */
  filter?: string;
  /** e.g. `['metrics.auc DESC', 'start_time ASC']`. */
  orderBy?: readonly string[];
  /** @default 'ACTIVE_ONLY' */
  viewType?: 'ACTIVE_ONLY' | 'DELETED_ONLY' | 'ALL';
  /** Page size. @default 1000 */
  maxResults?: number;
  pageToken?: string;
}

const runResponse = z.object({ run: runSchema });
const searchResponse = z.object({
  runs: z.array(runSchema).optional().default([]),
  next_page_token: z.string().optional(),
});

/** Runs: lifecycle, search, params/metrics/tags (batched), nesting. */
export class RunsApi {
  constructor(private readonly ctx: ApiContext) {}

  /**
   * Starts a run. Not idempotent on the server, so it is retried only when the request surely
   * never arrived (connection refused, 429/503); otherwise a retry could leave a duplicate run.
   */
  async create(options: CreateRunOptions): Promise<Run> {
    const tags = {
      ...options.tags,
      ...(options.parentRunId === undefined ? {} : { [PARENT_RUN_ID_TAG]: options.parentRunId }),
    };
    const res = await this.ctx.transport.json({
      method: 'POST',
      url: apiUrl(this.ctx, 'runs/create'),
      body: {
        experiment_id: options.experimentId,
        start_time: options.startTime ?? Date.now(),
        tags: toPairs(tags),
        ...(options.runName === undefined ? {} : { run_name: options.runName }),
        ...(options.userId === undefined ? {} : { user_id: options.userId }),
      },
      schema: runResponse,
      idempotent: false,
    });
    return res.run;
  }

  /** The run with its params, metrics (latest values), tags, inputs and outputs. */
  async get(runId: string): Promise<Run> {
    const res = await this.ctx.transport.json({
      method: 'GET',
      url: apiUrl(this.ctx, 'runs/get'),
      query: { run_id: runId },
      schema: runResponse,
    });
    return res.run;
  }

  /** Changes status / end time / name. */
  async update(options: UpdateRunOptions): Promise<RunInfo> {
    const res = await this.ctx.transport.json({
      method: 'POST',
      url: apiUrl(this.ctx, 'runs/update'),
      body: {
        run_id: options.runId,
        ...(options.status === undefined ? {} : { status: options.status }),
        ...(options.endTime === undefined ? {} : { end_time: options.endTime }),
        ...(options.runName === undefined ? {} : { run_name: options.runName }),
      },
      schema: z.object({ run_info: runInfoSchema }),
    });
    return res.run_info;
  }

  /** Ends the run with a final status (default FINISHED) and end time now. */
  async finish(runId: string, status: RunStatus = 'FINISHED'): Promise<RunInfo> {
    return this.update({ runId, status, endTime: Date.now() });
  }

  /** One page of runs. */
  async searchPage(options: SearchRunsOptions): Promise<Page<Run>> {
    const res = await this.ctx.transport.json({
      method: 'POST',
      url: apiUrl(this.ctx, 'runs/search'),
      body: {
        experiment_ids: options.experimentIds,
        max_results: options.maxResults ?? 1000,
        run_view_type: options.viewType ?? 'ACTIVE_ONLY',
        ...(options.filter === undefined ? {} : { filter: options.filter }),
        ...(options.orderBy === undefined ? {} : { order_by: options.orderBy }),
        ...(options.pageToken === undefined ? {} : { page_token: options.pageToken }),
      },
      schema: searchResponse,
    });
    return { items: res.runs, nextPageToken: res.next_page_token };
  }

  /** Every matching run, following page tokens to the end. */
  async searchAll(options: Omit<SearchRunsOptions, 'pageToken'>): Promise<Run[]> {
    return collectPages(
      (pageToken) =>
        this.searchPage({ ...options, ...(pageToken === undefined ? {} : { pageToken }) }),
      { maxPages: this.ctx.limits.pages },
    );
  }

  /** Marks the run deleted. Repeating it after a lost answer is harmless. */
  async delete(runId: string): Promise<void> {
    await this.#post('runs/delete', { run_id: runId });
  }

  /** Restores a deleted run. */
  async restore(runId: string): Promise<void> {
    await this.#post('runs/restore', { run_id: runId });
  }

  /**
   * Logs any number of metrics/params/tags, split into requests within MLflow's limits.
   * Everything is validated before the first request; NaN/Infinity are refused naming the key.
   * Retries are safe: re-logging a param with the same value and a metric with the same
   * (key, value, step, timestamp) are no-ops on the server.
   * @returns how many requests were sent.
   */
  async logBatch(runId: string, input: LogBatchInput): Promise<number> {
    const requests = planLogBatch(runId, input);
    for (const body of requests) await this.#post('runs/log-batch', body);
    return requests.length;
  }

  /** Sets one run tag (overwrites). */
  async setTag(runId: string, key: string, value: string): Promise<void> {
    validateKey(key, `tag '${key}'`);
    validateValueLength(value, MLFLOW_LIMITS.maxTagValueLength, `tag '${key}'`);
    await this.#post('runs/set-tag', { run_id: runId, key, value });
  }

  /** Deletes one run tag; a tag already gone after a retried request counts as deleted. */
  async deleteTag(runId: string, key: string): Promise<void> {
    try {
      await this.#post('runs/delete-tag', { run_id: runId, key });
    } catch (err) {
      if (isNotFound(err) && err.attempts > 1) return;
      throw err;
    }
  }

  /** Every value ever logged for one metric (all pages). */
  async getMetricHistory(options: MetricHistoryOptions): Promise<Metric[]> {
    return getMetricHistory(this.ctx, options);
  }

  /** Records datasets (with `mlflow.data.context` and other input tags) used by the run. */
  async logInputs(options: LogInputsOptions): Promise<void> {
    return logInputs(this.ctx, options);
  }

  /**
   * Links logged models as outputs of the run (`runs/outputs`), which is how MLflow 3 shows
   * "this run produced this model".
   */
  async logOutputs(
    runId: string,
    models: readonly { modelId: string; step?: number }[],
  ): Promise<void> {
    await this.#post('runs/outputs', {
      run_id: runId,
      models: models.map((m) => ({ model_id: m.modelId, step: m.step ?? 0 })),
    });
  }

  async #post(endpoint: string, body: object): Promise<void> {
    await this.ctx.transport.json({
      method: 'POST',
      url: apiUrl(this.ctx, endpoint),
      body,
      schema: emptySchema,
    });
  }
}
