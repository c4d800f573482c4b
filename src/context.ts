/** Keys of the values elements pass down the tree: an article's id and the counter server to counters inside. */
import { createContext } from '@lit/context';

/** The id of the article an element sits in; `<news-article>` provides it, `<click-counter>` reads it. */
export const articleIdContext = createContext<string | undefined>(Symbol.for('news-widgets.article-id'));

/** Base URL of the counter server; `<news-article>` and `<news-list>` provide their `counter-endpoint`. */
export const counterEndpointContext = createContext<string | undefined>(Symbol.for('news-widgets.counter-endpoint'));
