/** Reads JSON Feed 1.x: loaded only for the feeds that need it. */
import type { NewsFeed } from './types.js';
import type { Context } from './readers.js';
import { FeedError } from './feed-error.js';
import { resolveUrl } from './urls.js';
import { collapse } from './text.js';
import { finish, httpUrl, textToHtml, unique, type Draft } from './items.js';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v.trim() || undefined : typeof v === 'number' ? String(v) : undefined;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** JSON Feed 1.1's `authors` replaces 1.0's `author`: the older one counts only when the newer is missing. */
const jsonAuthors = (o: Json): string[] =>
  unique((Array.isArray(o.authors) && o.authors.length ? o.authors : [o.author]).map((a) => str(obj(a).name)));

/** Reads JSON Feed 1.0 and 1.1. */
export function readJsonFeed(json: string, ctx: Context): NewsFeed {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (cause) {
    throw new FeedError('parse', `Broken JSON: ${(cause as Error).message}`, { cause });
  }
  const feed = obj(data);
  if (!/^https?:\/\/jsonfeed\.org\/version\//.test(str(feed.version) ?? '') || !Array.isArray(feed.items)) {
    throw new FeedError('format', 'This JSON is not a JSON Feed');
  }
  const feedAuthors = jsonAuthors(feed);
  return {
    title: collapse(str(feed.title) ?? ''),
    url: resolveUrl(str(feed.home_page_url), ctx.base),
    description: str(feed.description),
    language: str(feed.language),
    image: httpUrl(str(feed.icon) ?? str(feed.favicon), ctx.base),
    items: finish(
      feed.items.map((v): Draft => {
        const item = obj(v);
        const url = resolveUrl(str(item.url) ?? str(item.external_url), ctx.base);
        const contentText = str(item.content_text);
        const image = httpUrl(str(item.image) ?? str(item.banner_image), url ?? ctx.base);
        const authors = jsonAuthors(item);
        const summary = str(item.summary);
        return {
          id: str(item.id),
          // JSON Feed titles are plain text already: no entity decoding.
          title: collapse(str(item.title) ?? ''),
          url,
          date: str(item.date_published),
          updated: str(item.date_modified),
          summary: summary && collapse(summary),
          contentHtml: str(item.content_html) ?? (contentText && textToHtml(contentText)),
          contentBase: url ?? ctx.base,
          image: image ? { url: image } : undefined,
          authors: authors.length ? authors : feedAuthors,
          categories: list(item.tags).map(str),
        };
      }),
      ctx,
    ),
  };
}
