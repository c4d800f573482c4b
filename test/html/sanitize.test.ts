import { expect } from '@open-wc/testing';
import { hasNativeSanitizer, sanitizeHtml } from '../../src/html/sanitize.js';

const base = 'https://college.example/news/2026/article.html';
const toHtml = (fragment: DocumentFragment) => {
  const div = document.createElement('div');
  div.append(fragment);
  return div;
};

describe('sanitizeHtml', () => {
  it('uses the browser’s own sanitiser where the browser has one', function () {
    // WebKit has no Element.setHTML yet: there the DOMPurify path below is the one in use.
    if (!('setHTML' in Element.prototype)) this.skip();
    expect(hasNativeSanitizer()).to.equal(true);
  });

  it('falls back to DOMPurify where the browser has no sanitiser', async function () {
    if ('setHTML' in Element.prototype) this.skip();
    expect(hasNativeSanitizer()).to.equal(false);
    const div = toHtml(await sanitizeHtml('<p onclick="x()">Hi<script>alert(1)</script></p>', { baseUrl: base }));
    expect(div.innerHTML).to.equal('<p>Hi</p>');
  });

  for (const forceFallback of [false, true]) {
    const path = forceFallback ? 'DOMPurify' : 'Element.setHTML';
    const clean = async (html: string) => toHtml(await sanitizeHtml(html, { baseUrl: base, forceFallback }));

    describe(`through ${path}`, () => {
      it('keeps what an article needs: headings, lists, quotes, figures, tables and code', async () => {
        const div = await clean(
          '<h2>Heading</h2><p>Text <strong>bold</strong> <em>it</em> <a href="more.html">more</a></p><ul><li>one</li></ul>' +
            '<blockquote cite="q.html">quote</blockquote><figure><img src="img/a.png" alt="A"><figcaption>Cap</figcaption></figure>' +
            '<table><caption>T</caption><tr><th>h</th><td colspan="2">d</td></tr></table><pre><code>x = 1</code></pre>',
        );
        for (const tag of [
          'h2',
          'strong',
          'em',
          'ul',
          'li',
          'blockquote',
          'figure',
          'figcaption',
          'table',
          'caption',
          'th',
          'pre',
          'code',
        ]) {
          expect(div.querySelector(tag), tag).to.not.equal(null);
        }
        expect(div.querySelector('td')!.getAttribute('colspan')).to.equal('2');
        expect(div.querySelector('img')!.getAttribute('alt')).to.equal('A');
      });

      it('resolves relative links and images against the article, and makes them safe', async () => {
        const div = await clean('<a href="../more.html">m</a><img src="/img/a.png" alt="">');
        const a = div.querySelector('a')!;
        expect(a.getAttribute('href')).to.equal('https://college.example/news/more.html');
        expect(a.getAttribute('rel')).to.equal('noopener noreferrer nofollow ugc');
        const img = div.querySelector('img')!;
        expect(img.getAttribute('src')).to.equal('https://college.example/img/a.png');
        expect(img.getAttribute('loading')).to.equal('lazy');
        expect(img.getAttribute('decoding')).to.equal('async');
        expect(img.getAttribute('referrerpolicy')).to.equal('no-referrer');
      });

      it('removes scripts, styles, frames, forms and page-level elements', async () => {
        const div = await clean(
          '<script>window.__x=1</script><style>body{display:none}</style><iframe src="https://e.example"></iframe>' +
            '<object data="x.swf"></object><embed src="x.swf"><form action="https://e.example"><input name="q"><button>Go</button>' +
            '<select><option>a</option></select><textarea>t</textarea></form><base href="https://evil.example/">' +
            '<meta http-equiv="refresh" content="0;url=https://evil.example"><link rel="stylesheet" href="https://evil.example/x.css">' +
            '<svg><script>window.__x=2</script></svg><math><mi>x</mi></math><p>kept</p>',
        );
        expect(
          div.querySelector(
            'script, style, iframe, object, embed, form, input, button, select, textarea, base, meta, link, svg, math',
          ),
        ).to.equal(null);
        expect(div.textContent).to.contain('kept');
      });

      it('removes event handlers, inline styles, srcset, ping, classes and ids', async () => {
        const div = await clean(
          '<p onclick="x()" style="position:fixed;inset:0" class="c" id="i">p</p><img src="a.png" onerror="x()" srcset="b.png 2x" alt=""><a href="a.html" ping="https://t.example" onmouseover="x()">a</a>',
        );
        for (const el of Array.from(div.querySelectorAll('*'))) {
          for (const name of el.getAttributeNames())
            expect(name).to.match(/^(href|src|alt|rel|loading|decoding|referrerpolicy)$/);
        }
      });

      it('drops javascript:, data: and vbscript: URLs', async () => {
        const div = await clean(
          '<a href="javascript:alert(1)">j</a><a href=" JaVaScRiPt:alert(1)">k</a><a href="data:text/html,<script>alert(1)</script>">d</a>' +
            '<a href="vbscript:msgbox(1)">v</a><img src="data:image/svg+xml,<svg onload=alert(1)>" alt=""><a href="mailto:press@college.example">m</a>',
        );
        expect(div.innerHTML).not.to.match(/javascript:|data:|vbscript:/i);
        expect(div.querySelectorAll('a[href]')).to.have.length(1);
        expect(div.querySelector('img')).to.equal(null);
      });

      it('defeats mutation-XSS nesting tricks', async () => {
        const vectors = [
          '<svg></p><style><a id="</style><img src=1 onerror=window.__mx=1>">',
          '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img src=1 onerror=window.__mx=2&gt;">',
          '<noscript><p title="</noscript><img src=x onerror=window.__mx=3>">',
          '<form><math><mtext></form><form><mglyph><style></math><img src onerror=window.__mx=4>',
          '<a href="&#106;avascript:window.__mx=5">x</a><a href="java&#x09;script:window.__mx=6">y</a>',
        ];
        for (const vector of vectors) {
          const div = await clean(vector);
          document.body.append(div);
          expect(div.querySelector('[onerror], script, style, svg, math'), vector).to.equal(null);
          expect(div.innerHTML, vector).not.to.match(/javascript:/i);
          div.remove();
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect((window as unknown as { __mx?: number }).__mx).to.equal(undefined);
      });
    });
  }
});
