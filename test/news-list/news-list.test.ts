import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { NewsList } from '../../src/news-list/news-list.js';
import { NewsElement } from '../../src/news-element.js';
import { feedCache } from '../../src/feed/feed-cache.js';
import type { NewsErrorEvent, NewsLoadEvent, NewsSelectEvent } from '../../src/events.js';
import type { NewsItem } from '../../src/feed/types.js';
import '../../src/define.js';
import { hits, servedFeed } from '../support/feeds.js';
import { loaded, parts } from '../support/lists.js';

const twelve = '/test/fixtures/lists/twelve.xml';
const served = (file: string, params: Record<string, string | number> = {}) => servedFeed(file, params, 'list');

describe('<news-list>', () => {
  beforeEach(() => feedCache.clear());

  it('shows the items of a feed fetched over HTTP, each with a title link and a date', async () => {
    const el = await fixture<NewsList>(html`<news-list src=${twelve} limit="5"></news-list>`);
    await loaded(el);
    const items = parts(el, 'item');
    expect(items).to.have.length(5);
    const title = items[0].querySelector<HTMLAnchorElement>('a[part~="title"]')!;
    expect(title.textContent!.trim()).to.equal('Workshop news number 1');
    expect(title.href).to.equal('https://college.example/news/1');
    const time = items[0].querySelector('time[part~="date"]')!;
    expect(time.getAttribute('datetime')).to.equal('2026-11-20T09:00:00.000Z');
    expect(time.textContent!.trim()).to.equal('Nov 20, 2026');
    expect(items[0].querySelector('[part~="summary"]')!.textContent).to.contain('Summary of item 1');
  });

  it('fires news-load with the parsed feed', async () => {
    const el = document.createElement('news-list');
    const event = oneEvent(el, 'news-load') as Promise<NewsLoadEvent>;
    el.src = twelve;
    document.body.append(el);
    const { feed } = await event;
    expect(feed.title).to.equal('College news');
    expect(feed.items).to.have.length(12);
    el.remove();
  });

  it('reserves the space of `limit` items while loading, so nothing moves when they arrive', async () => {
    const { url } = served('lists/twelve.xml', { delay: 400 });
    const el = await fixture<NewsList>(
      html`<div style="width: 640px"><news-list src=${url} limit="4"></news-list></div>`,
    );
    const list = el.querySelector('news-list')!;
    await list.updateComplete;
    const status = list.shadowRoot!.querySelector('[role="status"]')!;
    expect(status.textContent).to.contain('Loading news');
    const loadingHeight = list.getBoundingClientRect().height;
    expect(loadingHeight).to.be.greaterThan(100);
    await loaded(list);
    expect(parts(list, 'item')).to.have.length(4);
    expect(list.getBoundingClientRect().height).to.be.closeTo(loadingHeight, loadingHeight * 0.1);
  });

  it('reserves about the space of typical headlines in every layout, wide and narrow', async () => {
    for (const [layout, width] of [
      ['list', 900],
      ['grid', 900],
      ['compact', 900],
      ['grid', 300],
      ['compact', 300],
      ['list', 300],
    ] as const) {
      feedCache.clear();
      const { url } = served('lists/headlines.xml', { delay: 300 });
      const wrap = await fixture(
        html`<div style="width: ${width}px"><news-list src=${url} limit="8" layout=${layout}></news-list></div>`,
      );
      const list = wrap.querySelector('news-list')!;
      await list.updateComplete;
      const before = list.getBoundingClientRect().height;
      await loaded(list);
      const after = list.getBoundingClientRect().height;
      // Items take the height of their text, so the placeholders can only be close: within a fifth.
      expect(after, `${layout} at ${width}px`).to.be.closeTo(before, before * 0.2);
    }
  });

  it('shows whole titles in every layout, wide and narrow, unless the page sets a line limit', async () => {
    const clipped = (list: Element) =>
      parts(list, 'title').filter((title) => {
        const box = title.closest('.title')!;
        return box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1;
      }).length;
    for (const layout of ['list', 'grid', 'compact']) {
      for (const width of [900, 300]) {
        const wrap = await fixture(
          html`<div style="width: ${width}px">
            <news-list src="/test/fixtures/lists/headlines.xml" layout=${layout}></news-list>
          </div>`,
        );
        const list = wrap.querySelector('news-list')!;
        await loaded(list);
        expect(clipped(list), `${layout} at ${width}px`).to.equal(0);
        const lines = parts(list, 'title').map((t) => Math.round(t.getBoundingClientRect().height / 20));
        if (width === 300) expect(Math.max(...lines), `${layout} at ${width}px wraps`).to.be.greaterThan(1);
      }
    }
    const wrap = await fixture(
      html`<div style="width: 300px; --news-list-title-lines: 1; --news-list-summary-lines: 2">
        <news-list src="/test/fixtures/lists/headlines.xml" layout="grid"></news-list>
      </div>`,
    );
    const list = wrap.querySelector('news-list')!;
    await loaded(list);
    const title = parts(list, 'title')[0].closest<HTMLElement>('.title')!;
    const lineHeight = parseFloat(getComputedStyle(title).lineHeight);
    expect(title.clientHeight).to.be.closeTo(lineHeight, 1);
    expect(title.scrollHeight).to.be.greaterThan(title.clientHeight);
    const summary = parts(list, 'summary')[0];
    expect(summary.clientHeight).to.be.closeTo(2 * parseFloat(getComputedStyle(summary).lineHeight), 2);
  });

  it('keeps its buttons at WCAG AA contrast on a light page and on a dark one', async () => {
    // Reads rgb() and color(srgb …) alike, as engines serialise color-mix() differently.
    const channels = (css: string) => {
      const n = css.match(/[\d.]+/g)!.map(Number);
      return css.startsWith('color(') ? n.slice(0, 3) : n.slice(0, 3).map((v) => v / 255);
    };
    const luminance = (css: string) => {
      const [r, g, b] = channels(css).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    for (const [background, text] of [
      ['#ffffff', '#222222'],
      ['#111111', '#eeeeee'],
      ['#1e293b', '#e2e8f0'],
    ]) {
      const wrap = await fixture(
        html`<div style="background: ${background}; color: ${text}; padding: 8px">
          <news-list src=${twelve} limit="2" page-size="1"></news-list>
        </div>`,
      );
      const list = wrap.querySelector('news-list')!;
      await loaded(list);
      const more = list.shadowRoot!.querySelector('.more')!;
      const [a, b] = [luminance(getComputedStyle(more).color), luminance(getComputedStyle(wrap).backgroundColor)];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      expect(ratio, `More on ${background}`).to.be.at.least(4.5);
    }
  });

  it('leaves out the items named in exclude, such as the article being read', async () => {
    const el = await fixture<NewsList>(html`<news-list src=${twelve} limit="3" exclude="n-1 n-3"></news-list>`);
    await loaded(el);
    expect(parts(el, 'title').map((title) => title.textContent!.trim())).to.deep.equal([
      'Workshop news number 2',
      'Workshop news number 4',
      'Workshop news number 5',
    ]);
  });

  it('makes one request for a feed however many lists show it', async () => {
    const { url, key } = served('lists/twelve.xml', { delay: 50 });
    const wrap = await fixture(
      html`<div>
        <news-list src=${url} limit="3"></news-list>
        <news-list src=${url} layout="compact"></news-list>
        <news-list src=${url} layout="grid"></news-list>
      </div>`,
    );
    const lists = Array.from(wrap.querySelectorAll('news-list'));
    for (const list of lists) await loaded(list);
    expect(await hits(key)).to.equal(1);
  });

  it('lays items out as cards in several columns in the grid layout', async () => {
    const wrap = await fixture(
      html`<div style="width: 1000px"><news-list src=${twelve} limit="6" layout="grid"></news-list></div>`,
    );
    const list = wrap.querySelector('news-list')!;
    await loaded(list);
    const tops = parts(list, 'item').map((item) => item.getBoundingClientRect().top);
    expect(tops[0]).to.equal(tops[1]);
    expect(new Set(tops).size).to.be.lessThan(tops.length);
  });

  it('shows titles and dates only, on one line each, in the compact layout', async () => {
    const el = await fixture<NewsList>(html`<news-list src=${twelve} limit="3" layout="compact"></news-list>`);
    await loaded(el);
    expect(parts(el, 'image')).to.have.length(0);
    expect(parts(el, 'summary')).to.have.length(0);
    const item = parts(el, 'item')[0];
    const title = parts(el, 'title')[0];
    const date = parts(el, 'date')[0];
    expect(Math.abs(title.getBoundingClientRect().top - date.getBoundingClientRect().top)).to.be.lessThan(8);
    expect(item.getBoundingClientRect().height).to.be.lessThan(50);
  });

  it('shows lazy thumbnails with a fixed aspect ratio that leak no referrer', async () => {
    const el = await fixture<NewsList>(html`<news-list src=${twelve} limit="4" style="width: 600px"></news-list>`);
    await loaded(el);
    const img = parts(el, 'image')[0] as HTMLImageElement;
    expect(img.getAttribute('loading')).to.equal('lazy');
    expect(img.getAttribute('referrerpolicy')).to.equal('no-referrer');
    expect(img.src).to.match(/photo-0\.svg$/);
    const box = img.parentElement!.getBoundingClientRect();
    expect(box.width / box.height).to.be.closeTo(16 / 9, 0.05);
  });

  it('replaces an image that fails to load with a placeholder of the same size', async () => {
    const el = await fixture<NewsList>(html`<news-list src=${twelve} limit="6" style="width: 600px"></news-list>`);
    await loaded(el);
    const item = parts(el, 'item')[5];
    await waitUntil(() => !item.querySelector('img'), 'the broken image stayed', { timeout: 5000 });
    const thumb = item.querySelector('.thumb')!.getBoundingClientRect();
    const other = parts(el, 'item')[0].querySelector('.thumb')!.getBoundingClientRect();
    expect(thumb.height).to.equal(other.height);
    // An item without any image gets the placeholder too, so the column stays aligned.
    expect(parts(el, 'item')[4].querySelector('.thumb')).to.not.equal(null);
  });

  it('says the feed server does not allow this site to read it when CORS blocks the feed', async () => {
    const other = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const el = document.createElement('news-list');
    el.src = `http://${other}:${location.port}${twelve}`;
    const event = oneEvent(el, 'news-error') as Promise<NewsErrorEvent>;
    document.body.append(el);
    const { error } = await event;
    expect(error.code).to.equal('cors');
    await el.updateComplete;
    const status = parts(el, 'status')[0];
    // Said once, politely, through the list's live region: no role=alert per list.
    expect(status.getAttribute('role')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('could not be loaded');
    // Readers get one short sentence; the editor's detail shows with `debug`, with the failing address.
    expect(status.textContent).to.not.contain('CORS');
    el.debug = true;
    // The editors' words load only now, as a chunk of their own.
    await waitUntil(() => parts(el, 'status')[0].textContent!.includes('(CORS)'), 'no editor detail');
    const detail = parts(el, 'status')[0].textContent;
    expect(detail).to.contain('does not allow this site to read it (CORS)');
    expect(detail).to.contain(el.src);
    el.remove();
  });

  it('explains a missing feed, a damaged feed and a server error in plain words to editors, with debug', async () => {
    const cases: [string, string][] = [
      ['/test/fixtures/lists/no-such-feed.xml', 'was not found (HTTP 404)'],
      ['/test/fixtures/lists/broken.xml', 'The feed is damaged'],
      ['/test-api/status/503', 'answered with an error (HTTP 503)'],
      ['/test-api/large?mb=11', 'too large to show on a page'],
    ];
    for (const [src, words] of cases) {
      const el = await fixture<NewsList>(html`<news-list src=${src} debug></news-list>`);
      await waitUntil(() => parts(el, 'status')[0]?.textContent?.includes(words), src, { timeout: 5000 });
      // Retry only where trying again can help: a server error, not a missing, damaged or oversized feed.
      expect(parts(el, 'button').length, src).to.equal(src.endsWith('503') ? 1 : 0);
    }
  });

  it('tries again when the reader presses Retry', async () => {
    const { url, key } = served('lists/twelve.xml', { status: 500 });
    const el = await fixture<NewsList>(html`<news-list src=${url}></news-list>`);
    await waitUntil(() => parts(el, 'button').length > 0, 'timed out', { timeout: 5000 });
    const retry = parts(el, 'button')[0];
    expect(retry.textContent!.trim()).to.equal('Retry');
    retry.click();
    await waitUntil(async () => (await hits(key)) === 2, 'no second request', { timeout: 5000 });
  });

  it('keeps showing the last good items when a refresh fails', async () => {
    const { url } = served('lists/twelve.xml', { 'fail-after': 1 });
    const el = await fixture<NewsList>(html`<news-list src=${url} limit="3"></news-list>`);
    await loaded(el);
    const failed = oneEvent(el, 'news-error');
    await el.reload();
    await failed;
    await el.updateComplete;
    expect(parts(el, 'item')).to.have.length(3);
    expect(parts(el, 'status')[0].textContent).to.contain('Showing earlier news');
  });

  it('says there is no news yet for an empty feed, and none in this category for a category without items', async () => {
    const el = await fixture<NewsList>(html`<news-list src="/test/fixtures/lists/empty.xml"></news-list>`);
    await loaded(el);
    expect(parts(el, 'status')[0].textContent!.trim()).to.equal('No news yet.');
    const none = await fixture<NewsList>(html`<news-list src=${twelve} category="Sport"></news-list>`);
    await loaded(none);
    expect(parts(none, 'status')[0].textContent!.trim()).to.equal('No news in this category.');
  });

  it('adds a More button that shows the next page and moves focus to its first item', async () => {
    const el = await fixture<NewsList>(html`<news-list src=${twelve} page-size="4" limit="10"></news-list>`);
    await loaded(el);
    expect(parts(el, 'item')).to.have.length(4);
    const more = () => el.shadowRoot!.querySelector<HTMLButtonElement>('button.more');
    more()!.click();
    await el.updateComplete;
    expect(parts(el, 'item')).to.have.length(8);
    expect(el.shadowRoot!.activeElement!.textContent!.trim()).to.equal('Workshop news number 5');
    more()!.click();
    await el.updateComplete;
    expect(parts(el, 'item')).to.have.length(10);
    expect(more()).to.equal(null);
  });

  it('shows only the items of the chosen category', async () => {
    const el = await fixture<NewsList>(html`<news-list src=${twelve} category="visits"></news-list>`);
    await loaded(el);
    const titles = parts(el, 'title').map((t) => t.textContent!.trim());
    expect(titles).to.deep.equal([
      'Workshop news number 3',
      'Workshop news number 6',
      'Workshop news number 9',
      'Workshop news number 12',
    ]);
  });

  it('builds item links from the article-href template, and refuses unsafe ones', async () => {
    const el = await fixture<NewsList>(
      html`<news-list src=${twelve} limit="2" article-href="article.html?id={id}"></news-list>`,
    );
    await loaded(el);
    const link = parts(el, 'title')[0] as HTMLAnchorElement;
    expect(link.href).to.equal(new URL('article.html?id=n-1', document.baseURI).href);
    el.articleHref = 'javascript:alert({id})';
    await el.updateComplete;
    expect(parts(el, 'title')[0].tagName).to.equal('SPAN');
    expect(el.shadowRoot!.innerHTML).not.to.contain('javascript:');
  });

  it('lets the host cancel news-select and show the article in-page', async () => {
    const el = await fixture<NewsList>(
      html`<news-list src=${twelve} limit="2" article-href="#article-{id}"></news-list>`,
    );
    await loaded(el);
    const before = location.hash;
    const selected = oneEvent(el, 'news-select') as Promise<NewsSelectEvent>;
    el.addEventListener('news-select', (e) => e.preventDefault(), { once: true });
    (parts(el, 'title')[1] as HTMLAnchorElement).click();
    const event = await selected;
    expect(event.item.id).to.equal('n-2');
    expect(event.composed && event.bubbles).to.equal(true);
    expect(location.hash).to.equal(before);
    // Firefox updates location.hash one task after the click: wait for the navigation, not a fixed time.
    const navigated = new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
    (parts(el, 'title')[1] as HTMLAnchorElement).click();
    await navigated;
    expect(location.hash).to.equal('#article-n-2');
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('keeps the author’s fallback markup visible until the list renders', async () => {
    const { url } = served('lists/twelve.xml', { delay: 300 });
    const el = await fixture<NewsList>(html`<news-list src=${url} limit="2"><a href="/news/">All news</a></news-list>`);
    const fallback = el.querySelector('a')!;
    expect(fallback.assignedSlot).to.not.equal(null);
    expect(fallback.getBoundingClientRect().height).to.be.greaterThan(0);
    await loaded(el);
    expect(fallback.assignedSlot).to.equal(null);
  });

  it('shows the fallback markup above placeholders that keep about the space of the items', async () => {
    const { url } = served('lists/headlines.xml', { delay: 300 });
    const wrap = await fixture(
      html`<div style="width: 640px">
        <news-list src=${url} limit="5"><a href="/news/">All news</a></news-list>
      </div>`,
    );
    const list = wrap.querySelector('news-list')!;
    await list.updateComplete;
    expect(list.querySelector('a')!.assignedSlot).to.not.equal(null);
    expect(list.shadowRoot!.querySelectorAll('.skeleton')).to.have.length(5);
    const before = list.getBoundingClientRect().height;
    await loaded(list);
    expect(list.getBoundingClientRect().height).to.be.closeTo(before, before * 0.2);
  });

  it('renders items given as a property without fetching', async () => {
    const items: NewsItem[] = [
      {
        id: 'a',
        title: 'Given directly',
        url: 'https://college.example/a',
        authors: [],
        categories: [],
        published: new Date('2026-01-02T03:04:05Z'),
      },
    ];
    const { url, key } = served('lists/twelve.xml');
    const el = await fixture<NewsList>(html`<news-list src=${url} .items=${items}></news-list>`);
    expect(parts(el, 'title')[0].textContent!.trim()).to.equal('Given directly');
    expect(el.state.status).to.equal('idle');
    expect(await hits(key)).to.equal(0);
  });

  it('shows markup in titles as text and drops javascript: links', async () => {
    const el = await fixture<NewsList>(html`<news-list src="/test/fixtures/lists/hostile.xml"></news-list>`);
    await loaded(el);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    const title = parts(el, 'title')[0];
    expect(title.tagName).to.equal('SPAN');
    expect(title.textContent).to.contain('Plain title');
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
  });

  it('is accessible while loading, with items, empty and in error', async () => {
    const { url } = served('lists/twelve.xml', { delay: 500 });
    const loading = await fixture<NewsList>(html`<news-list src=${url}></news-list>`);
    await expect(loading).to.be.accessible();
    const ready = await fixture<NewsList>(html`<news-list src=${twelve} page-size="3"></news-list>`);
    await loaded(ready);
    await expect(ready).to.be.accessible();
    const empty = await fixture<NewsList>(html`<news-list src="/test/fixtures/lists/empty.xml"></news-list>`);
    await loaded(empty);
    await expect(empty).to.be.accessible();
    const failed = await fixture<NewsList>(html`<news-list src="/test/fixtures/lists/broken.xml"></news-list>`);
    await loaded(failed);
    await expect(failed).to.be.accessible();
  });

  it('does not throw when the tag is registered twice, and warns when another class holds it', () => {
    expect(() => NewsList.define()).not.to.throw();
    class Other extends NewsList {}
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      Other.define('news-list');
      Other.define('news-list');
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('news-list')).to.equal(NewsList);
    expect(warnings).to.have.length(1);
  });

  it('stays silent when the same element of this release comes again from another file', () => {
    // What the all-elements file's copy of the list looks like to a page that loaded the list file first.
    class SameListFromAnotherFile extends NewsElement {
      static override defaultTag = 'news-list';
    }
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      SameListFromAnotherFile.define();
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('news-list')).to.equal(NewsList);
    expect(warnings).to.have.length(0);
  });
});
