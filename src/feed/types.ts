/** The feed model every parser produces and every element renders. */

/** One news item, normalised from any feed format. */
export interface NewsItem {
  /** guid / atom:id / JSON `id`, else the link, else a hash of title and date. Never empty; stable across fetches. */
  id: string;
  /** Plain text: markup stripped, entities decoded, whitespace collapsed. */
  title: string;
  /** Absolute `http:`/`https:`/`mailto:` link to the article, when the feed gives one. */
  url?: string;
  published?: Date;
  updated?: Date;
  /** Plain text summary: from description/summary, else from the start of the content. Worked out when first read. */
  summary?: string;
  /**
   * The feed's HTML as given, with relative `href`/`src` made absolute (against the item's `xml:base`, else its
   * link, else the feed's address) when first read. Unsanitised: sanitise it before rendering.
   */
  contentHtml?: string;
  /** The feed's image for the item, else the first real image in the content (found when first read). */
  image?: NewsImage;
  authors: string[];
  categories: string[];
}

export interface NewsImage {
  /** Absolute `http:` or `https:` URL. */
  url: string;
  alt?: string;
}

/** A parsed feed. */
export interface NewsFeed {
  title: string;
  /** The site the feed belongs to (its home page link). */
  url?: string;
  description?: string;
  /** BCP 47 language tag, when the feed declares one. */
  language?: string;
  image?: string;
  items: NewsItem[];
}

/** Options of {@link parseFeed}. */
export interface ParseFeedOptions {
  /** The address the feed was read from: relative links resolve against it. */
  url?: string;
  /** The HTTP `Content-Type` header, whose `charset` decides how bytes are decoded. */
  contentType?: string;
  /** Offset used for dates that carry no zone, as `+08:00`. Default `+08:00`. */
  defaultTimeZone?: string;
}
