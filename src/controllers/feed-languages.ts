/** Feeds per language: `{lang}` in a feed address, tried down the language fallback chain while feeds are missing. */
import { FeedError } from '../feed/feed-error.js';
import type { NewsFeed } from '../feed/types.js';
import { chainLang } from '../format/fallback.js';

/** Which language each template last resolved to on this page, so later elements ask for that feed first. */
const found = new Map<string, string>();
const hinted = new Set<string>();

/** A tag in BCP 47's usual case (`uz-Cyrl-UZ`, `zh-CN`), as feed files are usually named; the tag as given if invalid. */
function canonical(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag.trim().replace(/_/g, '-'))[0] ?? tag;
  } catch {
    return tag.trim();
  }
}

/**
 * The languages to try for a feed, in order: the tag, then shorter forms of it (`uz-Latn-UZ`, `uz-Latn`, `uz`),
 * then the language the widgets show for it (`uz-Arab` → `uz`, `tt` → `ru`), then Russian for readers of Central
 * Asia, the Caucasus and Russia, then English.
 */
export function feedLanguages(tag: string): string[] {
  const out: string[] = [];
  const add = (lang: string) => {
    if (lang && !out.some((seen) => seen.toLowerCase() === lang.toLowerCase())) out.push(lang);
  };
  // Extensions and private use (`-u-...`, `-x-...`) name no feed of their own.
  const subtags = canonical(tag)
    .split(/-[a-z0-9]-/i)[0]
    .split('-');
  for (let n = subtags.length; n > 0; n -= 1) add(subtags.slice(0, n).join('-'));
  const shown = chainLang(tag);
  add(shown);
  if (/^(ru|kk|uz|tg|ky|tk)/.test(shown)) add('ru');
  add('en');
  return out;
}

/** The address of a template in one language. */
export const inLanguage = (template: string, lang: string): string =>
  new URL(template.split('{lang}').join(encodeURIComponent(lang)), document.baseURI).href;

/**
 * Loads the feed of `template` in the reader's language `tag`: when that feed is missing (404 or 410), the next
 * language of `feedLanguages`, and so on; tells the page's editor once in the console which feed stood in.
 */
export async function loadInLanguage(
  template: string,
  tag: string,
  load: (url: string) => Promise<NewsFeed>,
): Promise<NewsFeed> {
  const langs = feedLanguages(tag);
  const known = found.get(`${template} ${tag}`);
  const start = known ? Math.max(0, langs.indexOf(known)) : 0;
  let missing: string | undefined;
  for (let i = start; i < langs.length; i += 1) {
    const url = inLanguage(template, langs[i]);
    try {
      const feed = await load(url);
      found.set(`${template} ${tag}`, langs[i]);
      if (missing && !hinted.has(missing)) {
        hinted.add(missing);
        console.info(`news-widgets: no feed at ${missing} (not found); showing ${url} instead.`);
      }
      return feed;
    } catch (reason) {
      const error = FeedError.from(reason);
      const gone = error.code === 'http' && (error.status === 404 || error.status === 410);
      if (!gone || i === langs.length - 1) throw error;
      missing ??= url;
    }
  }
  throw new FeedError('http', `No feed for ${template}`, { status: 404 });
}
