import { expect, fixture, html } from '@open-wc/testing';
import type { NewsList } from '../../src/news-list/news-list.js';
import type { NewsArticle } from '../../src/news-article/news-article.js';
import type { NewsErrorEvent } from '../../src/events.js';
import type { NewsItem } from '../../src/feed/types.js';
import { sanitizeHtml } from '../../src/html/sanitize.js';
import { trustedItem } from '../../src/html/host-data.js';
import '../../src/define.js';
import { parts } from '../support/lists.js';

/** Link values a host page might pass on from an attacker, in every spelling browsers forgive. */
const hostileLinks: unknown[] = [
  'javascript:alert(1)',
  ' javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'java\rscript:alert(1)',
  '\u0001javascript:alert(1)',
  '\u0000javascript:alert(1)',
  '  \n javascript:alert(1)',
  'javascript://%0aalert(1)',
  'javascript:/*http://x*/alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'blob:https://college.example/1',
  'file:///etc/passwd',
  'filesystem:https://college.example/temporary/x',
  'feed:javascript:alert(1)',
  'intent://scan/#Intent;scheme=zxing;end',
  'about:blank',
  'ws://college.example/',
  { toString: () => 'javascript:alert(1)' },
  ['javascript:alert(1)'],
  42,
];

/** Image values that must never reach an img src. */
const hostileImages: unknown[] = [
  ...hostileLinks,
  'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+',
  'data:image/png,<script>',
  'mailto:someone@college.example',
];

const allowedLink = (value: string) => /^(https?|mailto):$/.test(new URL(value).protocol);
const allowedImage = (value: string) =>
  /^https?:$/.test(new URL(value).protocol) || /^data:image\/(png|jpeg|gif|webp|avif);base64,/.test(value);

/** Every URL-bearing attribute in a shadow root, and whether it is allowed. */
function activeUrls(root: ShadowRoot): { name: string; value: string; ok: boolean }[] {
  const found: { name: string; value: string; ok: boolean }[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    for (const name of ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data']) {
      const value = el.getAttribute(name);
      if (value === null) continue;
      found.push({ name, value, ok: name === 'src' ? allowedImage(value) : name === 'href' && allowedLink(value) });
    }
  }
  return found;
}

const hostileItems = (): NewsItem[] =>
  hostileLinks.map((url, n) => ({
    id: `h-${n}`,
    title: `Item ${n}`,
    url: url as string,
    authors: [],
    categories: [],
    image: { url: hostileImages[n % hostileImages.length] as string },
  }));

describe('data handed to the elements by a host page', () => {
  it('leaves no active URL in a list given hostile items: titles become plain text, images are left out', async () => {
    const el = await fixture<NewsList>(html`<news-list limit="0" .items=${hostileItems()}></news-list>`);
    expect(parts(el, 'item')).to.have.length(hostileLinks.length);
    expect(activeUrls(el.shadowRoot!).filter((u) => !u.ok)).to.deep.equal([]);
    expect(parts(el, 'title').every((t) => t.tagName === 'SPAN')).to.equal(true);
    expect(parts(el, 'image')).to.have.length(0);
  });

  it('leaves no active URL in a list given a hostile feed object', async () => {
    const feed = { title: 'Hostile', url: 'javascript:alert(1)', items: hostileItems() };
    const el = await fixture<NewsList>(html`<news-list limit="0" .feed=${feed}></news-list>`);
    expect(parts(el, 'item')).to.have.length(hostileLinks.length);
    expect(activeUrls(el.shadowRoot!).filter((u) => !u.ok)).to.deep.equal([]);
  });

  it('keeps web links, mailto links and inline raster images', async () => {
    const png =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    const items: NewsItem[] = [
      { id: 'a', title: 'Web', url: 'https://college.example/a', authors: [], categories: [], image: { url: png } },
      { id: 'b', title: 'Mail', url: 'mailto:news@college.example', authors: [], categories: [] },
      { id: 'c', title: 'Relative', url: '/news/c', authors: [], categories: [] },
    ];
    const el = await fixture<NewsList>(html`<news-list .items=${items}></news-list>`);
    const links = parts(el, 'title') as HTMLAnchorElement[];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://college.example/a',
      'mailto:news@college.example',
      new URL('/news/c', document.baseURI).href,
    ]);
    expect((parts(el, 'image')[0] as HTMLImageElement).getAttribute('src')).to.equal(png);
  });

  it('shows host data of the wrong shape instead of breaking: strings for lists, text for numbers, no bad dates', async () => {
    const loose = [
      {
        id: 7,
        title: 'Loose',
        url: 'https://college.example/7',
        categories: 'Workshops',
        published: '2026-11-20T09:00:00Z',
      },
      { title: 'No date', published: 'not a date', authors: [null, 'Aigerim'] },
      null,
      'a string',
      { summary: 'neither title nor link' },
    ];
    const el = await fixture<NewsList>(
      html`<news-list category="workshops" .items=${loose as unknown as NewsItem[]}></news-list>`,
    );
    expect(parts(el, 'title').map((t) => t.textContent!.trim())).to.deep.equal(['Loose']);
    expect(parts(el, 'date')[0].getAttribute('datetime')).to.equal('2026-11-20T09:00:00.000Z');
    el.category = '';
    await el.updateComplete;
    expect(parts(el, 'item')).to.have.length(2);
    expect(trustedItem(loose[1])!.published).to.equal(undefined);
    expect(trustedItem(loose[1])!.authors).to.deep.equal(['Aigerim']);
  });

  for (const [n, url] of hostileImages.entries()) {
    it(`gives an article no lead image for hostile image value #${n}`, async () => {
      const item = {
        id: 'x',
        title: 'Article',
        url: hostileLinks[n % hostileLinks.length],
        authors: [],
        categories: [],
        image: { url },
      };
      const el = await fixture<NewsArticle>(html`<news-article .item=${item as NewsItem}></news-article>`);
      await el.contentComplete;
      expect(el.shadowRoot!.querySelector('[part~="title"]')!.textContent).to.equal('Article');
      expect(activeUrls(el.shadowRoot!).filter((u) => !u.ok)).to.deep.equal([]);
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    });
  }

  it('renders an article whose body the sanitiser gives up on, empty, and reports it', async () => {
    const item: NewsItem = {
      id: 'f',
      title: 'Frameset',
      authors: [],
      categories: [],
      contentHtml: '<frameset onload=alert(1)><frame src="javascript:alert(2)"></frameset>',
    };
    const el = document.createElement('news-article');
    const errors: NewsErrorEvent[] = [];
    el.addEventListener('news-error', (e) => errors.push(e));
    el.item = item;
    document.body.append(el);
    await el.contentComplete;
    expect(el.shadowRoot!.querySelector('[part~="title"]')!.textContent).to.equal('Frameset');
    const content = el.shadowRoot!.querySelector('[part~="content"]')!;
    expect(content.innerHTML).not.to.match(/onload|javascript|frame/i);
    // Engines whose sanitiser gives up (DOMPurify) report it; the native one simply returns nothing.
    for (const e of errors) expect(e.error.code).to.equal('parse');
    el.remove();
  });

  for (const forceFallback of [false, true]) {
    it(`sanitizeHtml never rejects, and reports a body it cannot make safe (${forceFallback ? 'DOMPurify' : 'native'})`, async function () {
      if (!forceFallback && !('setHTML' in Element.prototype)) this.skip();
      const problems: unknown[] = [];
      const fragment = await sanitizeHtml('<frameset onload=alert(1)>', {
        forceFallback,
        onError: (e) => problems.push(e),
      });
      expect(fragment.childNodes.length).to.equal(0);
      if (forceFallback) expect(problems).to.have.length(1);
      const links = await sanitizeHtml(
        hostileLinks
          .filter((l): l is string => typeof l === 'string')
          .map((l) => `<a href="${l.replace(/"/g, '&quot;')}">x</a><img src="${l.replace(/"/g, '&quot;')}">`)
          .join(''),
        { forceFallback, baseUrl: 'https://college.example/news/' },
      );
      const div = document.createElement('div');
      div.append(links);
      for (const a of Array.from(div.querySelectorAll('[href]')))
        expect(allowedLink(a.getAttribute('href')!)).to.equal(true);
      for (const img of Array.from(div.querySelectorAll('[src]')))
        expect(allowedImage(img.getAttribute('src')!)).to.equal(true);
    });
  }
});
