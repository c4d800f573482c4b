/** Turns feed bytes into text: BOM, then HTTP charset, then XML declaration, then UTF-8. */
import { charsetLabels, hasUtf8Bom } from './utf8.js';

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

/** The UTF-16 or UTF-32 of a byte-order mark, or of a `<?` written without one. */
function wideEncoding(bytes: Uint8Array): 'utf-32be' | 'utf-32le' | 'utf-16be' | 'utf-16le' | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return 'utf-32be';
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return 'utf-32le';
  if ((a === 0xfe && b === 0xff) || (a === 0 && b === 0x3c && c === 0 && d === 0x3f)) return 'utf-16be';
  if ((a === 0xff && b === 0xfe) || (a === 0x3c && b === 0 && c === 0x3f && d === 0)) return 'utf-16le';
  return undefined;
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
  const wide = wideEncoding(bytes);
  if (wide === 'utf-32be' || wide === 'utf-32le') return decodeUtf32(bytes, wide === 'utf-32le');
  if (hasUtf8Bom(bytes)) return decode(bytes, 'utf-8')!;
  // TextDecoder drops the UTF-16 BOM itself.
  if (wide) return decode(bytes, wide)!;

  for (const label of [...charsetLabels(bytes, contentType), 'utf-8']) {
    const encoding = encodingOf(label);
    // A legacy charset decodes any bytes; only UTF-8 can tell us it was the wrong guess.
    const text = encoding ? decode(bytes, encoding, encoding === 'utf-8') : undefined;
    if (text !== undefined) return text;
  }
  return decode(bytes, 'windows-1252')!;
}
