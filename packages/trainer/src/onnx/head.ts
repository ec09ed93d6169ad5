/**
 * The graph's back: a `[N, 1]` double logit becomes the `probability` float32 `[N]` output and
 * the `label` int64 `[N]` output (1 when probability >= threshold).
 */
import { type GraphBuilder, DataType, float32AtLeast } from '@champion/onnx';
import { BATCH_DIM } from './preprocess.js';

export const PROBABILITY_OUTPUT = 'probability';
export const LABEL_OUTPUT = 'label';

export function addOutputs(
  g: GraphBuilder,
  { logit, threshold }: { logit: string; threshold: number },
): void {
  const axes = g.constant('axes_1', { dataType: DataType.INT64, dims: [1], values: [1] });
  const probability = g.node('Sigmoid', [logit], { name: 'probability_double' });
  const float = g.node('Cast', [probability], {
    name: 'probability_float',
    attributes: { to: { type: 'int', value: DataType.FLOAT } },
  });
  const flat = g.node('Squeeze', [float, axes], { name: 'probability_flat' });
  const cut = g.constant('threshold', {
    dataType: DataType.FLOAT,
    dims: [],
    values: [float32AtLeast(threshold)],
  });
  const positive = g.node('GreaterOrEqual', [flat, cut], { name: 'is_positive' });
  const label = g.node('Cast', [positive], {
    name: 'label_int64',
    attributes: { to: { type: 'int', value: DataType.INT64 } },
  });
  g.output(flat, { name: PROBABILITY_OUTPUT, elemType: DataType.FLOAT, shape: [BATCH_DIM] });
  g.output(label, { name: LABEL_OUTPUT, elemType: DataType.INT64, shape: [BATCH_DIM] });
}
