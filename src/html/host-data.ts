/**
 * Items a host page hands to an element (`items`, `feed`, `item`): often JSON from a CMS, so as untrusted as a
 * feed. Each becomes a valid NewsItem: text fields are strings, dates are Dates or absent, lists are lists of
 * strings, and links and images pass the URL policy or are left out. Objects that are no item are skipped.
 */
import type { NewsFeed, NewsItem } from '../feed/types.js';
import { safeImageUrl, safeLinkUrl } from './url-policy.js';

type Loose = Record<string, unknown>;

const str = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
const strs = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).map(str).filter((s): s is string => !!s);
function date(value: unknown): Date | undefined {
  const d =
    value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : null;
  return d && !Number.isNaN(d.getTime()) ? d : undefined;
}

const cache = new WeakMap<object, NewsItem | null>();

/** One item made safe to render, or undefined when `value` is no item (no title and no link). */
export function trustedItem(value: unknown): NewsItem | undefined {
  if (!value || typeof value !== 'object') return undefined;
  let item = cache.get(value);
  if (item === undefined) {
    const v = value as Loose;
    const url = safeLinkUrl(v.url);
    const title = str(v.title) ?? '';
    // Read when first used, as parseFeed's own items are: a list showing 10 of 1,000 checks 10 bodies and images.
    let derived: Pick<NewsItem, 'summary' | 'contentHtml' | 'image'> | undefined;
    const more = () => {
      if (!derived) {
        const image = v.image as Loose | undefined;
        const imageUrl = safeImageUrl(typeof image === 'string' ? image : image?.url);
        derived = {
          summary: str(v.summary),
          contentHtml: str(v.contentHtml),
          image: imageUrl ? { url: imageUrl, alt: str(image?.alt) } : undefined,
        };
      }
      return derived;
    };
    item =
      title || url
        ? {
            id: str(v.id) || url || title,
            title,
            url,
            published: date(v.published),
            updated: date(v.updated),
            get summary() {
              return more().summary;
            },
            set summary(summary) {
              more().summary = summary;
            },
            get contentHtml() {
              return more().contentHtml;
            },
            set contentHtml(contentHtml) {
              more().contentHtml = contentHtml;
            },
            get image() {
              return more().image;
            },
            set image(image) {
              more().image = image;
            },
            authors: strs(v.authors),
            categories: strs(v.categories),
          }
        : null;
    cache.set(value, item);
  }
  return item ?? undefined;
}

/** The items of an `items` array or a `feed` object that are items; anything else gives none. */
export function trustedItems(value: unknown): NewsItem[] {
  return Array.isArray(value) ? value.map(trustedItem).filter((item): item is NewsItem => !!item) : [];
}

/** A `feed` object with its items made safe, or undefined when it is no feed. */
export function trustedFeed(value: unknown): NewsFeed | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Loose;
  return {
    title: str(v.title) ?? '',
    language: str(v.language),
    url: safeLinkUrl(v.url),
    items: trustedItems(v.items),
  };
}

/** What a list shows of the data a host gave: `items` (which win) under the title of `feed`, else `feed`. */
export function trustedList(items: unknown, feed: unknown): NewsFeed | undefined {
  const shaped = feed == null ? undefined : trustedFeed(feed);
  return items == null ? shaped : { title: shaped?.title ?? '', items: trustedItems(items) };
}
