/** Makes feed links absolute and keeps only the schemes a news widget may follow. */

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

/** An element that may carry `xml:base`, and its parent. */
interface Based {
  attrs: Record<string, string>;
  parent: Based | undefined;
}

/** The base URL in effect at `el`: `base` (the feed's address) refined by every `xml:base` from the root down. */
export function xmlBase(el: Based, base?: string): string | undefined {
  const chain: string[] = [];
  for (let e: Based | undefined = el; e; e = e.parent) {
    const b = e.attrs['xml:base'];
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

/** Whether `el` or an element around it sets `xml:base`. */
export function hasXmlBase(el: Based): boolean {
  for (let e: Based | undefined = el; e; e = e.parent) if (e.attrs['xml:base']) return true;
  return false;
}
