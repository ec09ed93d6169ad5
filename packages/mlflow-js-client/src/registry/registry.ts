import type { ApiContext } from '../context.js';
import { AliasesApi } from './aliases.js';
import { ModelVersionsApi } from './model-versions.js';
import { RegisteredModelsApi } from './registered-models.js';

/** The model registry: `models` (registered models), `versions`, `aliases`. */
export class RegistryApi {
  readonly models: RegisteredModelsApi;
  readonly versions: ModelVersionsApi;
  readonly aliases: AliasesApi;

  constructor(ctx: ApiContext) {
    this.models = new RegisteredModelsApi(ctx);
    this.versions = new ModelVersionsApi(ctx);
    this.aliases = new AliasesApi(ctx);
  }
}
