/** Makes feed links absolute and keeps only the schemes a news widget may follow. */

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Resolves `href` against `base`; returns it only if it is an `http:`, `https:` or `mailto:` URL. */
export function resolveUrl(href: string | null | undefined, base?: string): string | undefined {
  const h = href?.trim();
  if (!h) return undefined;
  try {
    const url = new URL(h, base);
    return /^(https?|mailto):$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The base URL in effect at `el`: `base` (the feed's address) refined by every `xml:base` from the root down. */
export function xmlBase(el: Element, base?: string): string | undefined {
  const chain: string[] = [];
  for (let e: Element | null = el; e; e = e.parentElement) {
    const b = e.getAttributeNS(XML_NS, 'base');
    if (b) chain.push(b);
  }
  for (let i = chain.length; i--;) {
    try {
      base = new URL(chain[i], base).href;
    } catch {
      // A relative xml:base with nothing to resolve it against says nothing usable.
    }
  }
  return base;
}
