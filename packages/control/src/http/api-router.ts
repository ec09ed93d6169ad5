/**
 * Control's documented router: http-kit's ApiRouter with JSON operations and control's 405
 * error; openapi.ts builds /openapi.json's paths from `routes()`.
 */
import * as kit from '@champion/http-kit';
import { ControlError } from '../errors.js';

export type Json = Record<string, unknown>;
export type DocumentedRoute = kit.DocumentedRoute<Json>;

export class ApiRouter extends kit.ApiRouter<Json> {
  constructor() {
    super({
      methodNotAllowed: (message) => new ControlError({ code: 'METHOD_NOT_ALLOWED', message }),
    });
  }
}
