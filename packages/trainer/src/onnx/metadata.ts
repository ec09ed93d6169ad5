/** The `metadata_props` keys champion writes into every model.onnx, read back by serving. */
export const METADATA_KEYS = {
  producer: 'champion.producer',
  producerVersion: 'champion.producer_version',
  modelKind: 'champion.model_kind',
  threshold: 'champion.threshold',
  positiveLabel: 'champion.positive_label',
  schemaDigest: 'champion.schema_digest',
  /** JSON array of the feature names, in input order. */
  features: 'champion.features',
  /** JSON array of 'numeric' | 'categorical', parallel to `features`. */
  featureKinds: 'champion.feature_kinds',
} as const;

export const PRODUCER_NAME = 'champion';
