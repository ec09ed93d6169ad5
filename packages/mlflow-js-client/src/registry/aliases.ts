import { apiUrl } from '../context.js';
import type { ApiContext } from '../context.js';
import { MlflowError } from '../errors.js';
import { emptySchema } from '../tracking/schemas.js';
import { modelVersionResponse } from './schemas.js';
import type { ModelVersion } from './schemas.js';

/** Names one alias of a registered model. */
export interface AliasRef {
  name: string;
  alias: string;
}

/**
 * MLflow (3.17 included) answers a missing alias of an existing model with
 * INVALID_PARAMETER_VALUE / HTTP 400 "Registered model alias X not found."; this turns that one
 * case into RESOURCE_DOES_NOT_EXIST so callers can use isNotFound().
 */
function missingAliasAsNotFound(err: unknown, ref: AliasRef): unknown {
  if (
    err instanceof MlflowError &&
    err.code === 'INVALID_PARAMETER_VALUE' &&
    /alias .* not found/i.test(err.message)
  ) {
    return err.withCode(
      'RESOURCE_DOES_NOT_EXIST',
      `Registered model '${ref.name}' has no alias '${ref.alias}' (${err.message})`,
    );
  }
  return err;
}

/** Aliases (`@champion`, `@challenger`) of registered models. */
export class AliasesApi {
  constructor(private readonly ctx: ApiContext) {}

  /** Points the alias at a version (moves it if it pointed elsewhere). Idempotent. */
  async set(ref: AliasRef, version: string): Promise<void> {
    await this.ctx.transport.json({
      method: 'POST',
      url: apiUrl(this.ctx, 'registered-models/alias'),
      body: { name: ref.name, alias: ref.alias, version },
      schema: emptySchema,
    });
  }

  /** The version the alias points at; isNotFound(err) when the alias or model is missing. */
  async getVersion(ref: AliasRef): Promise<ModelVersion> {
    try {
      const res = await this.ctx.transport.json({
        method: 'GET',
        url: apiUrl(this.ctx, 'registered-models/alias'),
        query: { name: ref.name, alias: ref.alias },
        schema: modelVersionResponse,
      });
      return res.model_version;
    } catch (err) {
      throw missingAliasAsNotFound(err, ref);
    }
  }

  /** Removes the alias (MLflow answers success even when it did not exist). */
  async delete(ref: AliasRef): Promise<void> {
    await this.ctx.transport.json({
      method: 'DELETE',
      url: apiUrl(this.ctx, 'registered-models/alias'),
      body: { name: ref.name, alias: ref.alias },
      schema: emptySchema,
    });
  }
}
