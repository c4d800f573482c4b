/**
 * `cdn/news-elements.js`: all three elements, registered, and what the package exports, in one file; but for
 * `<news-config>`, which has a small file of its own (`news-config.js`) for the pages that use it, and the
 * synchronous `parseFeed`, which is `feed.js`: the elements read feeds with a reader that loads rare formats on
 * demand, and `parseFeed` would carry them all.
 */
import { NewsList } from './news-list/news-list.js';
import { NewsArticle } from './news-article/news-article.js';
import { ClickCounter } from './click-counter/click-counter.js';

// The article provides context its counters consume, so it registers first (consumers then find it at once).
NewsArticle.define();
NewsList.define();
ClickCounter.define();

// Every export of index.ts but NewsConfig and parseFeed: a test compares the two lists.
export {
  NewsElement,
  NewsList,
  type NewsListLayout,
  NewsArticle,
  ClickCounter,
  CounterClient,
  sanitizeHtml,
  type SanitizeOptions,
  fetchFeed,
  type FetchFeedOptions,
  FeedCache,
  feedCache,
  FeedError,
  type FeedErrorCode,
  type NewsFeed,
  type NewsItem,
  type NewsImage,
  type ParseFeedOptions,
  NewsLoadEvent,
  NewsErrorEvent,
  NewsSelectEvent,
  ClickCountChangeEvent,
  type DateStyle,
  version,
} from './index.js';
