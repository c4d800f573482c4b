/** Registers the news-widgets elements under their standard tags. Importing this module is its only effect. */
import { NewsList } from './news-list/news-list.js';
import { NewsArticle } from './news-article/news-article.js';
import { ClickCounter } from './click-counter/click-counter.js';

// The article provides context its counters consume, so it registers first (consumers then find it at once).
NewsArticle.define();
NewsList.define();
ClickCounter.define();

declare global {
  interface HTMLElementTagNameMap {
    'news-list': NewsList;
    'news-article': NewsArticle;
    'click-counter': ClickCounter;
  }
}

export * from './index.js';
