import { z } from 'zod';
import { apiUrl } from '../context.js';
import type { ApiContext } from '../context.js';
import { isAlreadyExists, isConcurrentInsert, isNotFound } from '../errors.js';
import { identifierSchema } from '../identifiers.js';
import { toPairs } from '../schema-util.js';
import { emptySchema, experimentSchema } from './schemas.js';
import type { Experiment } from './schemas.js';

/** Options of {@link ExperimentsApi.create}. */
export interface CreateExperimentOptions {
  name: string;
  /** Where runs' artifacts go; the server's default artifact root when omitted. */
  artifactLocation?: string;
  tags?: Readonly<Record<string, string>>;
}

const experimentResponse = z.object({ experiment: experimentSchema });

/** Experiments: get, create, get-or-create (race-safe), delete, tags. */
export class ExperimentsApi {
  constructor(private readonly ctx: ApiContext) {}

  /** The experiment with this id; MlflowError RESOURCE_DOES_NOT_EXIST if none. */
  async get(experimentId: string): Promise<Experiment> {
    const res = await this.ctx.transport.json({
      method: 'GET',
      url: apiUrl(this.ctx, 'experiments/get'),
      query: { experiment_id: experimentId },
      schema: experimentResponse,
    });
    return res.experiment;
  }

  /** The experiment with this name; MlflowError RESOURCE_DOES_NOT_EXIST if none. */
  async getByName(name: string): Promise<Experiment> {
    const res = await this.ctx.transport.json({
      method: 'GET',
      url: apiUrl(this.ctx, 'experiments/get-by-name'),
      query: { experiment_name: name },
      schema: experimentResponse,
    });
    return res.experiment;
  }

  /** Like {@link getByName} but undefined when there is no such experiment. */
  async findByName(name: string): Promise<Experiment | undefined> {
    try {
      return await this.getByName(name);
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  /**
   * Creates an experiment and returns its id. When a retried attempt finds that the first one
   * already created it (RESOURCE_ALREADY_EXISTS after a lost answer), the existing id is returned.
   */
  async create(options: CreateExperimentOptions): Promise<string> {
    try {
      const res = await this.ctx.transport.json({
        method: 'POST',
        url: apiUrl(this.ctx, 'experiments/create'),
        body: {
          name: options.name,
          ...(options.artifactLocation === undefined
            ? {}
            : { artifact_location: options.artifactLocation }),
          tags: toPairs(options.tags),
        },
        schema: z.object({ experiment_id: identifierSchema('experiment id') }),
      });
      return res.experiment_id;
    } catch (err) {
      if (isAlreadyExists(err) && err.attempts > 1) {
        return (await this.getByName(options.name)).experiment_id;
      }
      throw err;
    }
  }

  /**
   * The experiment with this name, created if missing. Safe against a concurrent creator: losing
   * the race (RESOURCE_ALREADY_EXISTS) falls back to reading the winner's experiment.
   */
  async getOrCreate(options: CreateExperimentOptions): Promise<Experiment> {
    const existing = await this.findByName(options.name);
    if (existing !== undefined) return existing;
    try {
      return await this.get(await this.create(options));
    } catch (err) {
      if (isAlreadyExists(err)) return this.getByName(options.name);
      throw err;
    }
  }

  /** Moves the experiment to the trash (restorable with {@link restore}). */
  async delete(experimentId: string): Promise<void> {
    await this.#post('experiments/delete', { experiment_id: experimentId });
  }

  /** Brings a deleted experiment back. */
  async restore(experimentId: string): Promise<void> {
    await this.#post('experiments/restore', { experiment_id: experimentId });
  }

  /**
   * Sets one experiment tag. Two processes setting a new tag at once can make the server's
   * insert collide (see {@link isConcurrentInsert}); the set is then repeated once, as an update.
   */
  async setTag(experimentId: string, key: string, value: string): Promise<void> {
    const body = { experiment_id: experimentId, key, value };
    try {
      await this.#post('experiments/set-experiment-tag', body);
    } catch (error) {
      if (!isConcurrentInsert(error)) throw error;
      await this.#post('experiments/set-experiment-tag', body);
    }
  }

  async #post(endpoint: string, body: Record<string, unknown>): Promise<void> {
    await this.ctx.transport.json({
      method: 'POST',
      url: apiUrl(this.ctx, endpoint),
      body,
      schema: emptySchema,
    });
  }
}
