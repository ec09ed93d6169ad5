export type * from './model/types.js';
