/** One request per feed URL per page: callers share in-flight loads and the last good result, kept across visits. */
import type { NewsFeed } from './types.js';
import { FeedError } from './feed-error.js';
import { fetchFeedIfChanged } from './fetch-feed.js';
import { feedStore } from './feed-store.js';
import { DEFAULT_TIME_ZONE } from './dates.js';

export interface FeedLoadOptions {
  /** Cancels this caller's wait; the shared request stops only when every caller has cancelled. */
  signal?: AbortSignal;
  /** Fetch again even if a result is cached (concurrent forced loads still share one request). */
  force?: boolean;
  /** Milliseconds, passed to {@link fetchFeed}. */
  timeout?: number;
  /** Offset for dates without a zone, as `+08:00`; part of the cache key, since it changes the parsed dates. */
  timeZone?: string;
}

/** How the cache gets a feed. */
export type FeedLoader = (
  url: string,
  options: { signal: AbortSignal; timeout?: number; timeZone?: string },
) => Promise<NewsFeed>;

/** The validators each loaded feed came with, for the store; the cache writes it only if the result is kept. */
const validators = new WeakMap<NewsFeed, { etag?: string; lastModified?: string }>();

// The parser's default zone is no zone at all here, so callers that name it and callers that don't share a feed.
const keyOf = (url: string, timeZone?: string): string =>
  timeZone && timeZone !== DEFAULT_TIME_ZONE ? `${url} ${timeZone}` : url;

/**
 * The default loader: a conditional request with the validators of the stored copy (a 304 reuses it).
 */
const persistentLoader: FeedLoader = async (url, { signal, timeout, timeZone }) => {
  const key = keyOf(url, timeZone);
  const stored = feedStore.get(key);
  const result = await fetchFeedIfChanged(url, {
    signal,
    timeout,
    defaultTimeZone: timeZone,
    etag: stored?.etag,
    lastModified: stored?.lastModified,
  });
  const fresh = result.notModified ? stored! : result;
  validators.set(fresh.feed, { etag: fresh.etag, lastModified: fresh.lastModified });
  return fresh.feed;
};

interface Pending {
  promise: Promise<NewsFeed>;
  controller: AbortController;
  waiting: number;
}

export class FeedCache {
  private readonly feeds = new Map<string, NewsFeed>();
  private readonly pending = new Map<string, Pending>();

  /** Without a loader, feeds are fetched conditionally and kept in localStorage for the next visit. */
  constructor(
    private readonly loader: FeedLoader = persistentLoader,
    private readonly persistent = loader === persistentLoader,
  ) {}

  /** The feed at `url`: cached, in flight, or fetched now. Failures are not cached, so a retry fetches again. */
  load(url: string, options: FeedLoadOptions = {}): Promise<NewsFeed> {
    const { signal, force, timeZone } = options;
    const key = keyOf(url, timeZone);
    const aborted = () => new FeedError('aborted', 'The feed request was cancelled', { url, cause: signal?.reason });
    if (signal?.aborted) return Promise.reject(aborted());
    const cached = this.feeds.get(key);
    let shared = this.pending.get(key);
    // A request already under way is fresh enough even for a forced load.
    if (cached && !force && !shared) return Promise.resolve(cached);
    if (!shared) {
      const controller = new AbortController();
      const entry: Pending = {
        controller,
        waiting: 0,
        promise: this.loader(url, { signal: controller.signal, timeout: options.timeout, timeZone })
          .then((feed) => {
            // clear() during the request means the caller no longer wants this result kept.
            if (this.pending.get(key) === entry) {
              this.feeds.set(key, feed);
              if (this.persistent) feedStore.set(key, { feed, ...validators.get(feed) });
            }
            return feed;
          })
          .finally(() => {
            if (this.pending.get(key) === entry) this.pending.delete(key);
          }),
      };
      this.pending.set(key, (shared = entry));
    }
    const entry = shared;
    entry.waiting++;
    return new Promise<NewsFeed>((resolve, reject) => {
      const onAbort = () => {
        reject(aborted());
        if (--entry.waiting === 0) {
          if (this.pending.get(key) === entry) this.pending.delete(key);
          entry.controller.abort(signal?.reason);
        }
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      entry.promise.then(resolve, reject).finally(() => signal?.removeEventListener('abort', onAbort));
    });
  }

  /**
   * The last good result for `url`, without fetching: this page's, else the copy stored on an earlier visit
   * (stale: show it at once, and `load` to revalidate).
   */
  peek(url: string, timeZone?: string): NewsFeed | undefined {
    const key = keyOf(url, timeZone);
    return this.feeds.get(key) ?? (this.persistent ? feedStore.get(key)?.feed : undefined);
  }

  /** Stores a feed obtained elsewhere (server-rendered, or a `feed` property). */
  set(url: string, feed: NewsFeed, timeZone?: string): void {
    this.feeds.set(keyOf(url, timeZone), feed);
  }

  /** Forgets every result (stored ones too); requests under way still settle for their callers but are not stored. */
  clear(): void {
    this.feeds.clear();
    this.pending.clear();
    if (this.persistent) feedStore.clear();
  }
}

const KEY = Symbol.for('news-widgets.feed-cache');
const store = globalThis as typeof globalThis & { [KEY]?: FeedCache };

/** The page's shared cache: on `globalThis`, so two copies of the library on one page still share it. */
export const feedCache: FeedCache = (store[KEY] ??= new FeedCache());
