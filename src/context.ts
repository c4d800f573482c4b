/** Keys of the values elements pass down the tree: an article's id to the counters inside it. */
import { createContext } from '@lit/context';

/** The id of the article an element sits in; `<news-article>` provides it, `<click-counter>` reads it. */
export const articleIdContext = createContext<string | undefined>(Symbol.for('news-widgets.article-id'));
