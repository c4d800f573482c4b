/** Registers <news-list> alone: the smallest bundle for pages that show only a list. */
import { NewsList } from './news-list.js';

NewsList.define();

declare global {
  interface HTMLElementTagNameMap {
    'news-list': NewsList;
  }
}

export { NewsList };
