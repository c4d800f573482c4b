/** Plain text from feed markup, HTML escaping, and the stable hash behind fallback item ids. */

import { isLegacyEntity, namedEntity } from './entities.js';

// windows-1252 for the C1 range (its five holes stay as they are), as HTML reads "&#150;": feeds mean the dash, not a control character.
const CP1252 =
  '\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\x8d\u017d\x8f\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\x9d\u017e\u0178';

/** The text of a numeric reference's code point; impossible ones (0, surrogates, past U+10FFFF) become U+FFFD. */
export function codePointText(cp: number): string {
  if (cp >= 0x80 && cp <= 0x9f) return CP1252[cp - 0x80];
  if (!(cp > 0 && cp <= 0x10ffff) || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(cp);
}

// Block boundaries would otherwise glue words together in textContent ("end.Next").
const BLOCK = /<(\/?(?:p|div|br|li|h[1-6]|tr|td|th|dd|dt|blockquote|pre|figure|figcaption|section|article|hr)\b)/gi;

// Not TextDecoder('windows-1252'): Node 20's reads it as Latin-1, leaving the controls as they were.
const fromCp1252 = (c: string): string => codePointText(c.charCodeAt(0));

/** C1 controls in text are windows-1252 punctuation that went through the wrong decoder ("don\u0092t"). */
export const fixC1 = (text: string): string =>
  /[\x80-\x9f]/.test(text) ? text.replace(/[\x80-\x9f]/g, fromCp1252) : text;

/** Collapses whitespace (including no-break spaces) and trims; repairs windows-1252 punctuation. */
export const collapse = (text: string): string => fixC1(text.replace(/\s+/g, ' ').trim());

// Elements whose content is never text a reader sees: dropped with it.
const HIDDEN =
  /<(script|style|noscript|template|textarea|title|xmp|iframe|noembed|noframes|plaintext)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi;
// A tag, its quoted attributes allowed to hold ">"; a comment; a doctype, CDATA section or processing instruction.
const TAG = /<!--[\s\S]*?(?:-->|$)|<[!?][^>]*>|<\/?[a-z][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*(?:>|$)/gi;
const LOOSE_TAG = /<\/?[a-z][^>]*(?:>|$)/gi;
const REFERENCE = /&(?:#(\d{1,8})|#[xX]([\da-fA-F]{1,8})|([A-Za-z][A-Za-z\d]*))(;?)/g;

/** Decodes character references as HTML does: named (HTML 4's set), decimal and hex; unknown names stay. */
export const decodeHtmlEntities = (text: string): string =>
  text.includes('&')
    ? text.replace(REFERENCE, (m, dec?: string, hex?: string, name?: string, semicolon?: string) => {
        if (!name) return codePointText(dec ? +dec : parseInt(hex!, 16));
        return (semicolon || isLegacyEntity(name) ? namedEntity(name) : undefined) ?? m;
      })
    : text;

/** Text of an HTML fragment: tags stripped, entities decoded, whitespace collapsed. Needs no DOM. */
export function htmlToText(html: string): string {
  // Most titles hold no markup.
  if (!/<|&[#\w]/.test(html)) return collapse(html);
  if (html.includes('<')) {
    html = html.replace(HIDDEN, ' ').replace(BLOCK, ' <$1').replace(TAG, '');
    // A tag whose quotes never close ends at its ">" all the same, as a browser reads it.
    if (/<\/?[a-z]/i.test(html)) html = html.replace(LOOSE_TAG, '');
  }
  return collapse(decodeHtmlEntities(html));
}

// As feedparser tells: a closing tag, a line break or image, or a character reference.
const HTML_HINT = /<\/[a-z][\w-]*>|<(?:br|img|hr)\b|&#?\w+;/i;

/** Text of a field that should be plain text but is often HTML (RSS titles): "RSS <<<Tutorial>>>" stays as it is. */
export const looseText = (text: string): string => (HTML_HINT.test(text) ? htmlToText(text) : collapse(text));

export const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"]/g,
    (c) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' } as Record<string, string>)[c]};`,
  );

/** Cuts text at a word boundary near `max` characters, with an ellipsis. */
export function truncate(text: string, max = 300): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  // Scripts without spaces (Chinese, Japanese) are cut where the limit falls.
  return (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.\-–—]+$/, '') + '…';
}

/** FNV-1a, 32 bits, base 36: short and stable across fetches and browsers. */
export function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}
