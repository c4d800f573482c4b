/** Fetches and parses one feed, turning every way it can fail into a FeedError with a code. */
import type { NewsFeed } from './types.js';
import { FeedError } from './feed-error.js';
import { prepareReaders, readFeed } from './read-feed.js';

export interface FetchFeedOptions {
  /** Cancels the request; the promise then rejects with code `aborted`. */
  signal?: AbortSignal;
  /** Milliseconds before giving up with code `timeout`, reading the body included. Default 15000. */
  timeout?: number;
  /** Offset for dates without a zone, as `+08:00`. */
  defaultTimeZone?: string;
  /** Largest feed accepted, in bytes; a bigger one fails with code `too-large`. Default 10 MB. */
  maxBytes?: number;
}

/** Feeds above this size are refused: parsing tens of megabytes would freeze the reader's page. */
export const MAX_FEED_BYTES = 10 * 1024 * 1024;

/** Options of {@link fetchFeedIfChanged}. */
export interface ConditionalFetchOptions extends FetchFeedOptions {
  /** Validators of the copy the caller holds: sent as `If-None-Match` / `If-Modified-Since`. */
  etag?: string;
  lastModified?: string;
}

/** A fresh feed with its validators, or `notModified` when the server answered 304 to a conditional request. */
export type ConditionalFetchResult =
  { notModified: false; feed: NewsFeed; etag?: string; lastModified?: string } | { notModified: true };

const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8';

function isCrossOrigin(url: string): boolean {
  try {
    return typeof location !== 'undefined' && new URL(url, location.href).origin !== location.origin;
  } catch {
    return false;
  }
}

/** The body, read no further than `limit` bytes (a missing or lying Content-Length does not matter). */
async function readBody(response: Response, limit: number): Promise<Uint8Array> {
  const tooLarge = () => new FeedError('too-large', `The feed is larger than ${limit} bytes`);
  if (Number(response.headers.get('content-length')) > limit) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * Fetches `url` (without cookies) and parses it.
 * @throws {FeedError} `http`, `cors`, `network`, `timeout`, `too-large`, `aborted`, or `parse`/`format` as `parseFeed` throws them; `url` is always set.
 */
export async function fetchFeed(url: string, options: FetchFeedOptions = {}): Promise<NewsFeed> {
  const result = await fetchFeedIfChanged(url, options);
  // Without validators no 304 can come back.
  return (result as { feed: NewsFeed }).feed;
}

/**
 * Like {@link fetchFeed}, with a conditional request when validators are given: a 304 costs no parsing.
 * The browser's HTTP cache is bypassed for revalidation (`no-cache`), so the server really is asked.
 */
export async function fetchFeedIfChanged(
  url: string,
  options: ConditionalFetchOptions = {},
): Promise<ConditionalFetchResult> {
  const { signal, timeout = 15000, etag, lastModified } = options;
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
    const headers: Record<string, string> = { Accept: ACCEPT };
    if (etag) headers['If-None-Match'] = etag;
    if (lastModified) headers['If-Modified-Since'] = lastModified;
    // Cross-origin, these headers would cost a CORS preflight many feed servers refuse; there `no-cache` has the
    // browser revalidate its own cached copy instead, which it does without one.
    const conditional = Boolean(etag || lastModified) && !isCrossOrigin(url);
    const response = await request(
      etag || lastModified ? { headers: conditional ? headers : { Accept: ACCEPT }, cache: 'no-cache' } : { headers },
    );
    if (response.status === 304 && conditional) return { notModified: true };
    if (!response.ok) throw new FeedError('http', `HTTP ${response.status}`, { status: response.status });
    const contentType = response.headers.get('content-type') ?? undefined;
    // An Atom feed's reader arrives while its body does.
    prepareReaders(contentType);
    const body = await readBody(response, options.maxBytes ?? MAX_FEED_BYTES);
    // A reader still downloading when time is up, or when the caller cancels, must not hold the answer back.
    const stopped = new Promise<never>((_, reject) => {
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason as Error), { once: true });
    });
    const feed = await Promise.race([
      readFeed(body, { url: response.url || url, contentType, defaultTimeZone: options.defaultTimeZone }),
      stopped,
    ]);
    return {
      notModified: false,
      feed,
      etag: response.headers.get('etag') ?? undefined,
      lastModified: response.headers.get('last-modified') ?? undefined,
    };
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
