/**
 * Monitoring: drift against the model's reference (Evidently's rules), performance from labels,
 * reports, the retraining policy and loop, and traffic simulation.
 */
export * from './drift/index.js';
export { driftReportHtml } from './report/html.js';
export * from './loop/index.js';
export * from './performance/index.js';
export * from './policy/index.js';
export * from './simulate/index.js';
