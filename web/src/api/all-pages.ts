/** One page of a list as the API returns it. */
export interface ListPage<T> {
  items: T[];
  total?: number;
  nextCursor?: string | null;
}

/** More than this many pages is taken for a server that keeps answering, not for a real list. */
const MAX_PAGES = 100;

/**
 * Every item of a paginated list: follows `nextCursor` page after page (each at the API's largest
 * `limit`), dropping an item already seen when a record moved between pages while they were read.
 */
export async function allPages<T extends { id: string }>(
  fetchPage: (cursor: string | undefined) => Promise<ListPage<T>>,
): Promise<{ items: T[]; total: number }> {
  const seen = new Set<string>();
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await fetchPage(cursor);
    for (const item of result.items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      items.push(item);
    }
    if (!result.nextCursor || result.items.length === 0) break;
    cursor = result.nextCursor;
  }
  return { items, total: items.length };
}
