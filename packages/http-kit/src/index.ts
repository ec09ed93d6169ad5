/**
 * The HTTP pieces every champion service shares (serving, control): API key, request id, access
 * log, HTTP metrics, the error body and handler, the documented router. Generic: what an error
 * code means and which errors a service has stay in the service, passed in as callbacks.
 */
export { accessLog, logExchange, type AccessLogOptions, type Exchange } from './access-log.js';
export {
  API_KEY_NEEDED,
  hasApiKey,
  requireApiKey,
  type ApiKey,
  type RequireApiKeyOptions,
} from './api-key.js';
export { ApiRouter, openApiPath, type DocumentedRoute, type Method } from './api-router.js';
export {
  MALFORMED_JSON,
  bodyProblem,
  type BodyErrorCode,
  type BodyProblem,
} from './body-errors.js';
export {
  INTERNAL,
  INTERNAL_MESSAGE,
  errorBody,
  type ClientError,
  type ErrorBody,
  type ProblemDetail,
} from './error-body.js';
export {
  errorHandler,
  errorResponder,
  notFound,
  type ErrorExchange,
  type ErrorHandlerOptions,
} from './error-handler.js';
export { HttpMetrics, type HttpLabel } from './http-metrics.js';
export type { HttpLogger } from './logger.js';
export { sendJson } from './json-response.js';
export { chooseRequestId, requestId, requestIdOf } from './request-id.js';
