/** Parses RSS 2.0/0.9x, RSS 1.0 (RDF), Atom 1.0/0.3 and JSON Feed 1.x into one NewsFeed model. */
import type { NewsFeed, NewsImage, NewsItem, ParseFeedOptions } from './types.js';
import { FeedError } from './feed-error.js';
import { decodeFeedBytes } from './decode.js';
import { parseFeedDate } from './dates.js';
import { resolveUrl, xmlBase } from './urls.js';
import { collapse, escapeHtml, fixC1, hash, htmlToText, truncate } from './text.js';

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

// ---- XML helpers: elements are matched by namespace URI and local name, never by prefix.

// Sibling walks, not [...el.children]: these run some twenty times per item, and the spread cost a third of
// the parse time of a 1,000-item feed.
function all(el: Element, ns: string | null, name: string): Element[] {
  const out: Element[] = [];
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (c.localName === name && c.namespaceURI === ns) out.push(c);
  }
  return out;
}
function one(el: Element, ns: string | null, name: string): Element | undefined {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (c.localName === name && c.namespaceURI === ns) return c;
  }
  return undefined;
}
const text = (el: Element, ns: string | null, name: string): string | undefined =>
  one(el, ns, name)?.textContent?.trim() || undefined;
const texts = (el: Element, ns: string | null, name: string): string[] =>
  all(el, ns, name).map((e) => collapse(e.textContent ?? ''));
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

// ---- Repairs and errors

let entityBox: HTMLTextAreaElement | undefined;

/** Makes the usual CMS mistakes well-formed: HTML named entities, bare `&`, control characters. */
function repairXml(xml: string): string {
  // A DOCTYPE may pull entity sets in by parameter-entity reference (%HTMLlat1;). No parser fetches them, and
  // WebKit's refuses the document ("PEReference not found"): drop them; the named entities are decoded below.
  xml = xml.replace(
    /(<!DOCTYPE[^[>]*\[)([\s\S]*?)(\]\s*>)/i,
    (_, open: string, subset: string, close: string) =>
      open + subset.replace(/<!ENTITY\s+%[^>]*>|%[\w.:-]+;/g, '') + close,
  );
  xml = xml.replace(
    // eslint-disable-next-line no-control-regex -- XML forbids these characters: dropping them is the repair.
    /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|&(?:(#\d+|#x[\da-f]+|[a-z][\w.-]*);)?|[\0-\x08\x0b\x0c\x0e-\x1f]/gi,
    (m, ref?: string) => {
      // eslint-disable-next-line no-control-regex -- as above, inside CDATA and comments.
      if (m[0] === '<') return m.replace(/[\0-\x08\x0b\x0c\x0e-\x1f]/g, '');
      if (m[0] !== '&') return '';
      if (!ref) return '&amp;';
      if (ref[0] === '#' || /^(amp|lt|gt|quot|apos)$/.test(ref)) return m;
      // The browser knows every HTML entity: a textarea decodes without parsing tags.
      entityBox ??= document.createElement('textarea');
      entityBox.innerHTML = m;
      const value = entityBox.value;
      return value === m ? `&amp;${ref};` : [...value].map((c) => `&#${c.codePointAt(0)};`).join('');
    },
  );
  // Templates copied between CMSs often drop xmlns:media and friends; declare them on the root.
  const declared = new Set([...xml.matchAll(/xmlns:([\w.-]+)\s*=/g)].map((m) => m[1]));
  const missing = new Set(
    [...xml.matchAll(/(?:<\/?|\s)([a-z_][\w.-]*):[\w.-]/gi)]
      .map((m) => m[1])
      .filter((p) => !/^xml/.test(p) && !declared.has(p)),
  );
  const known: Record<string, string> = { media: MEDIA, dc: DC, content: CONTENT, itunes: ITUNES, atom: ATOM };
  const declarations = [...missing].map((p) => ` xmlns:${p}="${known[p] ?? `urn:x-undeclared:${p}`}"`).join('');
  return xml.replace(/<(?![?!/])[\w.:-]+/, `$&${declarations}`);
}

function parseXml(xml: string): Document | string {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagNameNS('*', 'parsererror')[0];
  if (!error) return doc;
  const report = error.textContent ?? '';
  // Chromium: "error on line 3 at column 8: ..."; Firefox: "... Line Number 3, Column 8:".
  const m = /line(?: number)? (\d+)(?:,| at) column (\d+):?\s*(.*)/i.exec(report);
  return m ? `Broken XML at line ${m[1]}, column ${m[2]}: ${m[3].replace(/Below is.*/, '').trim()}` : 'Broken XML';
}

/** An HTML page is no feed; if it advertises one, say where. */
function notAFeed(html: string, base?: string): never {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const pageBase = resolveUrl(doc.querySelector('base[href]')?.getAttribute('href'), base) ?? base;
  let feedUrl: string | undefined;
  for (const link of doc.querySelectorAll('link[rel~=alternate i][href]')) {
    if (/^application\/(rss\+xml|atom\+xml|feed\+json)\b/i.test(link.getAttribute('type') ?? '')) {
      feedUrl = resolveUrl(link.getAttribute('href'), pageBase);
      if (feedUrl) break;
    }
  }
  throw new FeedError('format', `This is a web page, not a feed${feedUrl ? `; its feed is ${feedUrl}` : ''}`, {
    feedUrl,
  });
}

// ---- Images

function imageInHtml(html: string | undefined, base?: string): NewsImage | undefined {
  for (const [tag] of html?.matchAll(/<img\b[^>]*>/gi) ?? []) {
    const attr = (name: string): string | undefined => {
      const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
      const value = m?.[1] ?? m?.[2] ?? m?.[3];
      return value?.includes('&') ? htmlToText(value) : value;
    };
    // 1x1 images are tracking pixels, not pictures.
    if (attr('width') === '1' || attr('height') === '1') continue;
    const url = httpUrl(attr('src'), base);
    if (url) return { url, alt: attr('alt') || undefined };
  }
  return undefined;
}

/** media:content (also inside media:group), then media:thumbnail. */
function mediaImage(el: Element, base?: string): NewsImage | undefined {
  for (const m of el.getElementsByTagNameNS(MEDIA, 'content')) {
    const url = m.getAttribute('url');
    const medium = m.getAttribute('medium');
    const type = m.getAttribute('type');
    if (
      medium === 'image' ||
      type?.startsWith('image/') ||
      (!medium && !type && /\.(jpe?g|png|gif|webp|avif)(\?|$)/i.test(url ?? ''))
    ) {
      const image = httpUrl(url, base);
      if (image) return { url: image };
    }
  }
  const thumbnail = httpUrl(el.getElementsByTagNameNS(MEDIA, 'thumbnail')[0]?.getAttribute('url'), base);
  return thumbnail ? { url: thumbnail } : undefined;
}

const itunesImage = (el: Element, base?: string): string | undefined =>
  httpUrl(one(el, ITUNES, 'image')?.getAttribute('href'), base);

// ---- Formats

function readRss(channel: Element, root: Element, ns: string | null, ctx: Context): NewsFeed {
  let items = all(channel, ns, 'item');
  // RSS 1.0 puts items beside the channel, not in it.
  if (!items.length) items = all(root, ns, 'item');
  const feedBase = xmlBase(channel, ctx.base);
  const image = one(channel, ns, 'image') ?? one(root, ns, 'image');
  return {
    title: htmlToText(text(channel, ns, 'title') ?? text(channel, DC, 'title') ?? ''),
    url: resolveUrl(text(channel, ns, 'link'), feedBase),
    description: htmlToText(text(channel, ns, 'description') ?? text(channel, DC, 'description') ?? '') || undefined,
    language: text(channel, ns, 'language') ?? text(channel, DC, 'language'),
    image: (image && httpUrl(text(image, ns, 'url'), feedBase)) ?? itunesImage(channel, feedBase),
    items: finish(
      items.map((item): Draft => {
        const base = xmlBase(item, ctx.base);
        const guid = one(item, ns, 'guid');
        const id = guid?.textContent?.trim() || item.getAttributeNS(RDF, 'about') || undefined;
        // A guid is the link unless isPermaLink="false"; only an absolute one counts.
        const url =
          resolveUrl(text(item, ns, 'link'), base) ??
          (guid?.getAttribute('isPermaLink') !== 'false' ? resolveUrl(id) : undefined);
        const enclosure = all(item, ns, 'enclosure').find((e) => e.getAttribute('type')?.startsWith('image/'));
        const enclosureUrl = httpUrl(enclosure?.getAttribute('url'), base) ?? itunesImage(item, base);
        return {
          id,
          title: htmlToText(text(item, ns, 'title') ?? text(item, DC, 'title') ?? ''),
          url,
          date: text(item, ns, 'pubDate') ?? text(item, DC, 'date') ?? text(item, DCTERMS, 'issued'),
          updated: text(item, ATOM, 'updated') ?? text(item, DCTERMS, 'modified') ?? text(item, DC, 'modified'),
          summaryHtml: text(item, ns, 'description') ?? text(item, DC, 'description'),
          // Older feeds carried the article as <xhtml:body> or <fullitem>.
          contentHtml:
            text(item, CONTENT, 'encoded') ??
            xhtmlBody(one(item, XHTML, 'body') ?? one(item, ns, 'body')) ??
            text(item, ns, 'fullitem'),
          contentBase: url ?? base,
          image: mediaImage(item, base) ?? (enclosureUrl ? { url: enclosureUrl } : undefined),
          authors: [
            ...texts(item, ns, 'author'),
            ...texts(item, DC, 'creator'),
            ...texts(item, DC, 'author'),
            ...texts(item, ITUNES, 'author'),
          ].map(authorName),
          categories: [
            // Some CMSs write <tags>one, two</tags> instead of one <category> per tag.
            ...texts(item, ns, 'tags').flatMap((t) => t.split(',').map(collapse)),
            ...texts(item, ns, 'category'),
            ...texts(item, DC, 'subject'),
          ],
        };
      }),
      ctx,
    ),
  };
}

const xhtmlBody = (el: Element | undefined): string | undefined =>
  el?.innerHTML.replace(/ xmlns="http:\/\/www\.w3\.org\/1999\/xhtml"/g, '').trim() || undefined;

/** Atom 0.3's mode="base64": bytes in UTF-8. */
function base64Text(data: string): string | undefined {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(data.replace(/\s+/g, '')), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/** HTML for an Atom text construct (type text, html or xhtml; Atom 0.3 also escaped or base64 modes). */
function atomHtml(el: Element | undefined): string | undefined {
  if (!el) return undefined;
  const type = (el.getAttribute('type') || 'text').toLowerCase();
  // Atom 1.0 base64-encodes any other media type; Atom 0.3 says so with mode="base64".
  const binary = type.includes('/') && !type.startsWith('text/') && !/xml/.test(type);
  if (binary || el.getAttribute('mode') === 'base64') {
    const decoded = base64Text(el.textContent ?? '');
    if (decoded === undefined) return undefined;
    return type.includes('html') ? decoded.trim() : textToHtml(decoded.trim());
  }
  if (type.includes('xhtml')) return xhtmlBody(one(el, XHTML, 'div') ?? el) ?? '';
  if (type.includes('html')) return el.textContent?.trim();
  return type === 'text' || type.startsWith('text/') ? textToHtml(el.textContent?.trim() ?? '') : undefined;
}

function atomLink(
  el: Element,
  ns: string | null,
  base: string | undefined,
  rel: string,
  type = '',
): string | undefined {
  for (const link of all(el, ns, 'link')) {
    if ((link.getAttribute('rel') ?? 'alternate') === rel && (link.getAttribute('type') ?? '').startsWith(type)) {
      const url = resolveUrl(link.getAttribute('href'), xmlBase(link, base));
      if (url) return url;
    }
  }
  return undefined;
}

const atomId = (id: string | undefined, base: string | undefined): string | undefined =>
  id && /^\.{0,2}\//.test(id) ? (resolveUrl(id, base) ?? id) : id;

const atomAuthors = (el: Element | undefined, ns: string | null): string[] =>
  el ? all(el, ns, 'author').map((a) => collapse(text(a, ns, 'name') ?? '')) : [];

function readAtom(root: Element, ns: string | null, ctx: Context): NewsFeed {
  const feedAuthors = atomAuthors(root, ns);
  const logo = one(root, ns, 'logo') ?? one(root, ns, 'icon');
  return {
    title: htmlToText(atomHtml(one(root, ns, 'title')) ?? ''),
    url: atomLink(root, ns, ctx.base, 'alternate'),
    description: htmlToText(atomHtml(one(root, ns, 'subtitle') ?? one(root, ns, 'tagline')) ?? '') || undefined,
    language: root.getAttribute('xml:lang') ?? undefined,
    image: logo && httpUrl(logo.textContent, xmlBase(logo, ctx.base)),
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
          contentHtml: content?.hasAttribute('src') ? undefined : atomHtml(content),
          contentBase: xmlBase(content ?? summary ?? entry, ctx.base),
          image: (enclosure ? { url: enclosure } : undefined) ?? mediaImage(entry, base),
          // An entry without authors inherits its source's, then the feed's.
          authors: authors.length ? authors : atomAuthors(one(entry, ns, 'source'), ns).concat(feedAuthors),
          categories: [
            ...all(entry, ns, 'category').map((c) => c.getAttribute('term') ?? c.getAttribute('label')),
            ...texts(entry, DC, 'subject'),
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
const jsonAuthors = (o: Json): string[] => unique([...list(o.authors), o.author].map((a) => str(obj(a).name)));

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

/** Applies the fallbacks every format shares, and keeps ids unique within the feed. */
function finish(drafts: Draft[], ctx: Context): NewsItem[] {
  const used = new Set<string>();
  return drafts.map((d) => {
    const contentHtml = absoluteLinks(d.contentHtml ?? d.summaryHtml, d.contentBase);
    // A description that is also the content is an article, not a summary: cut it like one.
    let summary = d.summary ?? (d.contentHtml && d.summaryHtml ? htmlToText(d.summaryHtml) : undefined);
    // 4,000 characters of HTML hold far more than 300 of text; parsing whole articles would be slow.
    if (!summary && contentHtml) summary = truncate(htmlToText(contentHtml.slice(0, 4000)));
    const title = d.title || truncate(summary ?? '', 100);
    const updated = parseFeedDate(d.updated, ctx.zone);
    const published = parseFeedDate(d.date, ctx.zone) ?? updated;
    const base = d.id || d.url || 'h' + hash(`${title}|${d.date ?? ''}|${title || d.date ? '' : contentHtml}`);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}~${n}`;
    used.add(id);
    return {
      id,
      title,
      url: d.url,
      published,
      updated,
      summary: summary || undefined,
      contentHtml,
      image: d.image ?? imageInHtml(contentHtml, d.contentBase),
      authors: unique(d.authors),
      categories: unique(d.categories),
    };
  });
}

/**
 * Parses a feed from text or bytes. Bytes are decoded by BOM, then the `charset` of `options.contentType`,
 * then the XML declaration, then UTF-8.
 * @throws {FeedError} `parse` for broken XML or JSON, `format` for a document that is no feed.
 */
export function parseFeed(input: string | ArrayBuffer | Uint8Array, options: ParseFeedOptions = {}): NewsFeed {
  const raw =
    typeof input === 'string'
      ? input
      : decodeFeedBytes(input instanceof Uint8Array ? input : new Uint8Array(input), options.contentType);
  // The bytes are text by now: a declaration naming another encoding, or a BOM, would only upset the parser.
  // C1 controls in text are windows-1252 punctuation that went through the wrong decoder ("don\u0092t").
  const source = fixC1(raw).replace(/^\uFEFF?\s*(?:<\?xml\s[^>]*\?>\s*)?/, '');
  const ctx: Context = { base: options.url, zone: options.defaultTimeZone };
  if (!source.trim()) throw new FeedError('parse', 'The feed is empty');
  if (source[0] === '{' || source[0] === '[') return readJson(source, ctx);
  if (/^(?:<!--[\s\S]*?-->\s*)*<(?:!doctype html|html[\s>])/i.test(source)) notAFeed(source, ctx.base);
  let doc = parseXml(source);
  if (typeof doc === 'string') {
    const repaired = parseXml(repairXml(source));
    if (typeof repaired === 'string') {
      if (/<(?:html|head|body)[\s>]/i.test(source.slice(0, 4096))) notAFeed(source, ctx.base);
      throw new FeedError('parse', doc);
    }
    doc = repaired;
  }
  const root = doc.documentElement;
  const ns = root.namespaceURI;
  const name = root.localName;
  // A channel-less <rss> (a feed with nothing in it yet) is still a feed.
  if (name === 'rss') return readRss(one(root, ns, 'channel') ?? root, root, ns, ctx);
  if (name === 'RDF' && ns === RDF) {
    const channel = [...root.children].find((c) => c.localName === 'channel' || c.localName === 'item');
    const rssNs = channel?.namespaceURI ?? root.lookupNamespaceURI(null);
    return readRss(channel?.localName === 'channel' ? channel : root, root, rssNs, ctx);
  }
  // Atom 1.0 and 0.3; a <feed> in no namespace or a home-made one is a hand-written Atom feed, read alike.
  if (name === 'feed') return readAtom(root, ns, ctx);
  if (name === 'html') notAFeed(source, ctx.base);
  throw new FeedError('format', `A <${name}> document is not a feed`);
}
