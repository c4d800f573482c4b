/** `news-widgets/feed`: fetch, decode, parse, cache. No DOM and no Lit, so it runs in pages, workers and Node. */
export { parseFeed } from './parse-feed.js';
export { parseFeedDate } from './dates.js';
export { decodeFeedBytes } from './decode.js';
export { fetchFeed, type FetchFeedOptions } from './fetch-feed.js';
export { FeedCache, feedCache, type FeedLoadOptions, type FeedLoader } from './feed-cache.js';
export { FeedError, type FeedErrorCode } from './feed-error.js';
export type { NewsFeed, NewsItem, NewsImage, ParseFeedOptions } from './types.js';
