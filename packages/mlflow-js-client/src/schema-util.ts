import { z } from 'zod';

/** MLflow's int64 fields arrive as JSON numbers or, from some proxies/versions, as strings. */
export const int64 = z.union([z.number(), z.string().regex(/^-?\d+$/)]).transform(Number);

/** A `{key, value}` pair as MLflow sends tags and params. */
export const keyValue = z.object({ key: z.string(), value: z.string().default('') });
export type KeyValue = z.infer<typeof keyValue>;

/** MLflow omits empty repeated fields; this reads them as []. */
export function list<T extends z.ZodType>(item: T) {
  return z.array(item).optional().default([]);
}

/** Turns `[{key, value}]` into a plain record (last one wins, as on the server). */
export function toRecord(pairs: readonly KeyValue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { key, value } of pairs) out[key] = value;
  return out;
}

/** Turns a record into MLflow's `[{key, value}]`. */
export function toPairs(record: Readonly<Record<string, string>> | undefined): KeyValue[] {
  if (record === undefined) return [];
  return Object.entries(record).map(([key, value]) => ({ key, value }));
}
