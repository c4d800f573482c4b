/**
 * The steps from input to NewsFeed: text, document, feed. Each uses only the readers it is given and throws
 * MissingReader for one it lacks, so a caller that can load it runs that step again, and no step twice.
 */
import type { NewsFeed, ParseFeedOptions } from './types.js';
import { FeedError } from './feed-error.js';
import { MissingReader, need, type Context, type Readers } from './readers.js';
import { utf8Text } from './utf8.js';
import { fixC1 } from './text.js';
import { scanXml, type XmlElement } from './scan-xml.js';
import { RDF, one } from './items.js';
import { readRss } from './rss.js';

// XML forbids the C0 controls: dropping them is the repair. C1 controls are windows-1252 punctuation that
// went through the wrong decoder ("don\u0092t"). One search of the whole text finds either.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\0-\x08\x0b\x0c\x0e-\x1f\x80-\x9f]/;
// eslint-disable-next-line no-control-regex
const C0 = /[\0-\x08\x0b\x0c\x0e-\x1f]+/g;

/** What the readers are told besides the document. */
export const contextOf = (options: ParseFeedOptions, readers: Readers): Context => ({
  base: options.url,
  zone: options.defaultTimeZone,
  readers,
});

/** Step 1: the text, decoded by BOM, then `contentType`'s charset, then the XML declaration, then UTF-8. */
export function feedText(
  input: string | ArrayBuffer | Uint8Array,
  contentType: string | undefined,
  ctx: Context,
): string {
  let source: string;
  try {
    const bytes = typeof input === 'string' ? undefined : input instanceof Uint8Array ? input : new Uint8Array(input);
    const raw = !bytes
      ? (input as string)
      : (ctx.readers.decode?.(bytes, contentType) ??
        utf8Text(bytes, contentType) ??
        need(ctx, 'decode')(bytes, contentType));
    source = raw.replace(/^\uFEFF?\s*/, '');
  } catch (cause) {
    if (cause instanceof MissingReader) throw cause;
    throw new FeedError('parse', `Unreadable input: ${String(cause)}`, { cause });
  }
  if (CONTROL.test(source)) source = fixC1(source.replace(C0, ''));
  if (!source.trim()) throw new FeedError('parse', 'The feed is empty');
  return source;
}

/** A feed's text made into a document: JSON (read later), an XML tree, or a web page that is no XML. */
export type FeedDocument = { json: string } | { page: string } | { root: XmlElement; source: string };

/** Step 2: the document, with the XML parsed. */
export function feedDocument(source: string): FeedDocument {
  if (source[0] === '{' || source[0] === '[') return { json: source };
  try {
    return { root: scanXml(source), source };
  } catch (error) {
    // HTML is seldom well-formed XML: a page is told apart by its first tags.
    if (/<(?:!doctype html|html|head|body)[\s>]/i.test(source.slice(0, 4096))) return { page: source };
    throw error instanceof FeedError
      ? error
      : new FeedError('parse', `Unreadable XML: ${String(error)}`, { cause: error });
  }
}

/** Step 3: the feed, read by the reader for its format. */
export function readDocument(doc: FeedDocument, ctx: Context): NewsFeed {
  if ('json' in doc) return need(ctx, 'json')(doc.json, ctx);
  if ('page' in doc) return need(ctx, 'page')(doc.page, ctx.base);
  const { root, source } = doc;
  try {
    const ns = root.ns;
    const name = root.local;
    // A channel-less <rss> (a feed with nothing in it yet) is still a feed.
    if (name === 'rss') return readRss(one(root, ns, 'channel') ?? root, root, ns, ctx);
    if (name === 'RDF' && ns === RDF) {
      const channel = root.children.find(
        (c): c is XmlElement => typeof c !== 'string' && (c.local === 'channel' || c.local === 'item'),
      );
      const rssNs = channel ? channel.ns : (root.scope[''] ?? null);
      return readRss(channel?.local === 'channel' ? channel : root, root, rssNs, ctx);
    }
    // Atom 1.0 and 0.3; a <feed> in no namespace or a home-made one is a hand-written Atom feed, read alike.
    if (name === 'feed') return need(ctx, 'atom').read(root, ns, ctx);
    if (name === 'html') return need(ctx, 'page')(source, ctx.base);
    throw new FeedError('format', `A <${name}> document is not a feed`);
  } catch (error) {
    // Whatever goes wrong, callers get the one error type they were promised.
    if (error instanceof FeedError || error instanceof MissingReader) throw error;
    throw new FeedError('parse', `Unreadable feed: ${String(error)}`, { cause: error });
  }
}
