// Development and tests only (see module-worker.ts): runs a worker's TypeScript module
// (process.argv[2], a file URL) through tsx. Built packages start their dist .js workers directly.
import { register } from 'tsx/esm/api';

register();
await import(process.argv[2]);
