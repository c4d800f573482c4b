/** Parses RSS 2.0/0.9x, RSS 1.0 (RDF), Atom 1.0/0.3 and JSON Feed 1.x into one NewsFeed model. */
import type { NewsFeed, NewsImage, NewsItem, ParseFeedOptions } from './types.js';
import { FeedError } from './feed-error.js';
import { decodeFeedBytes } from './decode.js';
import { parseFeedDate } from './dates.js';
import { hasXmlBase, resolveUrl, xmlBase } from './urls.js';
import { collapse, decodeHtmlEntities, escapeHtml, fixC1, hash, htmlToText, looseText, truncate } from './text.js';
import { attrNS, child, children, descendants, innerHtml, scanXml, textOf, type XmlElement } from './scan-xml.js';

const ATOM = 'http://www.w3.org/2005/Atom';
const CONTENT = 'http://purl.org/rss/1.0/modules/content/';
const DC = 'http://purl.org/dc/elements/1.1/';
const DCTERMS = 'http://purl.org/dc/terms/';
const MEDIA = 'http://search.yahoo.com/mrss/';
const ITUNES = 'http://www.itunes.com/dtds/podcast-1.0.dtd';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const XHTML = 'http://www.w3.org/1999/xhtml';

interface Context {
  base?: string;
  zone?: string;
}

/** An item as read from the feed, before the format-independent fallbacks (id, summary, image). */
interface Draft {
  id?: string;
  /** Plain text. */
  title: string;
  url?: string;
  date?: string;
  updated?: string;
  /** Plain-text summary, when the format has one. */
  summary?: string;
  /** HTML summary (RSS description): also the content when there is no other. */
  summaryHtml?: string;
  contentHtml?: string;
  /** What relative URLs in the content resolve against. */
  contentBase?: string;
  image?: NewsImage;
  authors: (string | undefined)[];
  categories: (string | null | undefined)[];
}

// ---- Tree helpers: elements are matched by namespace URI and local name, never by prefix.

const one = child;
const all = children;
const text = (el: XmlElement, ns: string | null, name: string): string | undefined => {
  const c = child(el, ns, name);
  return c && (textOf(c).trim() || undefined);
};
/** The texts of the children with these names (namespace, local name, ...), by name, into `out`. */
function texts(el: XmlElement, names: (string | null)[], out: string[] = []): string[] {
  for (let i = 0; i < names.length; i += 2) {
    for (const c of el.children) {
      if (typeof c !== 'string' && c.local === names[i + 1] && c.ns === names[i]) out.push(collapse(textOf(c)));
    }
  }
  return out;
}
/** Only web URLs may become image sources. */
const httpUrl = (href: string | null | undefined, base?: string): string | undefined => {
  const url = resolveUrl(href, base);
  return url && /^https?:/.test(url) ? url : undefined;
};
/** RSS 2.0 wants "jane@college.example (Jane Doe)"; many write "Jane Doe (jane@…)" or "Jane Doe <jane@…>". */
function authorName(author: string): string {
  const m = /^(.*?)\s*[(<]([^)>]*)[)>]$/.exec(author);
  if (!m) return author;
  return m[2].includes('@') ? m[1] || m[2] : m[2] || m[1];
}
const textToHtml = (t: string): string => escapeHtml(t).replace(/\r?\n/g, '<br>');
const unique = <T>(list: (T | null | undefined)[]): T[] => [...new Set(list.filter((x): x is T => !!x))];

// ---- Foreign documents

const attrOf = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  const value = m?.[1] ?? m?.[2] ?? m?.[3];
  return value?.includes('&') ? decodeHtmlEntities(value) : value;
};

/** An HTML page is no feed; if it advertises one, say where. */
function notAFeed(html: string, base?: string): never {
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

// ---- Images

/** "0", "1", "1px", "0.0": the size of a tracking pixel. */
const PIXEL = /^\s*[01](?:\.0*)?\s*(?:px)?\s*$/i;
/** Invisible or at most a pixel wide or high, by attribute or inline style: a tracking pixel, not a picture. */
const HIDDEN_STYLE = new RegExp(
  String.raw`(?:^|;)\s*(?:(?:(?:max-)?(?:width|height)\s*:\s*[01](?:\.0*)?(?:px)?|opacity\s*:\s*0(?:\.0*)?)\s*(?:!important\s*)?(?:;|$)|display\s*:\s*none|visibility\s*:\s*hidden)`,
  'i',
);
const trackingPixel = (tag: string): boolean =>
  PIXEL.test(attrOf(tag, 'width') ?? '') ||
  PIXEL.test(attrOf(tag, 'height') ?? '') ||
  HIDDEN_STYLE.test(attrOf(tag, 'style') ?? '');

function imageInHtml(html: string | undefined, base?: string): NewsImage | undefined {
  for (const [tag] of html?.matchAll(/<img\b[^>]*>/gi) ?? []) {
    if (trackingPixel(tag)) continue;
    const url = httpUrl(attrOf(tag, 'src'), base);
    if (url) return { url, alt: attrOf(tag, 'alt') || undefined };
  }
  return undefined;
}

/** media:content (also inside media:group), then media:thumbnail. */
function mediaImage(el: XmlElement, base?: string): NewsImage | undefined {
  for (const m of descendants(el, MEDIA, 'content')) {
    const url = m.attrs.url;
    const medium = m.attrs.medium;
    const type = m.attrs.type;
    if (
      medium === 'image' ||
      type?.startsWith('image/') ||
      (!medium && !type && /\.(jpe?g|png|gif|webp|avif)(\?|$)/i.test(url ?? ''))
    ) {
      const image = httpUrl(url, base);
      if (image) return { url: image };
    }
  }
  const thumbnail = httpUrl(descendants(el, MEDIA, 'thumbnail')[0]?.attrs.url, base);
  return thumbnail ? { url: thumbnail } : undefined;
}

const itunesImage = (el: XmlElement, base?: string): string | undefined =>
  httpUrl(one(el, ITUNES, 'image')?.attrs.href, base);

// ---- Formats

/** The base for relative links in an item's HTML: an xml:base the feed sets wins, then the item's link. */
const contentBase = (el: XmlElement, url: string | undefined, ctx: Context): string | undefined =>
  hasXmlBase(el) ? xmlBase(el, ctx.base) : (url ?? ctx.base);

function readRss(channel: XmlElement, root: XmlElement, ns: string | null, ctx: Context): NewsFeed {
  let items = all(channel, ns, 'item');
  // RSS 1.0 puts items beside the channel, not in it.
  if (!items.length) items = all(root, ns, 'item');
  const feedBase = xmlBase(channel, ctx.base);
  // RSS 1.0's channel holds only a reference (<image rdf:resource>) to the <image> beside it.
  const image = [one(channel, ns, 'image'), one(root, ns, 'image')].find((i) => i && text(i, ns, 'url'));
  return {
    title: looseText(text(channel, ns, 'title') ?? text(channel, DC, 'title') ?? ''),
    url: resolveUrl(text(channel, ns, 'link'), feedBase) ?? atomLink(channel, ATOM, feedBase, 'alternate'),
    description: htmlToText(text(channel, ns, 'description') ?? text(channel, DC, 'description') ?? '') || undefined,
    language: text(channel, ns, 'language') ?? text(channel, DC, 'language'),
    image: (image && httpUrl(text(image, ns, 'url'), feedBase)) ?? itunesImage(channel, feedBase),
    items: finish(
      items.map((item): Draft => {
        const base = xmlBase(item, ctx.base);
        const guid = one(item, ns, 'guid');
        const id = (guid && textOf(guid).trim()) || attrNS(item, RDF, 'about') || undefined;
        // A guid is the link unless isPermaLink="false"; only an absolute one counts.
        const url =
          resolveUrl(text(item, ns, 'link'), base) ??
          atomLink(item, ATOM, ctx.base, 'alternate') ??
          (guid?.attrs.isPermaLink !== 'false' ? resolveUrl(id) : undefined);
        const enclosure = item.children.find(
          (c): c is XmlElement =>
            typeof c !== 'string' && c.local === 'enclosure' && c.ns === ns && !!c.attrs.type?.startsWith('image/'),
        );
        const enclosureUrl = httpUrl(enclosure?.attrs.url, base) ?? itunesImage(item, base);
        const description = text(item, ns, 'description') ?? text(item, DC, 'description');
        const atomContent = one(item, ATOM, 'content');
        const contentEl = one(item, CONTENT, 'encoded');
        return {
          id,
          title: looseText(text(item, ns, 'title') ?? text(item, DC, 'title') ?? ''),
          url,
          date:
            text(item, ns, 'pubDate') ??
            text(item, DC, 'date') ??
            text(item, DCTERMS, 'issued') ??
            text(item, ATOM, 'published'),
          updated: text(item, ATOM, 'updated') ?? text(item, DCTERMS, 'modified') ?? text(item, DC, 'modified'),
          summaryHtml: description,
          // Podcasts often describe an episode only in iTunes terms.
          summary: description ? undefined : (text(item, ITUNES, 'summary') ?? text(item, ITUNES, 'subtitle')),
          // Older feeds carried the article as <xhtml:body> or <fullitem>; some borrow Atom's <content>.
          contentHtml:
            (contentEl && (textOf(contentEl).trim() || undefined)) ??
            xhtmlBody(one(item, XHTML, 'body') ?? one(item, ns, 'body')) ??
            text(item, ns, 'fullitem') ??
            atomHtml(atomContent),
          contentBase: contentBase(contentEl ?? atomContent ?? item, url, ctx),
          image: mediaImage(item, base) ?? (enclosureUrl ? { url: enclosureUrl } : undefined),
          authors: texts(item, [ns, 'author', DC, 'creator', DC, 'author', ITUNES, 'author'])
            .concat(atomAuthors(item, ATOM))
            .map(authorName),
          categories: texts(
            item,
            [ns, 'category', DC, 'subject'],
            // Some CMSs write <tags>one, two</tags> instead of one <category> per tag.
            texts(item, [ns, 'tags']).flatMap((t) => t.split(',').map(collapse)),
          ),
        };
      }),
      ctx,
    ),
  };
}

const xhtmlBody = (el: XmlElement | undefined): string | undefined => (el && innerHtml(el).trim()) || undefined;

/** Base64 of UTF-8 text; undefined when it is not (then the element held plain text after all). */
function base64Text(data: string): string | undefined {
  try {
    const bytes = Uint8Array.from(atob(data.replace(/\s+/g, '')), (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * HTML for an Atom text construct: type text, html or xhtml; Atom 0.3 also escaped or base64 modes. A media
 * type that is neither textual nor XML means base64 (Atom 1.0); any other unknown type is read as text.
 */
function atomHtml(el: XmlElement | undefined): string | undefined {
  if (!el) return undefined;
  const type = (el.attrs.type || 'text').toLowerCase();
  const binary = /^[\w.+-]+\/[\w.+-]+/.test(type) && !type.startsWith('text/') && !/[/+]xml\b/.test(type);
  if (binary || el.attrs.mode === 'base64') {
    const decoded = base64Text(textOf(el));
    if (decoded !== undefined) return type.includes('html') ? decoded.trim() : textToHtml(decoded.trim());
  }
  if (type.includes('xhtml')) {
    return xhtmlBody(one(el, XHTML, 'div') ?? el) ?? '';
  }
  if (type.includes('html')) return textOf(el).trim();
  return textToHtml(textOf(el).trim());
}

function atomLink(
  el: XmlElement,
  ns: string | null,
  base: string | undefined,
  rel: string,
  type = '',
): string | undefined {
  for (const link of all(el, ns, 'link')) {
    if ((link.attrs.rel ?? 'alternate') === rel && (link.attrs.type ?? '').startsWith(type)) {
      const url = resolveUrl(link.attrs.href, xmlBase(link, base));
      if (url) return url;
    }
  }
  return undefined;
}

const atomId = (id: string | undefined, base: string | undefined): string | undefined =>
  id && /^\.{0,2}\//.test(id) ? (resolveUrl(id, base) ?? id) : id;

/** Authors by name; one who gives only an email is named by it. */
const atomAuthors = (el: XmlElement | undefined, ns: string | null): string[] =>
  el ? all(el, ns, 'author').map((a) => collapse(text(a, ns, 'name') ?? text(a, ns, 'email') ?? '')) : [];

function readAtom(root: XmlElement, ns: string | null, ctx: Context): NewsFeed {
  const feedAuthors = atomAuthors(root, ns);
  const logo = one(root, ns, 'logo') ?? one(root, ns, 'icon');
  return {
    title: htmlToText(atomHtml(one(root, ns, 'title')) ?? ''),
    url: atomLink(root, ns, ctx.base, 'alternate'),
    description: htmlToText(atomHtml(one(root, ns, 'subtitle') ?? one(root, ns, 'tagline')) ?? '') || undefined,
    language: root.attrs['xml:lang'] || undefined,
    image: logo && httpUrl(textOf(logo), xmlBase(logo, ctx.base)),
    items: finish(
      all(root, ns, 'entry').map((entry): Draft => {
        const content = one(entry, ns, 'content');
        const summary = one(entry, ns, 'summary');
        const base = xmlBase(entry, ctx.base);
        const authors = atomAuthors(entry, ns);
        const enclosure = httpUrl(atomLink(entry, ns, ctx.base, 'enclosure', 'image/'));
        return {
          // Relative ids exist in the wild; resolved, they stay stable and unique.
          id: atomId(text(entry, ns, 'id'), xmlBase(one(entry, ns, 'id') ?? entry, ctx.base)),
          title: htmlToText(atomHtml(one(entry, ns, 'title')) ?? ''),
          url: atomLink(entry, ns, ctx.base, 'alternate'),
          date: text(entry, ns, 'published') ?? text(entry, ns, 'issued'),
          updated: text(entry, ns, 'updated') ?? text(entry, ns, 'modified'),
          summaryHtml: atomHtml(summary),
          contentHtml: content?.attrs.src !== undefined ? undefined : atomHtml(content),
          contentBase: xmlBase(content ?? summary ?? entry, ctx.base),
          image: (enclosure ? { url: enclosure } : undefined) ?? mediaImage(entry, base),
          // An entry without authors inherits its source's, then the feed's.
          authors: authors.length ? authors : atomAuthors(one(entry, ns, 'source'), ns).concat(feedAuthors),
          categories: [
            ...all(entry, ns, 'category').map((c) => c.attrs.term ?? c.attrs.label),
            ...texts(entry, [DC, 'subject']),
          ],
        };
      }),
      ctx,
    ),
  };
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v.trim() || undefined : typeof v === 'number' ? String(v) : undefined;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** JSON Feed 1.1's `authors` replaces 1.0's `author`: the older one counts only when the newer is missing. */
const jsonAuthors = (o: Json): string[] =>
  unique((Array.isArray(o.authors) && o.authors.length ? o.authors : [o.author]).map((a) => str(obj(a).name)));

function readJson(json: string, ctx: Context): NewsFeed {
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

/** Makes the href and src URLs in content absolute: the article is shown on another page than the feed's. */
function absoluteLinks(html: string | undefined, base: string | undefined): string | undefined {
  if (!html || !base || !/\s(?:href|src)\s*=/i.test(html)) return html;
  return html.replace(
    /(\s(?:href|src)\s*=\s*)(?:"([^"]*)"|'([^']*)')/gi,
    (m, attr: string, dq?: string, sq?: string) => {
      const value = (dq ?? sq ?? '').trim();
      // Absolute URLs and in-page anchors stay as written (unsafe schemes are the sanitiser's job).
      if (!value || value[0] === '#' || /^[a-z][\w+.-]*:/i.test(value)) return m;
      try {
        return `${attr}"${new URL(value.replace(/&amp;/g, '&'), base).href.replace(/&/g, '&amp;').replace(/"/g, '%22')}"`;
      } catch {
        return m;
      }
    },
  );
}

/**
 * Applies the fallbacks every format shares, and keeps ids unique within the feed. What is derived from
 * HTML (the summary, absolute links in the content, an image found in it) is worked out when first read:
 * a list that shows 10 items of 1,000 pays for 10.
 */
function finish(drafts: Draft[], ctx: Context): NewsItem[] {
  const used = new Set<string>();
  return drafts.map((d) => {
    let contentHtml: string | undefined | null = null;
    let summary: string | undefined | null = null;
    let image: NewsImage | undefined | null = d.image ?? null;
    const getContent = (): string | undefined =>
      contentHtml === null ? (contentHtml = absoluteLinks(d.contentHtml ?? d.summaryHtml, d.contentBase)) : contentHtml;
    const getSummary = (): string | undefined => {
      if (summary !== null) return summary;
      // A description that is also the content is an article, not a summary: cut it like one.
      let s = d.summary ?? (d.contentHtml && d.summaryHtml ? htmlToText(d.summaryHtml) : undefined);
      const html = d.contentHtml ?? d.summaryHtml;
      // 4,000 characters of HTML hold far more than 300 of text; reading whole articles would be slow.
      if (!s && html) s = truncate(htmlToText(html.slice(0, 4000)));
      return (summary = s || undefined);
    };
    const title = d.title || truncate(getSummary() ?? '', 100);
    const updated = parseFeedDate(d.updated, ctx.zone);
    const published = parseFeedDate(d.date, ctx.zone) ?? updated;
    const base = d.id || d.url || 'h' + hash(`${title}|${d.date ?? ''}|${title || d.date ? '' : (getContent() ?? '')}`);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}~${n}`;
    used.add(id);
    return {
      id,
      title,
      url: d.url,
      published,
      updated,
      get summary() {
        return getSummary();
      },
      set summary(value) {
        summary = value;
      },
      get contentHtml() {
        return getContent();
      },
      set contentHtml(value) {
        contentHtml = value;
      },
      get image() {
        return image === null ? (image = imageInHtml(getContent(), d.contentBase)) : image;
      },
      set image(value) {
        image = value;
      },
      authors: unique(d.authors),
      categories: unique(d.categories),
    };
  });
}

// XML forbids the C0 controls: dropping them is the repair. C1 controls are windows-1252 punctuation that
// went through the wrong decoder ("don\u0092t"). One search of the whole text finds either.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\0-\x08\x0b\x0c\x0e-\x1f\x80-\x9f]/;
// eslint-disable-next-line no-control-regex
const C0 = /[\0-\x08\x0b\x0c\x0e-\x1f]+/g;

/**
 * Parses a feed from text or bytes, in any browser, worker or Node: no DOM needed. Bytes are decoded by BOM,
 * then the `charset` of `options.contentType`, then the XML declaration, then UTF-8.
 * @throws {FeedError} `parse` for broken XML or JSON, `format` for a document that is no feed.
 */
export function parseFeed(input: string | ArrayBuffer | Uint8Array, options: ParseFeedOptions = {}): NewsFeed {
  let source: string;
  try {
    const raw =
      typeof input === 'string'
        ? input
        : decodeFeedBytes(input instanceof Uint8Array ? input : new Uint8Array(input), options.contentType);
    source = raw.replace(/^\uFEFF?\s*/, '');
  } catch (cause) {
    throw new FeedError('parse', `Unreadable input: ${String(cause)}`, { cause });
  }
  if (CONTROL.test(source)) source = fixC1(source.replace(C0, ''));
  const ctx: Context = { base: options.url, zone: options.defaultTimeZone };
  if (!source.trim()) throw new FeedError('parse', 'The feed is empty');
  if (source[0] === '{' || source[0] === '[') return readJson(source, ctx);
  let root: XmlElement;
  try {
    root = scanXml(source);
  } catch (error) {
    // HTML is seldom well-formed XML: a page is told apart by its first tags.
    if (/<(?:!doctype html|html|head|body)[\s>]/i.test(source.slice(0, 4096))) notAFeed(source, ctx.base);
    throw error instanceof FeedError
      ? error
      : new FeedError('parse', `Unreadable XML: ${String(error)}`, { cause: error });
  }
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
    if (name === 'feed') return readAtom(root, ns, ctx);
    if (name === 'html') notAFeed(source, ctx.base);
    throw new FeedError('format', `A <${name}> document is not a feed`);
  } catch (error) {
    // Whatever goes wrong, callers get the one error type they were promised.
    if (error instanceof FeedError) throw error;
    throw new FeedError('parse', `Unreadable feed: ${String(error)}`, { cause: error });
  }
}
