/**
 * `cdn/news-widgets.js`, the file the README's snippet loads: a small loader that fetches one file for the page,
 * `news-list.js` when the page only lists news, `news-elements.js` (all three elements) when it also shows an
 * article or a counter, and the latter later on if such a tag is added after all. One self-contained file per page
 * compresses better than many small chunks. It exports the feed parser and the sanitiser of that file.
 */
import type * as ListFile from './cdn-list.js';

export type { NewsFeed, NewsItem, NewsImage, ParseFeedOptions } from './feed/types.js';
export type { FeedErrorCode } from './feed/feed-error.js';
export type { SanitizeOptions } from './html/sanitize.js';

type Bundle = typeof ListFile;
// Computed addresses: the bundler leaves them alone, and they resolve beside this file on any CDN.
const file = (name: string): Promise<Bundle> => import(new URL(name, import.meta.url).href) as Promise<Bundle>;
const NEEDS_ALL = 'news-article,click-counter';

let all: Promise<Bundle> | undefined;
const loadAll = (): Promise<Bundle> => (all ??= file('./news-elements.js'));

/**
 * Loads what `root` (the document by default) uses. Elements inside other shadow roots (an app's own components)
 * are out of sight of the page-wide observer: call this with that shadow root.
 */
export function discover(root: ParentNode = document): Promise<void> {
  const element = root as Element;
  const wantsAll = element.matches?.(NEEDS_ALL) || root.querySelector(NEEDS_ALL);
  return wantsAll && !customElements.get('news-article') ? loadAll().then(() => undefined) : Promise.resolve();
}

// A module script runs once the page is parsed, so the tags it has are known now.
const first: Bundle = await (document.querySelector(NEEDS_ALL) ? loadAll() : file('./news-list.js'));

/** Parses a feed (see the package's `parseFeed`). */
export const parseFeed: Bundle['parseFeed'] = first.parseFeed;
export const FeedError: Bundle['FeedError'] = first.FeedError;
export const sanitizeHtml: Bundle['sanitizeHtml'] = first.sanitizeHtml;

if (!all) {
  // An article or a counter that a CMS, a framework or a script adds later.
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of Array.from(record.addedNodes)) if (node.nodeType === 1) void discover(node as Element);
    }
    if (all) observer.disconnect();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}
