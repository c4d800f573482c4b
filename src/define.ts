/** Registers the news-widgets elements under their standard tags. Importing this module is its only effect. */
import { NewsList } from './news-list/news-list.js';
import { NewsArticle } from './news-article/news-article.js';
import { ClickCounter } from './click-counter/click-counter.js';
import { NewsConfig } from './news-config/news-config.js';

// Context providers register before their consumers, which then find them at once: the page's config, then the
// article (its counters read its id).
NewsConfig.define();
NewsArticle.define();
NewsList.define();
ClickCounter.define();

declare global {
  interface HTMLElementTagNameMap {
    'news-list': NewsList;
    'news-article': NewsArticle;
    'click-counter': ClickCounter;
    'news-config': NewsConfig;
  }
}

export * from './index.js';
