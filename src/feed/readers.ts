/** The format readers a parse may use, passed in rather than imported, so that rare formats can load on demand. */
import type { NewsFeed } from './types.js';
import type { XmlElement } from './scan-xml.js';

/** What a format reader is told besides the document. */
export interface Context {
  /** The feed's address: relative links resolve against it. */
  base?: string;
  /** Offset for dates written without a zone. */
  zone?: string;
  readers: Readers;
}

/**
 * The readers only some feeds need; RSS 2.0, RSS 1.0 and UTF-8 are always at hand. The synchronous `parseFeed`
 * is given all of them, the elements' reader loads each on first need.
 */
export interface Readers {
  /** Bytes in any charset: legacy ones, UTF-16, UTF-32, and UTF-8 that turns out not to be. */
  decode?: (bytes: Uint8Array, contentType?: string) => string;
  /** Atom 1.0 and 0.3, and Atom's text constructs where RSS borrows them. */
  atom?: {
    read(root: XmlElement, ns: string | null, ctx: Context): NewsFeed;
    html(el: XmlElement | undefined): string | undefined;
  };
  json?: (source: string, ctx: Context) => NewsFeed;
  /** Throws the `format` error for a web page, naming the feed it advertises. */
  page?: (html: string, base?: string) => never;
}

export type ReaderName = keyof Readers;

/** Thrown where a reader is missing: whoever loads it may run the step again. Never reaches a caller. */
export class MissingReader extends Error {
  constructor(readonly reader: ReaderName) {
    super(`The ${reader} reader is not loaded`);
  }
}

/** The reader `name`, or a MissingReader thrown for it. */
export function need<K extends ReaderName>(ctx: Context, name: K): NonNullable<Readers[K]> {
  const reader = ctx.readers[name];
  if (!reader) throw new MissingReader(name);
  return reader;
}
