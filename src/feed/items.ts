/** What the format readers share: namespaces, tree helpers, images, and the fallbacks every item gets. */
import type { NewsImage, NewsItem } from './types.js';
import type { Context } from './readers.js';
import { parseFeedDate } from './dates.js';
import { resolveUrl, xmlBase } from './urls.js';
import { collapse, decodeHtmlEntities, escapeHtml, hash, htmlToText, truncate } from './text.js';
import { child, children, descendants, innerHtml, textOf, type XmlElement } from './scan-xml.js';

export const ATOM = 'http://www.w3.org/2005/Atom';
export const CONTENT = 'http://purl.org/rss/1.0/modules/content/';
export const DC = 'http://purl.org/dc/elements/1.1/';
export const DCTERMS = 'http://purl.org/dc/terms/';
export const MEDIA = 'http://search.yahoo.com/mrss/';
export const ITUNES = 'http://www.itunes.com/dtds/podcast-1.0.dtd';
export const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
export const XHTML = 'http://www.w3.org/1999/xhtml';

/** An item as read from the feed, before the format-independent fallbacks (id, summary, image). */
export interface Draft {
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

export const one = child;
export const all = children;
export const text = (el: XmlElement, ns: string | null, name: string): string | undefined => {
  const c = child(el, ns, name);
  return c && (textOf(c).trim() || undefined);
};
/** The texts of the children with these names (namespace, local name, ...), by name, into `out`. */
export function texts(el: XmlElement, names: (string | null)[], out: string[] = []): string[] {
  for (let i = 0; i < names.length; i += 2) {
    for (const c of el.children) {
      if (typeof c !== 'string' && c.local === names[i + 1] && c.ns === names[i]) out.push(collapse(textOf(c)));
    }
  }
  return out;
}
/** Only web URLs may become image sources. */
export const httpUrl = (href: string | null | undefined, base?: string): string | undefined => {
  const url = resolveUrl(href, base);
  return url && /^https?:/.test(url) ? url : undefined;
};

export const textToHtml = (t: string): string => escapeHtml(t).replace(/\r?\n/g, '<br>');
export const unique = <T>(list: (T | null | undefined)[]): T[] => [...new Set(list.filter((x): x is T => !!x))];

// ---- Tags in HTML

/** An attribute of an HTML tag as written (`<img src=…>`), references decoded. */
export const attrOf = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  const value = m?.[1] ?? m?.[2] ?? m?.[3];
  return value?.includes('&') ? decodeHtmlEntities(value) : value;
};

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

export function imageInHtml(html: string | undefined, base?: string): NewsImage | undefined {
  for (const [tag] of html?.matchAll(/<img\b[^>]*>/gi) ?? []) {
    if (trackingPixel(tag)) continue;
    const url = httpUrl(attrOf(tag, 'src'), base);
    if (url) return { url, alt: attrOf(tag, 'alt') || undefined };
  }
  return undefined;
}

/** media:content (also inside media:group), then media:thumbnail. */
export function mediaImage(el: XmlElement, base?: string): NewsImage | undefined {
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

// ---- Atom's parts that RSS feeds borrow

/** The markup inside an XHTML element. */
export const xhtmlBody = (el: XmlElement | undefined): string | undefined => (el && innerHtml(el).trim()) || undefined;

/** The first link with this `rel` (and type prefix), made absolute. */
export function atomLink(
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

/** Authors by name; one who gives only an email is named by it. */
export const atomAuthors = (el: XmlElement | undefined, ns: string | null): string[] =>
  el ? all(el, ns, 'author').map((a) => collapse(text(a, ns, 'name') ?? text(a, ns, 'email') ?? '')) : [];

// ---- Items

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
export function finish(drafts: Draft[], ctx: Context): NewsItem[] {
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
