/** Turns feed bytes into text: BOM, then HTTP charset, then XML declaration, then UTF-8. */

function decode(bytes: Uint8Array, label: string, fatal = false): string | undefined {
  try {
    return new TextDecoder(label, { fatal }).decode(bytes);
  } catch {
    // Unknown label (RangeError) or invalid bytes under a fatal decoder.
    return undefined;
  }
}

// TextDecoder has no UTF-32, which a few old Windows tools still write.
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let out = '';
  for (let i = 4; i + 3 < bytes.length; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    out += cp > 0x10ffff ? '\ufffd' : String.fromCodePoint(cp);
  }
  return out;
}

/** The label a TextDecoder understands for `label`, or undefined. */
function encodingOf(label: string | undefined): string | undefined {
  try {
    return label ? new TextDecoder(label).encoding : undefined;
  } catch {
    return undefined;
  }
}

/** Decodes feed bytes. Never throws: unknown or wrong charsets fall back to UTF-8, then windows-1252. */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string): string {
  const [a, b, c, d] = bytes;
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return decodeUtf32(bytes, false);
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return decodeUtf32(bytes, true);
  if (a === 0xef && b === 0xbb && c === 0xbf) return decode(bytes, 'utf-8')!;
  // TextDecoder drops the UTF-16 BOM itself; `<?` without a BOM gives the byte order away too.
  if ((a === 0xfe && b === 0xff) || (a === 0 && b === 0x3c && c === 0 && d === 0x3f)) return decode(bytes, 'utf-16be')!;
  if ((a === 0xff && b === 0xfe) || (a === 0x3c && b === 0 && c === 0x3f && d === 0)) return decode(bytes, 'utf-16le')!;

  const header = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  const head = String.fromCharCode(...bytes.subarray(0, 256));
  const declared = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)/.exec(head)?.[1];
  for (const label of [header, declared, 'utf-8']) {
    const encoding = encodingOf(label);
    // A legacy charset decodes any bytes; only UTF-8 can tell us it was the wrong guess.
    const text = encoding ? decode(bytes, encoding, encoding === 'utf-8') : undefined;
    if (text !== undefined) return text;
  }
  return decode(bytes, 'windows-1252')!;
}
