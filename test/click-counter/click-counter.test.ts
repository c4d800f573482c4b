import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { ClickCounter } from '../../src/click-counter/click-counter.js';
import type { NewsList } from '../../src/news-list/news-list.js';
import type { ClickCountChangeEvent } from '../../src/events.js';
import { counterKey } from '../../src/counter/counter-client.js';
import type { NewsItem } from '../../src/feed/types.js';
import '../../src/define.js';

let endpoint = '';
let seq = 0;
const newId = (name: string) => `t-${name}-${Date.now().toString(36)}-${seq++}`;
const seed = (id: string, count: number) => fetch(`/test-api/counter/seed?id=${encodeURIComponent(id)}&count=${count}`);
const serverCount = async (id: string): Promise<number> =>
  (await (await fetch(`${endpoint}/v1/counts?ids=${encodeURIComponent(id)}`, { cache: 'no-store' })).json()).counts[id];
/** The counter's text, with the no-break spaces some languages group digits with read as spaces. */
const countText = (el: Element) =>
  (el.shadowRoot!.querySelector('[part~="counter"]')?.textContent ?? '').replace(/\s/g, ' ');
const shows = (el: ClickCounter, text: string) =>
  waitUntil(() => countText(el) === text, `expected "${text}", saw "${countText(el)}"`, { timeout: 5000 });
/** Requests this page made to the counter server's /v1/counts since `since`. */
const countRequests = (since: number) =>
  performance
    .getEntriesByType('resource')
    .filter((entry) => entry.name.startsWith(`${endpoint}/v1/counts`) && entry.startTime >= since);

describe('<click-counter>', () => {
  before(async () => {
    endpoint = (await (await fetch('/test-api/counter/endpoint')).json()).endpoint;
  });

  it('shows the article’s count from the counter server, formatted for its language', async () => {
    const id = newId('show');
    await seed(id, 1234);
    const el = await fixture<ClickCounter>(html`<click-counter article-id=${id} endpoint=${endpoint}></click-counter>`);
    await shows(el, 'Clicks: 1,234');
    expect(el.shadowRoot!.querySelector('data[part~="count"]')!.getAttribute('value')).to.equal('1234');
    await expect(el).to.be.accessible();
  });

  it('speaks Chinese, Russian and Kazakh, and reads 1.2K in compact form', async () => {
    const id = newId('lang');
    await seed(id, 1234);
    const cases: [string, string, string][] = [
      ['zh-CN', 'standard', '点击：1,234'],
      ['ru', 'standard', 'Просмотры: 1 234'],
      ['kk', 'standard', 'Қаралды: 1 234'],
      ['en', 'compact', 'Clicks: 1.2K'],
    ];
    for (const [lang, format, text] of cases) {
      const el = await fixture<ClickCounter>(
        html`<click-counter article-id=${id} endpoint=${endpoint} lang=${lang} format=${format}></click-counter>`,
      );
      await shows(el, text);
    }
    const labelled = await fixture<ClickCounter>(
      html`<click-counter article-id=${id} endpoint=${endpoint} label="Views"></click-counter>`,
    );
    await shows(labelled, 'Views: 1,234');
  });

  it('records one view per article per browser session, however many counters and visits', async () => {
    const id = newId('record');
    await seed(id, 10);
    const first = await fixture(
      html`<div>
        <click-counter article-id=${id} endpoint=${endpoint} record></click-counter>
        <click-counter article-id=${id} endpoint=${endpoint} record></click-counter>
      </div>`,
    );
    const [a, b] = Array.from(first.querySelectorAll('click-counter'));
    await shows(a, 'Clicks: 11');
    await shows(b, 'Clicks: 11');
    // The same reader opening the article again in this session.
    const again = await fixture<ClickCounter>(
      html`<click-counter article-id=${id} endpoint=${endpoint} record></click-counter>`,
    );
    await shows(again, 'Clicks: 11');
    expect(await serverCount(id)).to.equal(11);
  });

  it('does not record a view while the page is only prerendered, and records it once the reader opens it', async () => {
    const id = newId('prerender');
    await seed(id, 20);
    // Chromium prerenders only pages it navigates to; the state is set here as the browser would report it.
    Object.defineProperty(document, 'prerendering', { configurable: true, get: () => true });
    try {
      const el = await fixture<ClickCounter>(
        html`<click-counter article-id=${id} endpoint=${endpoint} record></click-counter>`,
      );
      await shows(el, 'Clicks: 20');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await serverCount(id)).to.equal(20);
      Object.defineProperty(document, 'prerendering', { configurable: true, get: () => false });
      document.dispatchEvent(new Event('prerenderingchange'));
      await shows(el, 'Clicks: 21');
      expect(await serverCount(id)).to.equal(21);
    } finally {
      delete (document as unknown as { prerendering?: boolean }).prerendering;
    }
  });

  it('fires change with the count when it arrives', async () => {
    const id = newId('change');
    await seed(id, 7);
    const el = document.createElement('click-counter');
    el.articleId = id;
    el.endpoint = endpoint;
    const changed = oneEvent(el, 'change') as Promise<ClickCountChangeEvent>;
    document.body.append(el);
    expect((await changed).count).to.equal(7);
    el.remove();
  });

  it('exposes the count it shows as a read-only property', async () => {
    const id = newId('readonly');
    const el = await fixture<ClickCounter>(html`<click-counter article-id=${id} endpoint=${endpoint}></click-counter>`);
    await waitUntil(() => el.count !== undefined, 'no count');
    expect(el.count).to.equal(0);
    expect(() => ((el as unknown as { count: number }).count = 99)).to.throw(TypeError);
    expect(el.count).to.equal(0);
  });

  it('asks for every counter on the page in one request, a hundred ids at most', async () => {
    const ids = Array.from({ length: 130 }, () => newId('batch'));
    await seed(ids[0], 5);
    const since = performance.now();
    const wrap = await fixture(
      html`<div>${ids.map((id) => html`<click-counter article-id=${id} endpoint=${endpoint}></click-counter>`)}</div>`,
    );
    const counters = Array.from(wrap.querySelectorAll('click-counter'));
    await waitUntil(() => counters.every((c) => countText(c) !== ''), 'not all counts arrived', { timeout: 5000 });
    expect(countText(counters[0])).to.equal('Clicks: 5');
    expect(countRequests(since)).to.have.length(2);
  });

  it('shows a counter for each item of a news list, with one request for all of them', async () => {
    const items: NewsItem[] = Array.from({ length: 20 }, (_, i) => ({
      id: newId(`item${i}`),
      title: `Item ${i}`,
      authors: [],
      categories: [],
      published: new Date(Date.UTC(2026, 10, 20 - i)),
    }));
    await seed(items[3].id, 42);
    const since = performance.now();
    const list = await fixture<NewsList>(
      html`<news-list .items=${items} limit="20" show-clicks counter-endpoint=${endpoint}></news-list>`,
    );
    const counters = () =>
      Array.from(list.shadowRoot!.querySelectorAll<ClickCounter>('click-counter[part~="counter"]'));
    await waitUntil(
      () => counters().length === 20 && counters().every((c) => c.count !== undefined),
      'counts missing',
      {
        timeout: 5000,
      },
    );
    expect(countText(counters()[3])).to.equal('Clicks: 42');
    expect(countRequests(since)).to.have.length(1);
    await expect(list).to.be.accessible();
  });

  it('takes the article id and the endpoint from an enclosing <news-article>', async () => {
    const item: NewsItem = {
      id: newId('ctx'),
      title: 'With a counter',
      authors: [],
      categories: [],
      contentHtml: '<p>x</p>',
    };
    await seed(item.id, 99);
    const article = await fixture(
      html`<news-article .item=${item} counter-endpoint=${endpoint}
        ><click-counter slot="meta" record></click-counter
      ></news-article>`,
    );
    const counter = article.querySelector('click-counter')!;
    await shows(counter, 'Clicks: 100');
    expect(await serverCount(item.id)).to.equal(100);
    await expect(article).to.be.accessible();
  });

  it('counts articles whose feed ids the protocol does not allow, under a stable hashed key', async () => {
    const id = `tag:college.example,2026:${newId('tag')}?x=1`;
    const key = counterKey(id);
    expect(key).to.match(/^h-[a-z0-9]+$/);
    expect(counterKey(id)).to.equal(key);
    const el = await fixture<ClickCounter>(
      html`<click-counter article-id=${id} endpoint=${endpoint} record></click-counter>`,
    );
    await shows(el, 'Clicks: 1');
    expect(await serverCount(key)).to.equal(1);
  });

  it('shows the last known count, or nothing, when the server cannot be reached, and raises no error', async () => {
    const errors: unknown[] = [];
    const onError = (e: Event) => errors.push(e);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
    try {
      const id = newId('down');
      await seed(id, 3);
      const up = await fixture<ClickCounter>(
        html`<click-counter article-id=${id} endpoint=${endpoint}></click-counter>`,
      );
      await shows(up, 'Clicks: 3');
      // A closed port on this machine: nothing answers there.
      const down = 'http://127.0.0.1:9/';
      const never = await fixture<ClickCounter>(
        html`<click-counter article-id=${id} endpoint=${down} record></click-counter>`,
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(countText(never)).to.equal('');
      expect(never.shadowRoot!.childElementCount).to.equal(0);
      // The same server gone quiet later in the session: the last count stays.
      up.articleId = id;
      expect(countText(up)).to.equal('Clicks: 3');
      // Moved to another article on a server that cannot be reached: no count, not the previous article's.
      up.endpoint = down;
      up.articleId = newId('other');
      await up.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(countText(up)).to.equal('');
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onError);
    }
    expect(errors).to.deep.equal([]);
  });
});
