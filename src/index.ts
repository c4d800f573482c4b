/** The package's public API: element classes, the feed parser and types. Importing it registers nothing. */
export { NewsElement } from './news-element.js';
export { NewsList, type NewsListLayout } from './news-list/news-list.js';
export { NewsArticle } from './news-article/news-article.js';
export { ClickCounter } from './click-counter/click-counter.js';
export { NewsConfig } from './news-config/news-config.js';
export type { NewsSettings } from './config-context.js';
export { CounterClient } from './counter/counter-client.js';
export { sanitizeHtml, type SanitizeOptions } from './html/sanitize.js';
export { parseFeed } from './feed/parse-feed.js';
export { fetchFeed, type FetchFeedOptions } from './feed/fetch-feed.js';
export { FeedCache, feedCache } from './feed/feed-cache.js';
export { FeedError, type FeedErrorCode } from './feed/feed-error.js';
export type { NewsFeed, NewsItem, NewsImage, ParseFeedOptions } from './feed/types.js';
export { NewsLoadEvent, NewsErrorEvent, NewsSelectEvent, ClickCountChangeEvent } from './events.js';
export type { DateStyle } from './format/dates.js';
export { version } from './version.js';
