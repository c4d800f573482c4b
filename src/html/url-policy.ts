/**
 * The one URL policy for everything the elements render, whatever its source (a parsed feed, or data a host page
 * hands in): links may be http, https or mailto; images http, https or an inline raster image. Anything else is
 * dropped, never rendered.
 */

import { resolveUrl } from '../feed/urls.js';

/** Inline images that cannot carry script: raster formats only (an SVG is a document). */
const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp|avif);base64,[a-z0-9+/]+=*$/i;

function parse(value: unknown, base: string | undefined): URL | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!text) return undefined;
  try {
    // The URL parser strips tabs, newlines and leading control characters the way browsers do, so
    // "java\tscript:" and " javascript:" are seen for what they are.
    return new URL(text, base);
  } catch {
    return undefined;
  }
}

/** `value` as an absolute link a reader may follow (http, https, mailto), or undefined: the feed reader's own rule. */
export const safeLinkUrl = (value: unknown, base: string | undefined = document.baseURI): string | undefined =>
  typeof value === 'string' ? resolveUrl(value, base) : undefined;

/** `value` as an absolute image address (http, https, or a base64 PNG/JPEG/GIF/WebP/AVIF), or undefined. */
export function safeImageUrl(value: unknown, base: string | undefined = document.baseURI): string | undefined {
  const url = parse(value, base);
  if (!url) return undefined;
  if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  return url.protocol === 'data:' && DATA_IMAGE.test(url.href) ? url.href : undefined;
}
