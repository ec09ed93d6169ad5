/**
 * `exportOnnx`: a trained model → the bytes of `model.onnx` as described in DESIGN.md ("The model
 * artifact"): one rank-1 input per feature, outputs `label` and `probability`, preprocessing in
 * the graph, and champion's metadata in `metadata_props`.
 */
import type { Model } from '../model/types.js';
import { OnnxError, GraphBuilder, ML_DOMAIN, encodeModel } from '@champion/onnx';
import { addGbdtLogit } from './export-gbdt.js';
import { addLogRegLogit } from './export-logreg.js';
import { addOutputs } from './head.js';
import { METADATA_KEYS, PRODUCER_NAME } from './metadata.js';
import { concatColumns, featureColumns } from './preprocess.js';
import { validateModel } from './validate.js';

/** ONNX IR 10 goes with opset 21 and ai.onnx.ml 5 (onnx 1.16), all supported by ORT >= 1.20. */
export const IR_VERSION = 10;
export const ONNX_OPSET = 21;
export const ONNX_ML_OPSET = 5;

export interface ExportOnnxOptions {
  /** Decision threshold on the positive-class probability: `label = probability >= threshold`. */
  readonly threshold: number;
  /** The class label that `label = 1` stands for (recorded in metadata). */
  readonly positiveLabel: string;
  /** Digest of `champion/schema.json`, so serving can tell the model and schema belong together. */
  readonly schemaDigest: string;
  /** champion's version, written as the ModelProto producer_version. */
  readonly producerVersion: string;
  /** Extra metadata_props; champion's own keys (`champion.*`) win on a clash. */
  readonly metadata?: Readonly<Record<string, string>>;
}

/** Serializes `model` as an ONNX ModelProto. Throws `OnnxError` for a model it cannot express. */
export function exportOnnx(model: Model, options: ExportOnnxOptions): Uint8Array {
  if (!(options.threshold >= 0 && options.threshold <= 1)) {
    throw new OnnxError(
      'invalid-options',
      `Cannot export the model to ONNX: threshold ${options.threshold} is not a probability in [0, 1].`,
    );
  }
  validateModel(model);
  const g = new GraphBuilder();
  const columns = featureColumns(g, model.features);
  const logit =
    model.kind === 'gbdt'
      ? addGbdtLogit(g, { model, features: concatColumns(g, columns, 'feature_matrix') })
      : addLogRegLogit(g, { model, columns });
  addOutputs(g, { logit, threshold: options.threshold });
  return encodeModel({
    irVersion: IR_VERSION,
    opsetImports: [
      { domain: '', version: ONNX_OPSET },
      { domain: ML_DOMAIN, version: ONNX_ML_OPSET },
    ],
    producerName: PRODUCER_NAME,
    producerVersion: options.producerVersion,
    docString: `champion ${model.kind} binary classifier`,
    graph: g.build(`champion_${model.kind}`),
    metadataProps: metadataProps(model, options),
  });
}

function metadataProps(model: Model, options: ExportOnnxOptions): [string, string][] {
  const own: Record<string, string> = {
    [METADATA_KEYS.producer]: PRODUCER_NAME,
    [METADATA_KEYS.producerVersion]: options.producerVersion,
    [METADATA_KEYS.modelKind]: model.kind,
    [METADATA_KEYS.threshold]: String(options.threshold),
    [METADATA_KEYS.positiveLabel]: options.positiveLabel,
    [METADATA_KEYS.schemaDigest]: options.schemaDigest,
    [METADATA_KEYS.features]: JSON.stringify(model.features.map((f) => f.name)),
    [METADATA_KEYS.featureKinds]: JSON.stringify(model.features.map((f) => f.kind)),
  };
  return Object.entries({ ...options.metadata, ...own });
}
