export { DEFAULT_POLICY, policySchema, type Policy } from './schema.js';
export { loadPolicy, parsePolicy } from './load.js';
export { parseDuration } from './duration.js';
