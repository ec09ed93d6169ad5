import { z } from 'zod';
import { apiUrl } from '../context.js';
import type { ApiContext } from '../context.js';
import { isAlreadyExists, isNotFound } from '../errors.js';
import { collectPages } from '../pagination.js';
import type { Page } from '../pagination.js';
import { toPairs } from '../schema-util.js';
import { emptySchema } from '../tracking/schemas.js';
import { registeredModelResponse, registeredModelSchema } from './schemas.js';
import type { RegisteredModel } from './schemas.js';

/** Options of {@link RegisteredModelsApi.create}. */
export interface CreateRegisteredModelOptions {
  name: string;
  description?: string;
  tags?: Readonly<Record<string, string>>;
}

/** Options of registry searches (registered models and model versions). */
export interface RegistrySearchOptions {
  /** e.g. `name LIKE 'credit-%'` or `name = 'x'`. */
  filter?: string;
  orderBy?: readonly string[];
  /** @default 100 */
  maxResults?: number;
  pageToken?: string;
}

const searchResponse = z.object({
  registered_models: z.array(registeredModelSchema).optional().default([]),
  next_page_token: z.string().optional(),
});

/** Registered models: create (retry-safe), get, search, update, rename, delete, tags. */
export class RegisteredModelsApi {
  constructor(private readonly ctx: ApiContext) {}

  /**
   * Creates a registered model. A retried attempt meeting RESOURCE_ALREADY_EXISTS (the first
   * attempt succeeded but its answer was lost) returns the existing model.
   */
  async create(options: CreateRegisteredModelOptions): Promise<RegisteredModel> {
    try {
      const res = await this.ctx.transport.json({
        method: 'POST',
        url: apiUrl(this.ctx, 'registered-models/create'),
        body: {
          name: options.name,
          tags: toPairs(options.tags),
          ...(options.description === undefined ? {} : { description: options.description }),
        },
        schema: registeredModelResponse,
      });
      return res.registered_model;
    } catch (err) {
      if (isAlreadyExists(err) && err.attempts > 1) return this.get(options.name);
      throw err;
    }
  }

  /** The model with this name, created if missing; safe against a concurrent creator. */
  async getOrCreate(options: CreateRegisteredModelOptions): Promise<RegisteredModel> {
    try {
      return await this.get(options.name);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    try {
      return await this.create(options);
    } catch (err) {
      if (isAlreadyExists(err)) return this.get(options.name);
      throw err;
    }
  }

  /** The registered model with its aliases and latest versions. */
  async get(name: string): Promise<RegisteredModel> {
    const res = await this.ctx.transport.json({
      method: 'GET',
      url: apiUrl(this.ctx, 'registered-models/get'),
      query: { name },
      schema: registeredModelResponse,
    });
    return res.registered_model;
  }

  /** One page of registered models. */
  async searchPage(options: RegistrySearchOptions = {}): Promise<Page<RegisteredModel>> {
    const res = await this.ctx.transport.json({
      method: 'GET',
      url: apiUrl(this.ctx, 'registered-models/search'),
      query: {
        filter: options.filter,
        order_by: options.orderBy,
        max_results: options.maxResults ?? 100,
        page_token: options.pageToken,
      },
      schema: searchResponse,
    });
    return { items: res.registered_models, nextPageToken: res.next_page_token };
  }

  /** Every matching registered model. */
  async searchAll(
    options: Omit<RegistrySearchOptions, 'pageToken'> = {},
  ): Promise<RegisteredModel[]> {
    return collectPages(
      (pageToken) =>
        this.searchPage({ ...options, ...(pageToken === undefined ? {} : { pageToken }) }),
      { maxPages: this.ctx.limits.pages },
    );
  }

  /** Changes the description. */
  async update(name: string, description: string): Promise<RegisteredModel> {
    const res = await this.ctx.transport.json({
      method: 'PATCH',
      url: apiUrl(this.ctx, 'registered-models/update'),
      body: { name, description },
      schema: registeredModelResponse,
    });
    return res.registered_model;
  }

  /** Renames the model (its versions follow). */
  async rename(name: string, newName: string): Promise<RegisteredModel> {
    const res = await this.ctx.transport.json({
      method: 'POST',
      url: apiUrl(this.ctx, 'registered-models/rename'),
      body: { name, new_name: newName },
      schema: registeredModelResponse,
    });
    return res.registered_model;
  }

  /** Deletes the model and all its versions; already gone after a retry counts as deleted. */
  async delete(name: string): Promise<void> {
    await this.#delete('registered-models/delete', { name });
  }

  /** Sets one tag on the registered model. */
  async setTag(name: string, key: string, value: string): Promise<void> {
    await this.ctx.transport.json({
      method: 'POST',
      url: apiUrl(this.ctx, 'registered-models/set-tag'),
      body: { name, key, value },
      schema: emptySchema,
    });
  }

  /** Deletes one tag of the registered model. */
  async deleteTag(name: string, key: string): Promise<void> {
    await this.#delete('registered-models/delete-tag', { name, key });
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
