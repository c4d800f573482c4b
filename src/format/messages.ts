/**
 * The words the widgets show readers, per language: English is built in, other languages load as small chunks.
 * What editors read about a failed feed is apart, in format/errors.ts, loaded only when shown.
 */

/** Every UI string of the widgets. Functions take the values they interpolate. */
export interface Messages {
  /** Screen-reader announcement while a feed loads. */
  loading: string;
  /** Shown when a feed has no items. */
  empty: string;
  /** Shown when the feed has items, but none in the list's `category`. */
  emptyCategory: string;
  /** The button that shows the next page of items. */
  more: string;
  /** The button that tries a failed feed again. */
  retry: string;
  /** Accessible name of the list when the feed has no title. */
  news: string;
  /** Announced after items are loaded. */
  loaded: (count: number) => string;
  /** Heading of the error state. */
  errorTitle: string;
  /** Heading of `<news-article>`'s error state. */
  articleErrorTitle: string;
  /** Under the heading, beside Retry, when the failure may pass (a timeout, a server error). */
  tryAgain: string;
  /** Under the heading when the reader's device is offline: the element loads again by itself once it is back. */
  offline: string;
  /** Shown above earlier items when a refresh failed. */
  staleNotice: string;
  /** Shown above the items of a several-feed list when some of its feeds could not be loaded. */
  partialNotice: (failed: number) => string;
  /** An article id the feed does not hold. */
  articleNotFound: string;
  /** The link or button back to the news list. */
  back: string;
  /** The label before a view count ("Clicks: 1,234"). */
  clicks: string;
  /** The article's date, authors and categories, read out before each by screen readers ("Published: …"). */
  published: string;
  authors: (count: number) => string;
  categories: (count: number) => string;
}

export const en: Messages = {
  loading: 'Loading news…',
  empty: 'No news yet.',
  emptyCategory: 'No news in this category.',
  more: 'More',
  retry: 'Retry',
  news: 'News',
  loaded: (n) => (n === 1 ? '1 news item' : `${n} news items`),
  errorTitle: 'The news could not be loaded.',
  articleErrorTitle: 'The article could not be loaded.',
  tryAgain: 'Try again in a moment.',
  offline: 'You are offline. The news will load when the connection is back.',
  staleNotice: 'Showing earlier news: the latest update could not be loaded.',
  partialNotice: (n) =>
    n === 1 ? 'One of the news feeds could not be loaded.' : `${n} of the news feeds could not be loaded.`,
  articleNotFound: 'This article could not be found. It may have been removed from the news feed.',
  back: 'Back to the news',
  clicks: 'Clicks',
  published: 'Published',
  authors: (n) => (n === 1 ? 'Author' : 'Authors'),
  categories: (n) => (n === 1 ? 'Category' : 'Categories'),
};
