import type { DatasetData } from './column-data.js';
import type { LoadedReference } from './reference-io.js';

/** A reference read from a data file (no scores: prediction drift needs a model reference). */
export function fileReference(data: DatasetData, source: string): LoadedReference {
  return { data, source, inexact: [] };
}
