/** Reads Atom 1.0 and 0.3: loaded only for the feeds that need it. */
import type { NewsFeed } from './types.js';
import type { Context, Readers } from './readers.js';
import { resolveUrl, xmlBase } from './urls.js';
import { htmlToText } from './text.js';
import { textOf, type XmlElement } from './scan-xml.js';
import {
  DC,
  XHTML,
  all,
  atomAuthors,
  atomLink,
  finish,
  httpUrl,
  mediaImage,
  one,
  text,
  textToHtml,
  texts,
  xhtmlBody,
  type Draft,
} from './items.js';

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

const atomId = (id: string | undefined, base: string | undefined): string | undefined =>
  id && /^\.{0,2}\//.test(id) ? (resolveUrl(id, base) ?? id) : id;

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

export const atomReader: NonNullable<Readers['atom']> = { read: readAtom, html: atomHtml };
