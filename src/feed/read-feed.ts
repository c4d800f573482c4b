/**
 * The elements' feed reader: RSS and UTF-8 at hand, every other format and charset loaded the first time a feed
 * needs it (a chunk of its own in the CDN files), so a page showing an RSS feed downloads no code for the rest.
 */
import type { NewsFeed, ParseFeedOptions } from './types.js';
import { FeedError } from './feed-error.js';
import { MissingReader, type ReaderName, type Readers } from './readers.js';
import { contextOf, feedDocument, feedText, readDocument } from './parse-steps.js';
import { UTF8, headerCharset } from './utf8.js';

const loaders: { [K in ReaderName]-?: () => Promise<Readers[K]> } = {
  decode: async () => (await import('./decode.js')).decodeFeedBytes,
  atom: async () => (await import('./atom.js')).atomReader,
  json: async () => (await import('./json-feed.js')).readJsonFeed,
  page: async () => (await import('./web-page.js')).notAFeed,
};

/** The readers loaded so far, shared by every feed on the page. */
const readers: Readers = {};
const loading = new Map<ReaderName, Promise<void>>();

/** Loads a reader once; a failed load is forgotten, so the next feed (or a retry) tries again. */
function load(name: ReaderName): Promise<void> {
  let promise = loading.get(name);
  if (!promise) {
    promise = loaders[name]().then(
      (reader) => {
        (readers as Record<ReaderName, unknown>)[name] = reader;
      },
      (cause: unknown) => {
        loading.delete(name);
        throw new FeedError('network', `The code that reads this feed could not be loaded (${name})`, { cause });
      },
    );
    loading.set(name, promise);
  }
  return promise;
}

/**
 * Starts loading what a response's Content-Type says its body will need, while the body is still arriving:
 * an Atom or JSON feed, a web page, a charset other than UTF-8. A wrong guess costs a download, never a result.
 */
export function prepareReaders(contentType: string | null | undefined): void {
  const type = contentType?.toLowerCase() ?? '';
  const charset = headerCharset(type);
  const wanted: ReaderName[] = [];
  if (type.includes('atom')) wanted.push('atom');
  if (type.includes('json')) wanted.push('json');
  if (type.includes('html')) wanted.push('page');
  if (charset && !UTF8.test(charset)) wanted.push('decode');
  // Failures surface, with a FeedError, when the reader is really needed.
  for (const name of wanted) if (!readers[name]) load(name).catch(() => undefined);
}

/** Runs a step, loading each reader it misses and running it again. */
async function withReaders<T>(step: () => T): Promise<T> {
  for (;;) {
    try {
      return step();
    } catch (error) {
      if (!(error instanceof MissingReader)) throw error;
      await load(error.reader);
    }
  }
}

/**
 * Reads feed bytes into a NewsFeed exactly as `parseFeed` does, loading the readers a rare feed needs first.
 * @throws {FeedError} the codes of `parseFeed`, or `network` when a reader could not be loaded.
 */
export async function readFeed(input: Uint8Array, options: ParseFeedOptions = {}): Promise<NewsFeed> {
  const ctx = contextOf(options, readers);
  const source = await withReaders(() => feedText(input, options.contentType, ctx));
  const doc = await withReaders(() => feedDocument(source));
  return withReaders(() => readDocument(doc, ctx));
}
