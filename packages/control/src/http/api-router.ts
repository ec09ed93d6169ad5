/**
 * Routes declared with their OpenAPI operation beside their handlers, so /openapi.json lists
 * exactly what the service answers; other methods on a declared path are 405 with Allow.
 */
import express, { type RequestHandler, type Router } from 'express';
import { ControlError } from '../errors.js';

export type Method = 'get' | 'post' | 'delete';
export type Json = Record<string, unknown>;

export interface DocumentedRoute {
  readonly method: Method;
  readonly path: string;
  readonly operation: Json;
}

export class ApiRouter {
  readonly express: Router = express.Router();
  readonly #routes: DocumentedRoute[] = [];

  add(route: DocumentedRoute, ...handlers: RequestHandler[]): void {
    this.#routes.push(route);
    this.express[route.method](route.path, ...handlers);
  }

  routes(): readonly DocumentedRoute[] {
    return this.#routes;
  }

  refuseOtherMethods(): void {
    const methods = new Map<string, string[]>();
    for (const r of this.#routes)
      methods.set(r.path, [...(methods.get(r.path) ?? []), r.method.toUpperCase()]);
    for (const [path, allowed] of methods) {
      const allow = allowed.join(', ');
      this.express.all(path, (_req, res, next) => {
        res.setHeader('Allow', allow);
        next(
          new ControlError({ code: 'METHOD_NOT_ALLOWED', message: `Use ${allow} on this path.` }),
        );
      });
    }
  }
}
