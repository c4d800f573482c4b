/** Fetches and parses one feed, turning every way it can fail into a FeedError with a code. */
import type { NewsFeed } from './types.js';
import { FeedError } from './feed-error.js';
import { parseFeed } from './parse-feed.js';

export interface FetchFeedOptions {
  /** Cancels the request; the promise then rejects with code `aborted`. */
  signal?: AbortSignal;
  /** Milliseconds before giving up with code `timeout`, reading the body included. Default 15000. */
  timeout?: number;
  /** Offset for dates without a zone, as `+08:00`. */
  defaultTimeZone?: string;
}

const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8';

function isCrossOrigin(url: string): boolean {
  try {
    return typeof location !== 'undefined' && new URL(url, location.href).origin !== location.origin;
  } catch {
    return false;
  }
}

/**
 * Fetches `url` (without cookies) and parses it.
 * @throws {FeedError} `http`, `cors`, `network`, `timeout`, `aborted`, or `parse`/`format` from {@link parseFeed}; `url` is always set.
 */
export async function fetchFeed(url: string, options: FetchFeedOptions = {}): Promise<NewsFeed> {
  const { signal, timeout = 15000 } = options;
  // One controller for the caller's signal and the timer: AbortSignal.any is too new for some readers' browsers.
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort);
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout);
  const fail = (code: 'aborted' | 'timeout' | 'cors' | 'network', message: string, cause?: unknown) =>
    new FeedError(code, message, { url, cause });
  try {
    if (signal?.aborted) throw fail('aborted', 'The feed request was cancelled', signal.reason);
    const response = await fetch(url, {
      signal: controller.signal,
      credentials: 'omit',
      headers: { Accept: ACCEPT },
    });
    if (!response.ok) {
      void response.body?.cancel().catch(() => {});
      throw new FeedError('http', `HTTP ${response.status}`, { status: response.status, url });
    }
    const bytes = await response.arrayBuffer();
    return parseFeed(bytes, {
      url: response.url || url,
      contentType: response.headers.get('content-type') ?? undefined,
      defaultTimeZone: options.defaultTimeZone,
    });
  } catch (error) {
    if (error instanceof FeedError) {
      throw error.url ? error : new FeedError(error.code, error.message, { status: error.status, feedUrl: error.feedUrl, url, cause: error.cause });
    }
    if (signal?.aborted) throw fail('aborted', 'The feed request was cancelled', error);
    if (timedOut) throw fail('timeout', `The feed did not answer within ${timeout} ms`, error);
    // fetch() hides why it failed. A no-cors request succeeds when the server answers but withholds
    // permission (CORS), and fails when nothing answers at all.
    if (isCrossOrigin(url)) {
      const reachable = await fetch(url, { mode: 'no-cors', credentials: 'omit', signal: controller.signal }).then(
        () => true,
        () => false,
      );
      if (reachable) {
        throw fail('cors', 'The feed server does not allow this site to read the feed (no CORS header)', error);
      }
      if (signal?.aborted) throw fail('aborted', 'The feed request was cancelled', error);
      if (timedOut) throw fail('timeout', `The feed did not answer within ${timeout} ms`, error);
    }
    throw fail('network', 'The feed server could not be reached', error);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
