/** Explanations of a model's scores: TreeSHAP for tree ensembles, exact linear attributions. */
export {
  buildExplainer,
  explainBatch,
  emptyExplanations,
  type BatchExplanations,
  type Explainer,
} from './explainer.js';
export { loadExplainer, type ExplainerState, EXPLAINER_FILE } from './load-explainer.js';
export {
  parseExplainerFile,
  ExplainerFileError,
  MAX_TREE_DEPTH,
  type ExplainerFile,
} from './explainer-file.js';
export { verifyExplainer } from './verify.js';
