import { expect } from '@open-wc/testing';
import { decodeFeedBytes } from '../../src/feed/decode.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('decodeFeedBytes', () => {
  it('strips a UTF-8 BOM and decodes UTF-8 by default', () => {
    expect(decodeFeedBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('<rss>é</rss>')]))).to.equal('<rss>é</rss>');
    expect(decodeFeedBytes(utf8('{"title":"Ж"}'))).to.equal('{"title":"Ж"}');
  });

  it('lets a BOM win over a wrong charset', () => {
    expect(decodeFeedBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('ü')]), 'text/xml; charset=iso-8859-1')).to.equal(
      'ü',
    );
  });

  it('decodes UTF-16 with a BOM in either byte order, and without a BOM from the XML declaration', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x3c, 0, 0x61, 0, 0x3e, 0]);
    const be = new Uint8Array([0xfe, 0xff, 0, 0x3c, 0, 0x61, 0, 0x3e]);
    expect(decodeFeedBytes(le)).to.equal('<a>');
    expect(decodeFeedBytes(be)).to.equal('<a>');
    expect(decodeFeedBytes(new Uint8Array([0x3c, 0, 0x3f, 0, 0x78, 0]))).to.equal('<?x');
  });

  it('decodes UTF-32 with a BOM', () => {
    const le = new Uint8Array([0xff, 0xfe, 0, 0, 0x3c, 0, 0, 0, 0x00, 0xf6, 0x01, 0]);
    expect(decodeFeedBytes(le)).to.equal('<😀');
  });

  it('uses the charset of the Content-Type before the XML declaration', () => {
    const bytes = latin1('<?xml version="1.0" encoding="utf-8"?><t>\xe9</t>');
    expect(decodeFeedBytes(bytes, 'application/rss+xml; charset="ISO-8859-1"')).to.contain('<t>é</t>');
  });

  it('uses the XML declaration when the Content-Type has no charset', () => {
    const bytes = new Uint8Array([
      ...latin1('<?xml version="1.0" encoding="windows-1251"?><t>'),
      0xc6,
      ...latin1('</t>'),
    ]);
    expect(decodeFeedBytes(bytes, 'text/xml')).to.contain('<t>Ж</t>');
  });

  it('falls back to UTF-8 on an unknown charset label instead of throwing', () => {
    expect(decodeFeedBytes(utf8('<t>ё</t>'), 'text/xml; charset=klingon')).to.equal('<t>ё</t>');
    expect(decodeFeedBytes(utf8('<?xml version="1.0" encoding="x-nonsense"?><t>ё</t>'))).to.contain('<t>ё</t>');
  });

  it('does not turn a feed mislabelled as UTF-8 into garbage', () => {
    const declared = latin1('<?xml version="1.0" encoding="iso-8859-1"?><t>caf\xe9</t>');
    expect(decodeFeedBytes(declared, 'text/xml; charset=utf-8')).to.contain('<t>café</t>');
    expect(decodeFeedBytes(latin1('<t>caf\xe9 \x93quoted\x94</t>'), 'text/xml; charset=utf-8')).to.equal(
      '<t>café “quoted”</t>',
    );
  });

  it('decodes an empty body as empty text', () => {
    expect(decodeFeedBytes(new Uint8Array())).to.equal('');
  });
});
