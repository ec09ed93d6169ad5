/** Test helpers of the inference store (for this package's tests and serving's). */
export {
  PG_URL,
  dropSchema,
  freshSchema,
  pgProblem,
  postgresAvailable,
  withClient,
} from './postgres.js';
export { testRecord } from './records.js';
