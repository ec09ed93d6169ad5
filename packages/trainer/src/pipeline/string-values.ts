/** The record with every value as its string (MLflow params and tags are strings). */
export function stringValues(record: Readonly<Record<string, unknown>>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, String(v)]));
}
