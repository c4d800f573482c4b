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
  const request = (init?: RequestInit) => fetch(url, { signal: controller.signal, credentials: 'omit', ...init });
  try {
    // Aborting first makes fetch reject at once, without a request, through the same path as a later abort.
    if (signal?.aborted) onAbort();
    const response = await request({ headers: { Accept: ACCEPT } });
    if (!response.ok) throw new FeedError('http', `HTTP ${response.status}`, { status: response.status });
    return parseFeed(await response.arrayBuffer(), {
      url: response.url || url,
      contentType: response.headers.get('content-type') ?? undefined,
      defaultTimeZone: options.defaultTimeZone,
    });
  } catch (error) {
    if (error instanceof FeedError) {
      throw new FeedError(error.code, error.message, { ...error, url, cause: error.cause });
    }
    // fetch() hides why it failed. A no-cors request succeeds when the server answers but withholds
    // permission (CORS), and fails when nothing answers at all.
    const cors =
      !controller.signal.aborted &&
      isCrossOrigin(url) &&
      (await request({ mode: 'no-cors' }).then(
        () => 1,
        () => 0,
      ));
    throw new FeedError(
      signal?.aborted ? 'aborted' : timedOut ? 'timeout' : cors ? 'cors' : 'network',
      signal?.aborted
        ? 'The feed request was cancelled'
        : timedOut
          ? `No answer from the feed within ${timeout} ms`
          : cors
            ? 'The feed server does not let this site read the feed (no CORS header)'
            : 'The feed server could not be reached',
      { url, cause: error },
    );
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
