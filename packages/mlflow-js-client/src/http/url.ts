/** URL helpers shared by the transport and the API modules. */

export type QueryValue = string | number | boolean | readonly string[] | undefined;

/** `URL#toString()` without user:password, for messages and logs. */
export function redactUrl(url: URL): string {
  if (url.username === '' && url.password === '') return url.toString();
  const copy = new URL(url.toString());
  copy.username = '';
  copy.password = '';
  return copy.toString();
}

/** Appends query parameters; arrays repeat the key (MLflow's `order_by=a&order_by=b`). */
export function withQuery(url: URL, query: Record<string, QueryValue> | undefined): URL {
  const out = new URL(url.toString());
  if (query === undefined) return out;
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      for (const item of value as readonly string[]) out.searchParams.append(key, item);
    } else {
      out.searchParams.append(key, String(value));
    }
  }
  return out;
}

/** Joins path segments onto a base URL, keeping any path prefix of the base (`/mlflow`). */
export function joinUrl(base: URL, ...segments: string[]): URL {
  const out = new URL(base.toString());
  const parts = [out.pathname, ...segments]
    .join('/')
    .split('/')
    .filter((part) => part !== '');
  out.pathname = `/${parts.join('/')}`;
  out.search = '';
  out.hash = '';
  return out;
}

/** Percent-encodes each segment of a relative artifact path, keeping the slashes. */
export function encodePath(path: string): string {
  return path
    .split('/')
    .filter((part) => part !== '')
    .map(encodeURIComponent)
    .join('/');
}
