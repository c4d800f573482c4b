/** Parses RSS 2.0/0.9x, RSS 1.0 (RDF), Atom 1.0/0.3 and JSON Feed 1.x into one NewsFeed model, synchronously. */
import type { NewsFeed, ParseFeedOptions } from './types.js';
import type { Readers } from './readers.js';
import { decodeFeedBytes } from './decode.js';
import { atomReader } from './atom.js';
import { readJsonFeed } from './json-feed.js';
import { notAFeed } from './web-page.js';
import { contextOf, feedDocument, feedText, readDocument } from './parse-steps.js';

/** Every reader, at hand: this parser never waits for one. */
const readers: Readers = { decode: decodeFeedBytes, atom: atomReader, json: readJsonFeed, page: notAFeed };

/**
 * Parses a feed from text or bytes, in any browser, worker or Node: no DOM needed. Bytes are decoded by BOM,
 * then the `charset` of `options.contentType`, then the XML declaration, then UTF-8.
 * @throws {FeedError} `parse` for broken XML or JSON, `format` for a document that is no feed.
 */
export function parseFeed(input: string | ArrayBuffer | Uint8Array, options: ParseFeedOptions = {}): NewsFeed {
  const ctx = contextOf(options, readers);
  return readDocument(feedDocument(feedText(input, options.contentType, ctx)), ctx);
}
