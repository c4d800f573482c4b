/** The public events of news-widgets: typed, bubbling and composed. */
import type { NewsFeed, NewsItem } from './feed/types.js';
import type { FeedError } from './feed/feed-error.js';

/** A feed was loaded and rendered. */
export class NewsLoadEvent extends Event {
  static readonly type = 'news-load';
  readonly feed: NewsFeed;
  constructor(feed: NewsFeed) {
    super(NewsLoadEvent.type, { bubbles: true, composed: true });
    this.feed = feed;
  }
}

/** A feed could not be loaded (the element shows its error state). */
export class NewsErrorEvent extends Event {
  static readonly type = 'news-error';
  readonly error: FeedError;
  constructor(error: FeedError) {
    super(NewsErrorEvent.type, { bubbles: true, composed: true });
    this.error = error;
  }
}

/** The reader chose an item. Cancel it (`preventDefault()`) to show the article in-page instead of navigating. */
export class NewsSelectEvent extends Event {
  static readonly type = 'news-select';
  readonly item: NewsItem;
  /** Where the browser will go unless the event is cancelled. */
  readonly href: string | undefined;
  constructor(item: NewsItem, href: string | undefined) {
    super(NewsSelectEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.item = item;
    this.href = href;
  }
}

/** A `<click-counter>` learned its count (fired under the native name `change`). */
export class ClickCountChangeEvent extends Event {
  readonly count: number;
  constructor(count: number) {
    super('change', { bubbles: true, composed: true });
    this.count = count;
  }
}

/** The events of `<click-counter>`, by name: `change` is the native name, so it is typed on the element only. */
export interface ClickCounterEventMap extends HTMLElementEventMap {
  change: ClickCountChangeEvent;
}

declare module './click-counter/click-counter.js' {
  interface ClickCounter {
    addEventListener<K extends keyof ClickCounterEventMap>(
      type: K,
      listener: (this: ClickCounter, event: ClickCounterEventMap[K]) => unknown,
      options?: boolean | AddEventListenerOptions,
    ): void;
    addEventListener(
      type: string,
      listener: EventListenerOrEventListenerObject,
      options?: boolean | AddEventListenerOptions,
    ): void;
    removeEventListener<K extends keyof ClickCounterEventMap>(
      type: K,
      listener: (this: ClickCounter, event: ClickCounterEventMap[K]) => unknown,
      options?: boolean | EventListenerOptions,
    ): void;
    removeEventListener(
      type: string,
      listener: EventListenerOrEventListenerObject,
      options?: boolean | EventListenerOptions,
    ): void;
  }
}

// GlobalEventHandlersEventMap is what elements, `document` and `window` all extend: the events bubble and are
// composed, so a page listens for them wherever it likes.
/**
 * Tells the page's editor (the console) and its scripts (`news-error` on `host`) about a problem the element
 * works around or shows to readers in shorter words. The console line adds what to do about a failed feed, in
 * English, from the editors' texts: a chunk that only pages with a failure load.
 */
export function reportError(host: Element, error: FeedError, ...detail: unknown[]): void {
  host.dispatchEvent(new NewsErrorEvent(error));
  const warn = (fix = '') => console.warn(`news-widgets: <${host.localName}>: ${error.message}.${fix}`, ...detail);
  // A wrong setting's message already says what to set.
  if (error.code === 'config') warn();
  else
    import('./format/errors.js').then(
      (texts) => warn(` ${texts.describeError(texts.en, error)}`),
      () => warn(),
    );
}

declare global {
  interface GlobalEventHandlersEventMap {
    'news-load': NewsLoadEvent;
    'news-error': NewsErrorEvent;
    'news-select': NewsSelectEvent;
  }
}
