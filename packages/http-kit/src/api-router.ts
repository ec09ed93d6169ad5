/**
 * The router every route of a service is declared on: each route gives its OpenAPI operation
 * beside its handlers, so the service's /openapi.json lists exactly the routes it answers and a
 * route cannot be served undocumented. Other methods on a declared path answer 405 with Allow.
 * `Op` is the service's operation type (a JSON object, or a function building one).
 */
import express, { type RequestHandler, type Router } from 'express';

export type Method = 'get' | 'post' | 'delete';

export interface DocumentedRoute<Op> {
  readonly method: Method;
  /** Express syntax (`/v2/models/:name`). */
  readonly path: string;
  readonly operation: Op;
}

export class ApiRouter<Op> {
  /** The express router the routes are mounted on (static assets may use it directly). */
  readonly express: Router = express.Router();
  readonly #routes: DocumentedRoute<Op>[] = [];
  readonly #methodNotAllowed: (message: string) => Error;

  /** `methodNotAllowed` builds the service's 405 error from its message. */
  constructor(options: { methodNotAllowed: (message: string) => Error }) {
    this.#methodNotAllowed = options.methodNotAllowed;
  }

  add(route: DocumentedRoute<Op>, ...handlers: RequestHandler[]): void {
    this.#routes.push(route);
    this.express[route.method](route.path, ...handlers);
  }

  get(path: string, operation: Op, ...handlers: RequestHandler[]): void {
    this.add({ method: 'get', path, operation }, ...handlers);
  }

  post(path: string, operation: Op, ...handlers: RequestHandler[]): void {
    this.add({ method: 'post', path, operation }, ...handlers);
  }

  /** Every declared route, in declaration order. */
  routes(): readonly DocumentedRoute<Op>[] {
    return this.#routes;
  }

  /** After the last route: other methods on a declared path are 405 with Allow, not 404. */
  refuseOtherMethods(): void {
    const methods = new Map<string, Set<Method>>();
    for (const r of this.#routes) {
      methods.set(r.path, (methods.get(r.path) ?? new Set()).add(r.method));
    }
    for (const [path, allowed] of methods) {
      const allow = [...allowed]
        .flatMap((m) => (m === 'get' ? ['GET', 'HEAD'] : [m.toUpperCase()]))
        .join(', ');
      const error = this.#methodNotAllowed;
      this.express.all(path, (_req, res, next) => {
        res.setHeader('Allow', allow);
        next(error(`Use ${allow} on this path.`));
      });
    }
  }
}

/**
 * `/v2/models/:name` → `/v2/models/{name}`, with its path parameters; `descriptions` say what a
 * parameter means where its name alone does not.
 */
export function openApiPath(
  path: string,
  descriptions: Readonly<Record<string, string>> = {},
): { path: string; parameters: Record<string, unknown>[] } {
  const parameters: Record<string, unknown>[] = [];
  const converted = path.replace(/:([A-Za-z_]\w*)/g, (_m, name: string) => {
    const description = descriptions[name];
    parameters.push({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string' },
      ...(description === undefined ? {} : { description }),
    });
    return `{${name}}`;
  });
  return { path: converted, parameters };
}
