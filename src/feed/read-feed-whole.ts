/**
 * The elements' feed reader in a file that carries the whole synchronous parser anyway (`cdn/news-widgets.js`
 * exports `parseFeed`): every reader is at hand, so nothing loads on demand. Rollup puts it in place of
 * read-feed.ts in that file only (rollup.config.mjs).
 */
import type { NewsFeed, ParseFeedOptions } from './types.js';
import { parseFeed } from './parse-feed.js';

/** Nothing to prepare: every reader is here. */
export function prepareReaders(): void {}

/** As read-feed.ts's `readFeed`, with the synchronous parser. */
export async function readFeed(input: Uint8Array, options: ParseFeedOptions = {}): Promise<NewsFeed> {
  return parseFeed(input, options);
}
