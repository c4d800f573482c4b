/** Keys of the values elements pass down the tree: an article's id, the counter server, a page's settings. */
import { createContext } from '@lit/context';
import type { DateStyle } from './format/dates.js';

/** The id of the article an element sits in; `<news-article>` provides it, `<click-counter>` reads it. */
export const articleIdContext = createContext<string | undefined>(Symbol.for('news-widgets.article-id'));

/** Base URL of the counter server; `<news-article>` and `<news-list>` provide their `counter-endpoint`. */
export const counterEndpointContext = createContext<string | undefined>(Symbol.for('news-widgets.counter-endpoint'));

/** The settings a `<news-config>` gives every element inside it; a setting it leaves unset is absent. */
export interface NewsSettings {
  lang?: string;
  counterEndpoint?: string;
  timeZone?: string;
  articleHref?: string;
  dateStyle?: DateStyle;
}

/**
 * The nearest `<news-config>`'s settings, merged over those of the configs around it. One context carrying one
 * object, so each element subscribes once.
 */
export const newsConfigContext = createContext<NewsSettings>(Symbol.for('news-widgets.config'));
