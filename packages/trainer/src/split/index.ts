export { stratifiedKFold, type Fold, type StratifiedKFoldOptions } from './kfold.js';
export {
  DEFAULT_FRACTIONS,
  stratifiedSplit,
  type RowSplit,
  type SplitFractions,
  type StratifiedSplitOptions,
} from './stratified.js';
export { takeRows } from './take-rows.js';
