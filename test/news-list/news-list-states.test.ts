import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { NewsList } from '../../src/news-list/news-list.js';
import type { NewsArticle } from '../../src/news-article/news-article.js';
import { feedCache } from '../../src/feed/feed-cache.js';
import type { NewsErrorEvent, NewsLoadEvent } from '../../src/events.js';
import type { NewsItem } from '../../src/feed/types.js';
import '../../src/define.js';
import { hits, servedFeed } from '../support/feeds.js';
import { loaded, parts } from '../support/lists.js';

const served = (file: string, params: Record<string, string | number> = {}) => servedFeed(file, params, 'state');

/** Records console.warn calls while `run` runs, and after it until one `includes` the given text. */
async function warnings(run: () => Promise<void>, includes?: string): Promise<string[]> {
  const seen: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void seen.push(args.map(String).join(' '));
  try {
    await run();
    if (includes !== undefined) {
      await waitUntil(() => seen.some((text) => text.includes(includes)), `no warning with ${includes}`, {
        timeout: 5000,
      });
    }
  } finally {
    console.warn = original;
  }
  return seen;
}

const item = (id: string, title: string): NewsItem => ({
  id,
  title,
  url: `https://college.example/news/${id}`,
  authors: [],
  categories: [],
  published: new Date('2026-11-20T09:00:00Z'),
});

describe('<news-list> states', () => {
  beforeEach(() => feedCache.clear());

  it('is idle, fetches nothing and shows the data when items are given as a property, even with a src', async () => {
    const { url, key } = served('lists/twelve.xml');
    const el = await fixture<NewsList>(
      html`<news-list src=${url} .items=${[item('a', 'Given directly')]}></news-list>`,
    );
    expect(el.state.status).to.equal('idle');
    expect(parts(el, 'title').map((t) => t.textContent!.trim())).to.deep.equal(['Given directly']);
    expect(await hits(key)).to.equal(0);
  });

  it('is loading, with placeholders, until the first answer; then ready', async () => {
    const { url } = served('lists/twelve.xml', { delay: 300 });
    const el = await fixture<NewsList>(html`<news-list src=${url} limit="3"></news-list>`);
    expect(el.state.status).to.equal('loading');
    expect(el.shadowRoot!.querySelectorAll('.skeleton')).to.have.length(3);
    await oneEvent(el, 'news-load');
    expect(el.state.status).to.equal('ready');
    await el.updateComplete;
    expect(parts(el, 'item')).to.have.length(3);
  });

  it('is partial when one of several feeds fails: the others show, and news-error names the failed one', async () => {
    const good = served('lists/twelve.xml');
    const bad = served('lists/twelve.xml', { status: 404 });
    const el = document.createElement('news-list');
    const errors: NewsErrorEvent[] = [];
    el.addEventListener('news-error', (e) => errors.push(e));
    el.src = `${good.url} ${bad.url}`;
    el.limit = 2;
    document.body.append(el);
    await oneEvent(el, 'news-load');
    expect(el.state.status).to.equal('partial');
    await el.updateComplete;
    expect(parts(el, 'item')).to.have.length(2);
    expect(errors.map((e) => e.error.url)).to.deep.equal([new URL(bad.url, document.baseURI).href]);
    el.remove();
  });

  it('is stale when a refresh fails: the last good items stay, under a notice', async () => {
    const { url } = served('lists/twelve.xml', { 'fail-after': 1 });
    const el = await fixture<NewsList>(html`<news-list src=${url} limit="2"></news-list>`);
    await loaded(el);
    await el.reload();
    expect(el.state.status).to.equal('stale');
    await el.updateComplete;
    expect(parts(el, 'item')).to.have.length(2);
    expect(parts(el, 'status')[0].textContent).to.contain('earlier news');
  });

  it('tells readers only that the news could not be loaded, and editors the cause, address and fix in the console', async () => {
    const { url } = served('lists/twelve.xml', { status: 404 });
    const el = document.createElement('news-list');
    el.src = url;
    // The fix comes from the editors' texts, which load once a feed has failed: the line follows the event.
    const seen = await warnings(async () => {
      const failed = oneEvent(el, 'news-error');
      document.body.append(el);
      await failed;
      await el.updateComplete;
    }, new URL(url, document.baseURI).href);
    const status = parts(el, 'status')[0].textContent!;
    expect(status).to.contain('The news could not be loaded.');
    expect(status).to.not.contain('404');
    expect(status).to.not.contain(url);
    // Earlier tests' lines may arrive late: this list's is the one that names its address.
    const line = seen.filter((text) => text.includes(new URL(url, document.baseURI).href));
    expect(line).to.have.length(1);
    expect(line[0]).to.contain('HTTP 404').and.contain('The feed address was not found (HTTP 404). Check the address.');
    el.remove();
  });

  it('tells an offline reader the news will come, and loads it once the connection is back', async () => {
    // The page cannot cut its own browser's network: the browser's word for it is what is replaced.
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    const { url } = served('lists/twelve.xml', { 'fail-first': 1 });
    let el: NewsList;
    try {
      el = await fixture<NewsList>(html`<news-list src=${url} limit="2"></news-list>`);
      await waitUntil(() => parts(el, 'status').length > 0, 'no error', { timeout: 5000 });
      const status = parts(el, 'status')[0];
      expect(status.textContent).to.contain('The news could not be loaded.');
      expect(status.textContent).to.contain('You are offline. The news will load when the connection is back.');
      expect(parts(el, 'button')).to.have.length(0);
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
    const loadedAgain = oneEvent(el, 'news-load');
    window.dispatchEvent(new Event('online'));
    await loadedAgain;
    await el.updateComplete;
    expect(parts(el, 'item')).to.have.length(2);
  });

  it('offers Retry with a word of what to do when the server fails for a while, and news-error carries the detail', async () => {
    const { url } = served('lists/twelve.xml', { 'fail-first': 1 });
    const el = document.createElement('news-list');
    el.src = url;
    const failed = oneEvent(el, 'news-error') as Promise<NewsErrorEvent>;
    document.body.append(el);
    const { error } = await failed;
    expect(error.code).to.equal('http');
    expect(error.status).to.equal(503);
    expect(error.url).to.equal(new URL(url, document.baseURI).href);
    await el.updateComplete;
    const status = parts(el, 'status')[0];
    expect(status.textContent).to.contain('Try again in a moment.').and.not.contain('503');
    const button = status.querySelector('button')!;
    expect(button.textContent).to.equal('Retry');
    await expect(el).to.be.accessible();
    button.click();
    await oneEvent(el, 'news-load');
    await el.updateComplete;
    expect(parts(el, 'item').length).to.be.greaterThan(0);
    el.remove();
  });

  it('is failed when the only feed fails, and shows why', async () => {
    const { url } = served('lists/twelve.xml', { status: 404 });
    const el = document.createElement('news-list');
    const failed = oneEvent(el, 'news-error') as Promise<NewsErrorEvent>;
    el.src = url;
    el.debug = true;
    document.body.append(el);
    expect((await failed).error.status).to.equal(404);
    expect(el.state.status).to.equal('failed');
    await el.updateComplete;
    await waitUntil(() => parts(el, 'status')[0].textContent!.includes('Check the address'), 'no editor detail');
    const status = parts(el, 'status')[0];
    expect(status.textContent).to.contain('The feed address was not found (HTTP 404). Check the address.');
    expect(status.querySelector('code')!.textContent).to.equal(new URL(url, document.baseURI).href);
    expect(parts(el, 'button')).to.have.length(0);
    el.remove();
  });

  for (const [name, src, expected] of [
    ['an address that is no URL', 'http://[', '"http://[" is not a valid feed address'],
    ['an empty src', '', 'No feed address'],
    ['a src of spaces', '   ', 'No feed address'],
    ['a script address', 'javascript:alert(1)', 'is not a web address'],
  ] as const) {
    it(`says so, to readers, editors and the host page, when given ${name}`, async () => {
      const el = document.createElement('news-list');
      el.innerHTML = '<a href="/news/">All news</a>';
      el.src = src;
      el.debug = true;
      let event: NewsErrorEvent | undefined;
      el.addEventListener('news-error', (e) => (event = e));
      const seen = await warnings(async () => {
        document.body.append(el);
        await el.updateComplete;
      });
      expect(el.state.status).to.equal('failed');
      expect(event?.error.code).to.equal('config');
      expect(event?.error.message).to.contain(expected);
      expect(seen.join('\n')).to.contain(expected);
      // An error message instead of placeholders that pulse forever, no Retry, and the author's fallback link.
      expect(el.shadowRoot!.querySelectorAll('.skeleton')).to.have.length(0);
      await waitUntil(() => parts(el, 'status')[0].textContent!.includes('no valid feed address'), 'no detail');
      expect(parts(el, 'status')[0].querySelector('.headline')!.textContent).to.equal('The news could not be loaded.');
      expect(parts(el, 'button')).to.have.length(0);
      expect(el.querySelector('a')!.assignedSlot).to.not.equal(null);
      el.remove();
    });
  }

  it('recovers from a bad src once it is corrected', async () => {
    const el = await fixture<NewsList>(html`<news-list src="http://[" limit="2"></news-list>`);
    expect(el.state.status).to.equal('failed');
    el.src = '/test/fixtures/lists/twelve.xml';
    await oneEvent(el, 'news-load');
    expect(el.state.status).to.equal('ready');
  });

  it('warns once about an attribute value it does not know, and carries on with the default', async () => {
    const el = document.createElement('news-list');
    el.setAttribute('layout', 'grdi');
    el.setAttribute('limit', 'ten');
    el.src = '/test/fixtures/lists/twelve.xml';
    const errors: NewsErrorEvent[] = [];
    el.addEventListener('news-error', (e) => errors.push(e));
    const seen = await warnings(async () => {
      document.body.append(el);
      await loaded(el);
      el.requestUpdate();
      await el.updateComplete;
    });
    expect(seen.filter((w) => w.includes('layout="grdi"'))).to.have.length(1);
    expect(seen.filter((w) => w.includes('limit="NaN"'))).to.have.length(1);
    expect(errors.map((e) => e.error.code)).to.deep.equal(['config', 'config']);
    expect(el.shadowRoot!.querySelector('.list')).to.not.equal(null);
    expect(parts(el, 'item')).to.have.length(10);
    el.remove();
  });

  it('says a stale or partial list’s notice in its one live region, and offers Retry only where it can help', async () => {
    const live = (el: NewsList) => [...el.shadowRoot!.querySelectorAll('[role="status"], [role="alert"]')];
    const passing = served('lists/twelve.xml', { 'fail-after': '1' });
    const stale = await fixture<NewsList>(html`<news-list src=${passing.url} limit="2"></news-list>`);
    await loaded(stale);
    await stale.reload();
    await stale.updateComplete;
    expect(stale.state.status).to.equal('stale');
    expect(live(stale)).to.have.length(1);
    expect(live(stale)[0].textContent).to.contain('Showing earlier news');
    expect(parts(stale, 'status')[0].querySelector('button')).to.not.equal(null);

    const removed = served('lists/twelve.xml', { 'fail-after': '1', 'fail-status': '404' });
    const gone = await fixture<NewsList>(html`<news-list src=${removed.url} limit="2"></news-list>`);
    await loaded(gone);
    await gone.reload();
    await gone.updateComplete;
    expect(gone.state.status).to.equal('stale');
    // The feed is gone: trying again cannot bring it back.
    expect(parts(gone, 'status')[0].querySelector('button')).to.equal(null);

    const good = served('lists/twelve.xml');
    const bad = served('lists/twelve.xml', { status: '404' });
    const several = await fixture<NewsList>(html`<news-list src="${good.url} ${bad.url}" limit="2"></news-list>`);
    await waitUntil(() => several.state.status === 'partial' && parts(several, 'item').length > 0, 'not partial');
    await several.updateComplete;
    expect(live(several)).to.have.length(1);
    expect(live(several)[0].textContent).to.contain('One of the news feeds could not be loaded.');
  });

  it('keeps the reader’s focus on the same item when a refresh adds one above it', async () => {
    const { url } = served('lists/twelve.xml', { then: 'lists/thirteen.xml' });
    const el = await fixture<NewsList>(html`<news-list src=${url} limit="5"></news-list>`);
    await loaded(el);
    const second = parts(el, 'title')[1] as HTMLAnchorElement;
    second.focus();
    expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Workshop news number 2');
    await el.reload();
    await el.updateComplete;
    expect(parts(el, 'title')[0].textContent!.trim()).to.equal('Workshop news number 0');
    expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Workshop news number 2');
    expect(el.shadowRoot!.activeElement).to.equal(parts(el, 'title')[2]);
  });

  it('shows fallback markup that the page adds while the list loads', async () => {
    const { url } = served('lists/twelve.xml', { delay: 400 });
    const el = await fixture<NewsList>(html`<news-list src=${url}></news-list>`);
    expect(el.shadowRoot!.querySelector('.skeleton')).to.not.equal(null);
    const link = document.createElement('a');
    link.href = '/news/';
    link.textContent = 'All news';
    el.append(link);
    await waitUntil(() => link.assignedSlot !== null, 'the fallback was not shown');
    await oneEvent(el, 'news-load');
  });

  it('follows a change of the page language', async () => {
    const root = document.documentElement;
    const before = root.lang;
    try {
      const el = await fixture<NewsList>(html`<news-list src="/test/fixtures/lists/twelve.xml" limit="1"></news-list>`);
      await loaded(el);
      expect(parts(el, 'date')[0].textContent).to.equal('Nov 20, 2026');
      root.lang = 'ru';
      await waitUntil(() => parts(el, 'date')[0]?.textContent?.includes('нояб'), 'the list stayed in English', {
        timeout: 5000,
      });
      root.lang = 'en';
      await waitUntil(() => parts(el, 'date')[0]?.textContent === 'Nov 20, 2026', 'the list stayed in Russian', {
        timeout: 5000,
      });
    } finally {
      root.lang = before;
    }
  });

  it('fires news-load once per load, not when its own data changes', async () => {
    const el = document.createElement('news-list');
    const loads: NewsLoadEvent[] = [];
    el.addEventListener('news-load', (e) => loads.push(e));
    el.src = '/test/fixtures/lists/twelve.xml';
    document.body.append(el);
    await oneEvent(el, 'news-load');
    el.limit = 3;
    el.category = 'Training';
    await el.updateComplete;
    expect(loads).to.have.length(1);
    el.remove();
  });
});

describe('<news-article> states', () => {
  beforeEach(() => feedCache.clear());

  it('is idle and fetches nothing when given its item', async () => {
    const { url, key } = served('articles/college.xml');
    const el = await fixture<NewsArticle>(
      html`<news-article src=${url} .item=${item('a', 'Given directly')}></news-article>`,
    );
    expect(el.state.status).to.equal('idle');
    expect(el.shadowRoot!.querySelector('[part~="title"]')!.textContent).to.equal('Given directly');
    expect(await hits(key)).to.equal(0);
  });

  for (const src of ['http://[', '']) {
    it(`says the address is not usable when src is "${src}"`, async () => {
      const el = document.createElement('news-article');
      el.src = src;
      el.articleId = 'x';
      el.innerHTML = '<a href="/news/">All news</a>';
      const errors: NewsErrorEvent[] = [];
      el.addEventListener('news-error', (e) => errors.push(e));
      const seen = await warnings(async () => {
        document.body.append(el);
        await el.updateComplete;
      });
      expect(el.state.status).to.equal('failed');
      expect(errors.map((e) => e.error.code)).to.deep.equal(['config']);
      expect(seen).to.have.length(1);
      expect(el.shadowRoot!.querySelector('[part~="status"]')!.textContent).to.contain(
        'The article could not be loaded.',
      );
      // Readers can do nothing about a wrong address: no Retry; editors read why in the console.
      expect(el.shadowRoot!.querySelector('[part~="status"] button')?.textContent).to.not.equal('Retry');
      expect(el.querySelector('a')!.assignedSlot).to.not.equal(null);
      el.remove();
    });
  }

  it('is stale when reloading fails: the article stays on screen', async () => {
    const { url } = served('articles/college.xml', { 'fail-after': 1 });
    const el = await fixture<NewsArticle>(html`<news-article src=${url} article-id="a-1"></news-article>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="title"]'), 'the article did not render');
    const failed = oneEvent(el, 'news-error');
    await el.reload();
    await failed;
    expect(el.state.status).to.equal('stale');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="title"]')).to.not.equal(null);
  });
});
