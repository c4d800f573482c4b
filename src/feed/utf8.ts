/** Feed bytes to text in the common case, UTF-8, and what tells that case apart; decode.ts reads every other. */

export const hasUtf8Bom = (bytes: Uint8Array): boolean => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

/** The charset a Content-Type header names. */
export const headerCharset = (contentType: string | null | undefined): string | undefined =>
  /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];

/** The charsets the HTTP header and the XML declaration name, in that order of precedence. */
export function charsetLabels(bytes: Uint8Array, contentType?: string): [string | undefined, string | undefined] {
  const header = headerCharset(contentType);
  const head = String.fromCharCode(...bytes.subarray(0, 256));
  const declared = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)/.exec(head)?.[1];
  return [header, declared];
}

/** UTF-8's usual labels; rarer ones ("unicode-1-1-utf-8") go through decode.ts, which reads them alike. */
export const UTF8 = /^utf-?8$/i;

/**
 * The text of UTF-8 feed bytes, exactly as decodeFeedBytes reads them; undefined for bytes that name or need
 * another charset (or are no valid UTF-8), which only decodeFeedBytes reads.
 */
export function utf8Text(bytes: Uint8Array, contentType?: string): string | undefined {
  if (hasUtf8Bom(bytes)) return new TextDecoder().decode(bytes);
  const [a, b] = bytes;
  // UTF-16 and UTF-32 put a zero byte or a UTF-16 byte-order mark (FE FF, FF FE: the only pair that adds up to
  // 0x1FD) first; so do a few other documents, which lose nothing but a download by going to decode.ts.
  if (a === 0 || b === 0 || a + b === 0x1fd) return undefined;
  if (charsetLabels(bytes, contentType).some((label) => label && !UTF8.test(label))) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
