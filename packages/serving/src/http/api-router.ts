/**
 * Serving's documented router: http-kit's ApiRouter with serving's operations and its 405 error.
 * document.ts builds /openapi.json's paths from `routes()`.
 */
import * as kit from '@champion/http-kit';
import { ServingHttpError } from './errors.js';
import type { Operation } from './openapi/operation.js';

export type DocumentedRoute = kit.DocumentedRoute<Operation>;

export class ApiRouter extends kit.ApiRouter<Operation> {
  constructor() {
    super({
      methodNotAllowed: (message) => new ServingHttpError({ code: 'METHOD_NOT_ALLOWED', message }),
    });
  }
}

/** What a path parameter means, where its name alone does not. */
const PARAMETER_DESCRIPTIONS: Readonly<Record<string, string>> = { name: 'Registered model name' };

/** `/v2/models/:name` → `/v2/models/{name}`, with its path parameters. */
export function openApiPath(path: string): { path: string; parameters: Record<string, unknown>[] } {
  return kit.openApiPath(path, PARAMETER_DESCRIPTIONS);
}
