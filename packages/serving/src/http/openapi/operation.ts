/**
 * How a route documents itself: an OpenAPI operation built beside its handler (api-router.ts),
 * with the helpers operations share. Component schemas (generated from zod) are referenced by
 * name; document.ts defines them.
 */

export type Json = Record<string, unknown>;

/** What an operation may depend on: the security requirement of key-protected routes. */
export interface DocContext {
  /** `[]` without an API key; bearer or X-API-Key with one. */
  readonly secured: Json[];
}

/** An OpenAPI operation object, built per document. */
export type Operation = (doc: DocContext) => Json;

export const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });

export const json = (schema: Json): Json => ({ 'application/json': { schema } });

export const errors = (codes: readonly number[], schema = ref('Error')): Json =>
  Object.fromEntries(
    codes.map((c) => [String(c), { description: 'Error', content: json(schema) }]),
  );

/** A GET answering a JSON object, or 503 before a model is served. */
export const getJson =
  (summary: string): Operation =>
  () => ({
    summary,
    responses: {
      '200': { description: 'OK', content: json({ type: 'object' }) },
      ...errors([503]),
    },
  });
