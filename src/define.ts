/** Registers the news-widgets elements under their standard tags. Importing this module is its only effect. */
import { NewsList } from './news-list/news-list.js';

NewsList.define();

declare global {
  interface HTMLElementTagNameMap {
    'news-list': NewsList;
  }
}

export * from './index.js';
