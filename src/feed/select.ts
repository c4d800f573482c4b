/** What a list shows of its feeds: several feeds merged, a category, a limit and pages. Pure functions, no DOM. */
import type { NewsFeed, NewsItem } from './types.js';

/** Several feeds as one: newest first (undated items last), each item once by id or link. */
export function mergeFeeds(feeds: readonly NewsFeed[]): NewsFeed {
  if (feeds.length === 1) return feeds[0];
  const seen = new Set<string>();
  const items: NewsItem[] = [];
  for (const item of feeds.flatMap((f) => f.items)) {
    const keys = [`id:${item.id}`, item.url && `url:${item.url}`].filter((k): k is string => !!k);
    if (keys.some((k) => seen.has(k))) continue;
    keys.forEach((k) => seen.add(k));
    items.push(item);
  }
  const time = (item: NewsItem) => (item.published ?? item.updated)?.getTime() ?? -Infinity;
  // Array.prototype.sort is stable: items of equal date keep their feed order.
  items.sort((a, b) => time(b) - time(a));
  return {
    title: feeds
      .map((f) => f.title)
      .filter(Boolean)
      .join(' · '),
    items,
  };
}

/**
 * The items in `category` (compared without regard to case or surrounding spaces; empty: all) but those whose id
 * is in `exclude` (ids separated by spaces), at most `limit` (0: all).
 */
export function selectItems(items: readonly NewsItem[], category: string, exclude: string, limit: number): NewsItem[] {
  const wanted = category.trim().toLowerCase();
  const excluded = new Set(exclude.split(' '));
  const filtered = items.filter(
    (item) => !excluded.has(item.id) && (!wanted || item.categories.some((c) => c.trim().toLowerCase() === wanted)),
  );
  return limit > 0 ? filtered.slice(0, limit) : filtered;
}

/** The first `pages` pages of `pageSize` items (0: one page of everything). */
export function firstPages<T>(items: readonly T[], pageSize: number, pages: number): T[] {
  return pageSize > 0 ? items.slice(0, pageSize * Math.max(1, pages)) : items.slice();
}
