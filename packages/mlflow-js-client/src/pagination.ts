import { MlflowError } from './errors.js';
import { limitOption } from './limits.js';

/** One page of a paginated MLflow listing. */
export interface Page<T> {
  items: T[];
  /** Pass back as `pageToken` for the next page; undefined on the last page. */
  nextPageToken: string | undefined;
}

/**
 * Follows `next_page_token` until the server stops returning one. A token seen before (a server
 * going round in circles) or more than `maxPages` pages end in an error rather than a loop or a
 * silently shortened result.
 */
export async function collectPages<T>(
  fetchPage: (pageToken: string | undefined) => Promise<Page<T>>,
  options: { maxPages: number },
): Promise<T[]> {
  const all: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  for (let page = 1; ; page++) {
    const res = await fetchPage(token);
    all.push(...res.items);
    const next = res.nextPageToken;
    if (next === undefined || next === '') return all;
    if (seen.has(next)) {
      throw new MlflowError({
        code: 'BAD_RESPONSE',
        message: `The server handed back page token ${JSON.stringify(next.slice(0, 80))} a second time (page ${page}); a listing that repeats itself would never end.`,
      });
    }
    if (page >= options.maxPages) {
      throw new MlflowError({
        code: 'LIMIT_EXCEEDED',
        message: `The server still had more pages after ${options.maxPages} (${all.length} items); raise ${limitOption('pages')} if this listing is really that long.`,
      });
    }
    seen.add(next);
    token = next;
  }
}
