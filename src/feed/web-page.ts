/** Tells a web page from a feed and names the feed it advertises: loaded only when a page arrives instead. */
import { FeedError } from './feed-error.js';
import { resolveUrl } from './urls.js';
import { attrOf } from './items.js';

/** An HTML page is no feed; if it advertises one, say where. */
export function notAFeed(html: string, base?: string): never {
  const tags = html.match(/<(?:base|link)\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi) ?? [];
  const baseTag = tags.find((t) => /^<base\b/i.test(t) && attrOf(t, 'href'));
  const pageBase = (baseTag && resolveUrl(attrOf(baseTag, 'href'), base)) ?? base;
  let feedUrl: string | undefined;
  for (const tag of tags) {
    if (
      /^<link\b/i.test(tag) &&
      /(?:^|\s)alternate(?:\s|$)/i.test(attrOf(tag, 'rel') ?? '') &&
      /^application\/(rss\+xml|atom\+xml|feed\+json)\b/i.test(attrOf(tag, 'type') ?? '')
    ) {
      feedUrl = resolveUrl(attrOf(tag, 'href'), pageBase);
      if (feedUrl) break;
    }
  }
  throw new FeedError('format', `This is a web page, not a feed${feedUrl ? `; its feed is ${feedUrl}` : ''}`, {
    feedUrl,
  });
}
