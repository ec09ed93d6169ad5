/**
 * `@champion/runtime/compiled`: what a scoring worker thread needs to run a compiled program,
 * without the rest of the runtime (no onnxruntime, no model loading) so each worker stays small.
 */
export {
  makeScoreFunction,
  treesMemory,
  type EncoderSpec,
  type ScoreFunction,
  type ScoreSpec,
  type TreesMemory,
  type TreesModule,
} from './score-function.js';
