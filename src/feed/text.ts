/** Plain text from feed markup, HTML escaping, and the stable hash behind fallback item ids. */

let template: HTMLTemplateElement | undefined;
// Block boundaries would otherwise glue words together in textContent ("end.Next").
const BLOCK = /<(\/?(?:p|div|br|li|h[1-6]|tr|td|th|dd|dt|blockquote|pre|figure|figcaption|section|article|hr)\b)/gi;

let cp1252: TextDecoder | undefined;
const fromCp1252 = (c: string): string =>
  (cp1252 ??= new TextDecoder('windows-1252')).decode(Uint8Array.of(c.charCodeAt(0)));

/** C1 controls in text are windows-1252 punctuation that went through the wrong decoder ("don\u0092t"). */
export const fixC1 = (text: string): string =>
  /[\x80-\x9f]/.test(text) ? text.replace(/[\x80-\x9f]/g, fromCp1252) : text;

/** Collapses whitespace (including no-break spaces) and trims; repairs windows-1252 punctuation. */
export const collapse = (text: string): string => fixC1(text.replace(/\s+/g, ' ').trim());

const SIMPLE_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
// A tag, its quoted attributes allowed to hold ">", or a comment.
const TAG = /<!--[\s\S]*?-->|<\/?[a-z][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>/gi;

/** Text of an HTML fragment: tags stripped, entities decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  // Most titles hold no markup: skip the parser for them (1,000-item feeds).
  if (!/<|&[#\w]/.test(html)) return collapse(html);
  // Plain markup (no script or style, no other named entities, no stray "<") needs no parser: a template per
  // item made parsing a 1,000-item feed three times slower than the DOMParser alone.
  if (!/<(?:script|style|noscript|template|textarea|title|xmp|plaintext)\b|<!\[/i.test(html)) {
    const stripped = html.replace(BLOCK, ' <$1').replace(TAG, '');
    if (!stripped.includes('<')) {
      let simple = true;
      const text = stripped.replace(
        /&(?:#(\d+)|#x([\da-f]+)|(\w+));?/gi,
        (m, dec?: string, hex?: string, name?: string) => {
          if (name) {
            const value = m.endsWith(';') ? SIMPLE_ENTITIES[name] : undefined;
            if (value === undefined) simple = false;
            return value ?? m;
          }
          const cp = dec ? +dec : parseInt(hex!, 16);
          return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
        },
      );
      if (simple) return collapse(text);
    }
  }
  // A template's content is inert: no script runs, no image loads.
  template ??= document.createElement('template');
  template.innerHTML = html.replace(BLOCK, ' <$1');
  const content = template.content;
  for (const el of content.querySelectorAll('script,style,noscript,template')) el.remove();
  return collapse(content.textContent ?? '');
}

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
