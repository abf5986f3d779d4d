import { describe, expect, it } from '@jest/globals';
import { allPages, type ListPage } from './all-pages.js';

/** A list of `count` records served `size` at a time, as the API pages it. */
function server(count: number, size: number) {
  const records = Array.from({ length: count }, (_, i) => ({ id: `d${i}` }));
  const asked: (string | undefined)[] = [];
  const fetchPage = (cursor: string | undefined): Promise<ListPage<{ id: string }>> => {
    asked.push(cursor);
    const offset = cursor ? Number(cursor) : 0;
    const items = records.slice(offset, offset + size);
    const next = offset + items.length;
    return Promise.resolve({ items, total: count, nextCursor: next < count ? String(next) : null });
  };
  return { fetchPage, asked };
}

describe('allPages', () => {
  it('reads a busy month to its end, page after page', async () => {
    const { fetchPage, asked } = server(250, 100);
    const all = await allPages(fetchPage);
    expect(all.items).toHaveLength(250);
    expect(all.items.at(-1)).toEqual({ id: 'd249' });
    expect(asked).toEqual([undefined, '100', '200']);
  });

  it('asks once for a short list', async () => {
    const { fetchPage, asked } = server(3, 100);
    expect((await allPages(fetchPage)).items).toHaveLength(3);
    expect(asked).toEqual([undefined]);
  });

  it('keeps one copy of a record that shifted onto the next page meanwhile', async () => {
    const pages: ListPage<{ id: string }>[] = [
      { items: [{ id: 'a' }, { id: 'b' }], nextCursor: '2' },
      { items: [{ id: 'b' }, { id: 'c' }], nextCursor: null },
    ];
    let i = 0;
    const all = await allPages(() => Promise.resolve(pages[i++]));
    expect(all.items.map((d) => d.id)).toEqual(['a', 'b', 'c']);
  });
});
