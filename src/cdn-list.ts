/** `cdn/news-list.js`: <news-list> alone, registered; the smallest file for list-only pages (the parser is `cdn/feed.js`). */
export { NewsList } from './news-list/define.js';
export { FeedError, type FeedErrorCode } from './feed/feed-error.js';
export type { NewsFeed, NewsItem, NewsImage, ParseFeedOptions } from './feed/types.js';
import type { SanitizeOptions } from './html/sanitize.js';
export type { SanitizeOptions };

/** `sanitizeHtml`, loaded with its module on first use (a list never needs it). */
export const sanitizeHtml = async (html: string, options?: SanitizeOptions): Promise<DocumentFragment> =>
  (await import('./html/sanitize.js')).sanitizeHtml(html, options);
