import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { apiUrl } from '../context.js';
import type { ApiContext } from '../context.js';
import { MlflowError, isNotFound } from '../errors.js';
import { collectPages } from '../pagination.js';
import type { Page } from '../pagination.js';
import { toPairs } from '../schema-util.js';
import { emptySchema } from '../tracking/schemas.js';
import type { RegistrySearchOptions } from './registered-models.js';
import { modelVersionResponse, modelVersionSchema } from './schemas.js';
import type { ModelVersion } from './schemas.js';

/** Options of {@link ModelVersionsApi.create}. */
export interface CreateModelVersionOptions {
  /** Registered model name. */
  name: string;
  /** Where the files are: `models:/<model_id>` for an MLflow 3 logged model. */
  source: string;
  /** The logged model this version is made from (MLflow 3). */
  modelId?: string;
  runId?: string;
  description?: string;
  tags?: Readonly<Record<string, string>>;
}

/** Names one model version. */
export interface VersionRef {
  name: string;
  version: string;
}

/** Options of {@link ModelVersionsApi.waitUntilReady}. */
export interface WaitOptions {
  /** @default 60000 */
  timeoutMs?: number;
  /** @default 500 */
  intervalMs?: number;
}

const searchResponse = z.object({
  model_versions: z.array(modelVersionSchema).optional().default([]),
  next_page_token: z.string().optional(),
});

/** Model versions: create, get, search, download URI, tags, delete, wait for READY. */
export class ModelVersionsApi {
  constructor(private readonly ctx: ApiContext) {}

  /**
   * Registers a new version. Not idempotent (a repeat makes another version), so retried only
   * when the request surely never arrived.
   */
  async create(options: CreateModelVersionOptions): Promise<ModelVersion> {
    const res = await this.ctx.transport.json({
      method: 'POST',
      url: apiUrl(this.ctx, 'model-versions/create'),
      body: {
        name: options.name,
        source: options.source,
        tags: toPairs(options.tags),
        ...(options.modelId === undefined ? {} : { model_id: options.modelId }),
        ...(options.runId === undefined ? {} : { run_id: options.runId }),
        ...(options.description === undefined ? {} : { description: options.description }),
      },
      schema: modelVersionResponse,
      idempotent: false,
    });
    return res.model_version;
  }

  /** One version. */
  async get(ref: VersionRef): Promise<ModelVersion> {
    const res = await this.ctx.transport.json({
      method: 'GET',
      url: apiUrl(this.ctx, 'model-versions/get'),
      query: { name: ref.name, version: ref.version },
      schema: modelVersionResponse,
    });
    return res.model_version;
  }

  /** One page of versions, e.g. `filter: "name = 'credit-default'"`. */
  async searchPage(options: RegistrySearchOptions = {}): Promise<Page<ModelVersion>> {
    const res = await this.ctx.transport.json({
      method: 'GET',
      url: apiUrl(this.ctx, 'model-versions/search'),
      query: {
        filter: options.filter,
        order_by: options.orderBy,
        max_results: options.maxResults ?? 100,
        page_token: options.pageToken,
      },
      schema: searchResponse,
    });
    return { items: res.model_versions, nextPageToken: res.next_page_token };
  }

  /** Every matching version. */
  async searchAll(options: Omit<RegistrySearchOptions, 'pageToken'> = {}): Promise<ModelVersion[]> {
    return collectPages(
      (pageToken) =>
        this.searchPage({ ...options, ...(pageToken === undefined ? {} : { pageToken }) }),
      { maxPages: this.ctx.limits.pages },
    );
  }

  /**
   * Where the version's files are, e.g. `mlflow-artifacts:/1/models/m-…/artifacts` for a version
   * made from a logged model.
   */
  async getDownloadUri(ref: VersionRef): Promise<string> {
    const res = await this.ctx.transport.json({
      method: 'GET',
      url: apiUrl(this.ctx, 'model-versions/get-download-uri'),
      query: { name: ref.name, version: ref.version },
      schema: z.object({ artifact_uri: z.string() }),
    });
    return res.artifact_uri;
  }

  /** Changes the description. */
  async update(ref: VersionRef, description: string): Promise<ModelVersion> {
    const res = await this.ctx.transport.json({
      method: 'PATCH',
      url: apiUrl(this.ctx, 'model-versions/update'),
      body: { ...ref, description },
      schema: modelVersionResponse,
    });
    return res.model_version;
  }

  /** Sets one tag on the version. */
  async setTag(ref: VersionRef, tag: { key: string; value: string }): Promise<void> {
    await this.ctx.transport.json({
      method: 'POST',
      url: apiUrl(this.ctx, 'model-versions/set-tag'),
      body: { ...ref, ...tag },
      schema: emptySchema,
    });
  }

  /** Deletes one tag of the version. */
  async deleteTag(ref: VersionRef, key: string): Promise<void> {
    await this.#delete('model-versions/delete-tag', { ...ref, key });
  }

  /** Deletes the version; already gone after a retry counts as deleted. */
  async delete(ref: VersionRef): Promise<void> {
    await this.#delete('model-versions/delete', { ...ref });
  }

  /**
   * Polls until the version is READY; FAILED_REGISTRATION or the timeout raise an MlflowError
   * (INVALID_STATE / TIMEOUT).
   */
  async waitUntilReady(ref: VersionRef, options: WaitOptions = {}): Promise<ModelVersion> {
    const deadline = Date.now() + (options.timeoutMs ?? 60_000);
    for (;;) {
      const version = await this.get(ref);
      if (version.status === 'READY') return version;
      if (version.status === 'FAILED_REGISTRATION') {
        throw new MlflowError({
          code: 'INVALID_STATE',
          message: `Model version ${ref.name}/${ref.version} failed registration: ${version.status_message ?? 'no message'}`,
        });
      }
      if (Date.now() >= deadline) {
        throw new MlflowError({
          code: 'TIMEOUT',
          message: `Model version ${ref.name}/${ref.version} still ${version.status} after ${options.timeoutMs ?? 60_000} ms.`,
        });
      }
      await sleep(options.intervalMs ?? 500);
    }
  }

  async #delete(endpoint: string, body: Record<string, string>): Promise<void> {
    try {
      await this.ctx.transport.json({
        method: 'DELETE',
        url: apiUrl(this.ctx, endpoint),
        body,
        schema: emptySchema,
      });
    } catch (err) {
      if (isNotFound(err) && err.attempts > 1) return;
      throw err;
    }
  }
}
