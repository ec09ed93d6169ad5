/** One page of a paginated MLflow listing. */
export interface Page<T> {
  items: T[];
  /** Pass back as `pageToken` for the next page; undefined on the last page. */
  nextPageToken: string | undefined;
}

/** Upper bound on pages followed, so a server handing back the same token cannot loop forever. */
const MAX_PAGES = 100_000;

/** Follows `next_page_token` until the server stops returning one. */
export async function collectPages<T>(
  fetchPage: (pageToken: string | undefined) => Promise<Page<T>>,
): Promise<T[]> {
  const all: T[] = [];
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await fetchPage(token);
    all.push(...res.items);
    if (
      res.nextPageToken === undefined ||
      res.nextPageToken === '' ||
      res.nextPageToken === token
    ) {
      return all;
    }
    token = res.nextPageToken;
  }
  return all;
}
