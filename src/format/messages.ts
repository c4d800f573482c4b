/** The words the widgets show, per language: English is built in, other languages load as small chunks. */

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
  errors: {
    parse: string;
    format: string;
    /** A web page that advertises a feed: names the feed's address. */
    formatWithFeed: (feedUrl: string) => string;
    http: (status: number) => string;
    notFound: string;
    cors: string;
    network: string;
    offline: string;
    timeout: string;
    tooLarge: string;
    /** The element has no usable feed address (see the console for details). */
    config: string;
    unknown: string;
  };
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
  staleNotice: 'Showing earlier news: the latest update could not be loaded.',
  partialNotice: (n) =>
    n === 1 ? 'One of the news feeds could not be loaded.' : `${n} of the news feeds could not be loaded.`,
  articleNotFound: 'This article could not be found. It may have been removed from the news feed.',
  back: 'Back to the news',
  clicks: 'Clicks',
  errors: {
    parse: 'The feed is damaged: its file is not valid XML or JSON.',
    format: 'This address is a web page, not a feed.',
    formatWithFeed: (url) => `This address is a web page, not a feed. The page names its feed: ${url}`,
    http: (status) => `The feed server answered with an error (HTTP ${status}).`,
    notFound: 'The feed address was not found (HTTP 404). Check the address.',
    cors: 'The feed server does not allow this site to read it (CORS). Ask its owner to allow this site, or use a feed proxy.',
    network: 'The feed server could not be reached. Check the address and your connection.',
    offline: 'You are offline. The news will load when the connection is back.',
    timeout: 'The feed server took too long to answer.',
    tooLarge: 'The feed is too large to show on a page (over 10 MB).',
    config: 'This news widget has no valid feed address.',
    unknown: 'Something went wrong while loading the feed.',
  },
};
