/**
 * The router every route is declared on: each route gives its OpenAPI operation beside its
 * handlers, so /openapi.json lists exactly the routes the server answers (document.ts builds its
 * paths from `routes()`) and a route cannot be served undocumented. Other methods on a declared
 * path answer 405 with Allow.
 */
import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
  type Router,
} from 'express';
import { ServingHttpError } from './errors.js';
import type { Operation } from './openapi/operation.js';

export type Method = 'get' | 'post';

export interface DocumentedRoute {
  readonly method: Method;
  /** Express syntax (`/v2/models/:name`). */
  readonly path: string;
  readonly operation: Operation;
}

export class ApiRouter {
  /** The express router the routes are mounted on (static assets may use it directly). */
  readonly express: Router = express.Router();
  readonly #routes: DocumentedRoute[] = [];

  get(path: string, operation: Operation, ...handlers: RequestHandler[]): void {
    this.#add({ method: 'get', path, operation }, handlers);
  }

  post(path: string, operation: Operation, ...handlers: RequestHandler[]): void {
    this.#add({ method: 'post', path, operation }, handlers);
  }

  /** Every declared route, in declaration order. */
  routes(): readonly DocumentedRoute[] {
    return this.#routes;
  }

  /** After the last route: other methods on a declared path are 405 with Allow, not 404. */
  refuseOtherMethods(): void {
    const methods = new Map<string, Set<Method>>();
    for (const r of this.#routes)
      methods.set(r.path, (methods.get(r.path) ?? new Set()).add(r.method));
    for (const [path, allowed] of methods) {
      const allow = [...allowed].flatMap((m) => (m === 'get' ? ['GET', 'HEAD'] : ['POST']));
      this.express.all(path, methodNotAllowed(allow.join(', ')));
    }
  }

  #add(route: DocumentedRoute, handlers: RequestHandler[]): void {
    this.#routes.push(route);
    this.express[route.method](route.path, ...handlers);
  }
}

function methodNotAllowed(allow: string): RequestHandler {
  return (_req: Request, res: Response, next: NextFunction): void => {
    res.setHeader('Allow', allow);
    next(
      new ServingHttpError({ code: 'METHOD_NOT_ALLOWED', message: `Use ${allow} on this path.` }),
    );
  };
}

/** What a path parameter means, where its name alone does not say. */
const PARAMETER_DESCRIPTIONS: Readonly<Record<string, string>> = { name: 'Registered model name' };

/** `/v2/models/:name` → `/v2/models/{name}`, with its path parameters. */
export function openApiPath(path: string): { path: string; parameters: Record<string, unknown>[] } {
  const parameters: Record<string, unknown>[] = [];
  const converted = path.replace(/:([A-Za-z_]\w*)/g, (_m, name: string) => {
    const description = PARAMETER_DESCRIPTIONS[name];
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
