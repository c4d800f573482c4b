/** One request per feed URL per page: callers share in-flight loads and the last good result. */
import type { NewsFeed } from './types.js';
import { FeedError } from './feed-error.js';
import { fetchFeed } from './fetch-feed.js';

export interface FeedLoadOptions {
  /** Cancels this caller's wait; the shared request stops only when every caller has cancelled. */
  signal?: AbortSignal;
  /** Fetch again even if a result is cached (concurrent forced loads still share one request). */
  force?: boolean;
  /** Milliseconds, passed to {@link fetchFeed}. */
  timeout?: number;
}

/** How the cache gets a feed; a later persistent layer (stale-while-revalidate, conditional requests) wraps this. */
export type FeedLoader = (url: string, options: { signal: AbortSignal; timeout?: number }) => Promise<NewsFeed>;

interface Pending {
  promise: Promise<NewsFeed>;
  controller: AbortController;
  waiting: number;
}

export class FeedCache {
  private readonly feeds = new Map<string, NewsFeed>();
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly loader: FeedLoader = fetchFeed) {}

  /** The feed at `url`: cached, in flight, or fetched now. Failures are not cached, so a retry fetches again. */
  load(url: string, options: FeedLoadOptions = {}): Promise<NewsFeed> {
    const { signal, force } = options;
    const aborted = () => new FeedError('aborted', 'The feed request was cancelled', { url, cause: signal?.reason });
    if (signal?.aborted) return Promise.reject(aborted());
    const cached = this.feeds.get(url);
    let shared = this.pending.get(url);
    // A request already under way is fresh enough even for a forced load.
    if (cached && !force && !shared) return Promise.resolve(cached);
    if (!shared) {
      const controller = new AbortController();
      const entry: Pending = {
        controller,
        waiting: 0,
        promise: this.loader(url, { signal: controller.signal, timeout: options.timeout })
          .then((feed) => {
            // clear() during the request means the caller no longer wants this result kept.
            if (this.pending.get(url) === entry) this.feeds.set(url, feed);
            return feed;
          })
          .finally(() => {
            if (this.pending.get(url) === entry) this.pending.delete(url);
          }),
      };
      this.pending.set(url, (shared = entry));
    }
    const entry = shared;
    entry.waiting++;
    return new Promise<NewsFeed>((resolve, reject) => {
      const onAbort = () => {
        reject(aborted());
        if (--entry.waiting === 0) {
          if (this.pending.get(url) === entry) this.pending.delete(url);
          entry.controller.abort(signal?.reason);
        }
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      entry.promise.then(resolve, reject).finally(() => signal?.removeEventListener('abort', onAbort));
    });
  }

  /** The last good result for `url`, without fetching. */
  peek(url: string): NewsFeed | undefined {
    return this.feeds.get(url);
  }

  /** Stores a feed obtained elsewhere (server-rendered, or a `feed` property). */
  set(url: string, feed: NewsFeed): void {
    this.feeds.set(url, feed);
  }

  /** Forgets every result; requests under way still settle for their callers but are not stored. */
  clear(): void {
    this.feeds.clear();
    this.pending.clear();
  }
}

const KEY = Symbol.for('news-widgets.feed-cache');
const store = globalThis as typeof globalThis & { [KEY]?: FeedCache };

/** The page's shared cache: on `globalThis`, so two copies of the library on one page still share it. */
export const feedCache: FeedCache = (store[KEY] ??= new FeedCache());
