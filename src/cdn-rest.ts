/**
 * The lazy chunk of `cdn/news-widgets.js`: `<news-article>` and `<click-counter>`, registered. The list's own lazy
 * imports (the counter, the host-data shaping, `sanitizeHtml`) resolve to this module in that build
 * (rollup.config.mjs): what the other elements share with them is then fetched once, in one file.
 */
import { NewsArticle } from './news-article/news-article.js';
import { ClickCounter } from './click-counter/click-counter.js';

// The article provides context its counters consume, so it registers first (consumers then find it at once).
NewsArticle.define();
ClickCounter.define();

export { NewsArticle, ClickCounter };
export * from './html/host-data.js';
export { sanitizeHtml } from './html/sanitize.js';
