import type { ClientLimits } from './limits.js';
import type { Logger } from './logger.js';
import type { Transport } from './http/transport.js';
import { joinUrl } from './http/url.js';

/** What every sub-API gets from the client: the transport and URL builders. */
export interface ApiContext {
  transport: Transport;
  logger: Logger;
  /** Bounds on listings, pages and answers (see limits.ts). */
  limits: ClientLimits;
}

/** `<tracking uri>/api/2.0/mlflow/<endpoint>`. */
export function apiUrl(ctx: ApiContext, endpoint: string): URL {
  return joinUrl(ctx.transport.baseUrl, 'api/2.0/mlflow', endpoint);
}
