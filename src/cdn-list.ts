/** `cdn/news-list.js`: <news-list> alone, registered, with the feed parser; the smallest file for list-only pages. */
export { NewsList } from './news-list/define.js';
export { parseFeed } from './feed/parse-feed.js';
export { FeedError, type FeedErrorCode } from './feed/feed-error.js';
export type { NewsFeed, NewsItem, NewsImage, ParseFeedOptions } from './feed/types.js';
import type { SanitizeOptions } from './html/sanitize.js';
export type { SanitizeOptions };

/** `sanitizeHtml`, loaded with its module on first use (a list never needs it). */
export const sanitizeHtml = async (html: string, options?: SanitizeOptions): Promise<DocumentFragment> =>
  (await import('./html/sanitize.js')).sanitizeHtml(html, options);
