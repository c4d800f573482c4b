/** Reads RSS 2.0/0.9x and RSS 1.0 (RDF), the formats most feeds use. */
import type { NewsFeed } from './types.js';
import { need, type Context } from './readers.js';
import { hasXmlBase, resolveUrl, xmlBase } from './urls.js';
import { collapse, htmlToText, looseText } from './text.js';
import { attrNS, textOf, type XmlElement } from './scan-xml.js';
import {
  ATOM,
  CONTENT,
  DC,
  DCTERMS,
  ITUNES,
  RDF,
  XHTML,
  all,
  atomAuthors,
  atomLink,
  finish,
  httpUrl,
  mediaImage,
  one,
  text,
  texts,
  xhtmlBody,
  type Draft,
} from './items.js';

/** RSS 2.0 wants "jane@college.example (Jane Doe)"; many write "Jane Doe (jane@…)" or "Jane Doe <jane@…>". */
function authorName(author: string): string {
  const m = /^(.*?)\s*[(<]([^)>]*)[)>]$/.exec(author);
  if (!m) return author;
  return m[2].includes('@') ? m[1] || m[2] : m[2] || m[1];
}

const itunesImage = (el: XmlElement, base?: string): string | undefined =>
  httpUrl(one(el, ITUNES, 'image')?.attrs.href, base);

/** The base for relative links in an item's HTML: an xml:base the feed sets wins, then the item's link. */
const contentBase = (el: XmlElement, url: string | undefined, ctx: Context): string | undefined =>
  hasXmlBase(el) ? xmlBase(el, ctx.base) : (url ?? ctx.base);

/** RSS 2.0 and 0.9x (`ns` none), and RSS 1.0 (RDF), whose items sit beside the channel. */
export function readRss(channel: XmlElement, root: XmlElement, ns: string | null, ctx: Context): NewsFeed {
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
            (atomContent && need(ctx, 'atom').html(atomContent)),
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
