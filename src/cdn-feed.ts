/**
 * `cdn/feed.js`: the synchronous feed parser, every format and charset inside, for page scripts that read feeds
 * themselves. The element files leave it out: they read feeds with a parser that loads rare formats on demand.
 */
export { parseFeed } from './feed/parse-feed.js';
export { FeedError, type FeedErrorCode } from './feed/feed-error.js';
export type { NewsFeed, NewsItem, NewsImage, ParseFeedOptions } from './feed/types.js';
