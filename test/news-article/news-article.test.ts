import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { NewsArticle } from '../../src/news-article/news-article.js';
import type { NewsList } from '../../src/news-list/news-list.js';
import { feedCache } from '../../src/feed/feed-cache.js';
import type { NewsItem } from '../../src/feed/types.js';
import type { NewsSelectEvent } from '../../src/events.js';
import { ContextConsumer } from '@lit/context';
import { LitElement } from 'lit';
import { articleIdContext } from '../../src/context.js';
import { hits, servedFeed } from '../support/feeds.js';
import '../../src/define.js';

/** Stands in for a counter in the meta slot: it reads the article id from context, as <click-counter> will. */
class ArticleIdProbe extends LitElement {
  readonly consumer = new ContextConsumer(this, { context: articleIdContext, subscribe: true });
}
customElements.define('article-id-probe', ArticleIdProbe);

const served = () => servedFeed('articles/college.xml', {}, 'article');
const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const shown = (el: NewsArticle) =>
  waitUntil(() => part(el, 'title') || part(el, 'status'), 'article did not render', { timeout: 5000 });

describe('<news-article>', () => {
  beforeEach(() => feedCache.clear());

  it('shows the article with the given id: title, date, authors, categories and the sanitised body', async () => {
    const { url } = served();
    const el = await fixture<NewsArticle>(html`<news-article src=${url} article-id="a-2"></news-article>`);
    await shown(el);
    await el.contentComplete;
    expect(part(el, 'title')!.tagName).to.equal('H1');
    expect(part(el, 'title')!.textContent).to.equal('Robotics workshop opens in Almaty');
    expect(part(el, 'date')!.getAttribute('datetime')).to.equal('2026-11-20T02:00:00.000Z');
    expect(part(el, 'date')!.textContent).to.equal('November 20, 2026');
    expect(part(el, 'meta')!.textContent).to.contain('Li Na').and.contain('Workshops');
    const content = part(el, 'content')!;
    expect(content.querySelector('h2')!.textContent).to.equal('Equipment');
    expect(content.querySelector('script, [onclick]')).to.equal(null);
    expect(content.querySelector('a')!.getAttribute('href')).to.equal(
      'https://college.example/news/robots/partners.html',
    );
    expect(content.querySelector('.table-scroll table')).to.not.equal(null);
  });

  it('reads its meta line as labelled fields, "date · author · category · Clicks: N", with the counter in the line', async () => {
    const endpoint = (await (await fetch('/test-api/counter/endpoint')).json()).endpoint as string;
    await fetch('/test-api/counter/seed?id=a-1&count=1234');
    const el = await fixture<NewsArticle>(
      html`<news-article src=${served().url} article-id="a-1" counter-endpoint=${endpoint}
        ><click-counter slot="meta"></click-counter
      ></news-article>`,
    );
    await shown(el);
    const counter = el.querySelector('click-counter')!;
    await waitUntil(() => counter.shadowRoot?.querySelector('[part~="count"]'), 'no count', { timeout: 5000 });
    const fields = [...part(el, 'meta')!.querySelectorAll<HTMLElement>('.field'), counter];
    expect(fields.map((field) => field.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Published: November 23, 2026',
      'Author: Zhang Wei',
      'Category: Visits',
      '',
    ]);
    // The labels are for screen readers; the eye sees the values, with a dot between them.
    for (const label of part(el, 'meta')!.querySelectorAll('.visually-hidden')) {
      expect(label.getBoundingClientRect().width).to.be.at.most(1);
    }
    // A dot before every field and the counter, and the first one out of sight: the date lines up with the title.
    const boxes = fields.map((field) => field.getBoundingClientRect());
    for (const [index, field] of fields.entries()) {
      expect(getComputedStyle(field, '::before').content).to.contain('·');
      if (index > 0) expect(boxes[index].left).to.be.at.least(boxes[index - 1].right - 1);
      expect(boxes[index].top).to.be.closeTo(boxes[0].top, 1);
    }
    const left = part(el, 'title')!.getBoundingClientRect().left;
    expect(part(el, 'date')!.getBoundingClientRect().left).to.be.closeTo(left, 1);
    expect(counter.assignedSlot!.name).to.equal('meta');
    expect(counter.shadowRoot!.textContent!.replace(/\s+/g, ' ')).to.contain('Clicks').and.contain('1,234');
    await expect(el).to.be.accessible();
  });

  it('starts no line of a wrapped meta line with a dot', async () => {
    const el = await fixture<NewsArticle>(
      html`<news-article
        style="width: 11rem"
        .item=${{
          id: 'w',
          title: 'Narrow',
          published: new Date('2026-11-20T02:00:00Z'),
          authors: ['Zhang Wei', 'Li Na'],
          categories: ['Training', 'Workshops'],
          contentHtml: '<p>Body</p>',
        }}
      ></news-article>`,
    );
    await shown(el);
    const meta = part(el, 'meta')!;
    const fields = [...meta.querySelectorAll<HTMLElement>('.field:not([hidden])')];
    const tops = new Set(fields.map((field) => Math.round(field.getBoundingClientRect().top)));
    expect(tops.size, 'the fields wrap').to.be.greaterThan(1);
    // The clip edge is where the title starts; a field that begins a line has its dot left of it, out of sight.
    const edge = part(el, 'title')!.getBoundingClientRect().left;
    for (const field of fields) {
      const box = field.getBoundingClientRect();
      const startsLine = !fields.some(
        (other) =>
          other !== field &&
          Math.round(other.getBoundingClientRect().top) === Math.round(box.top) &&
          other.getBoundingClientRect().left < box.left,
      );
      if (startsLine) {
        const dot = parseFloat(getComputedStyle(field, '::before').width);
        expect(box.left + dot).to.be.closeTo(edge, 1);
      } else {
        expect(box.left).to.be.greaterThan(edge);
      }
    }
    expect(getComputedStyle(meta).clipPath).to.contain('inset');
  });

  it('draws no dot after the last field when nothing is slotted into the meta line', async () => {
    const el = await fixture<NewsArticle>(html`<news-article src=${served().url} article-id="a-1"></news-article>`);
    await shown(el);
    const meta = part(el, 'meta')!;
    const last = [...meta.querySelectorAll<HTMLElement>('.field')].pop()!;
    expect(last.textContent).to.contain('Visits');
    // Nothing is drawn right of the last field: the empty slot draws no dot of its own.
    expect(meta.querySelector('slot')!.assignedElements()).to.have.length(0);
    const rights = [...meta.children].map((child) => child.getBoundingClientRect().right);
    expect(Math.max(...rights)).to.equal(last.getBoundingClientRect().right);
  });

  it('gives elements in its meta slot the article id through context', async () => {
    const el = await fixture<NewsArticle>(
      html`<news-article src=${served().url} article-id="a-1"
        ><article-id-probe slot="meta"></article-id-probe
      ></news-article>`,
    );
    await shown(el);
    const probe = el.querySelector<ArticleIdProbe>('article-id-probe')!;
    expect(probe.consumer.value).to.equal('a-1');
    expect(probe.assignedSlot!.name).to.equal('meta');
    el.articleId = 'a-2';
    await el.updateComplete;
    expect(probe.consumer.value).to.equal('a-2');
  });

  it('reads the id from the page URL with article-id-param', async () => {
    history.replaceState(null, '', `${location.pathname}?story=a-1`);
    try {
      const el = await fixture<NewsArticle>(
        html`<news-article src=${served().url} article-id-param="story"></news-article>`,
      );
      await shown(el);
      expect(part(el, 'title')!.textContent).to.equal('Teachers from Dushanbe visit the college');
    } finally {
      history.replaceState(null, '', location.pathname);
    }
  });

  it('costs no request when a list on the page already loaded the feed', async () => {
    const { url, key } = served();
    const wrap = await fixture(
      html`<div><news-list src=${url}></news-list><news-article src=${url} article-id="a-1"></news-article></div>`,
    );
    const article = wrap.querySelector('news-article')!;
    await shown(article);
    await waitUntil(() => wrap.querySelector('news-list')!.shadowRoot!.querySelector('[part~="item"]'), 'timed out', {
      timeout: 5000,
    });
    expect(await hits(key)).to.equal(1);
  });

  it('says when the article is not in the feed, with a way back to the news', async () => {
    const el = await fixture<NewsArticle>(
      html`<news-article src=${served().url} article-id="nope" back-href="/news/"></news-article>`,
    );
    await shown(el);
    const status = part(el, 'status')!;
    expect(status.textContent).to.contain('could not be found');
    expect(status.querySelector('a')!.getAttribute('href')).to.equal('/news/');
    await expect(el).to.be.accessible();
  });

  it('tells readers a failing feed may work in a moment and offers Retry, without the editor’s detail', async () => {
    const el = document.createElement('news-article');
    el.src = '/test-api/status/500';
    el.articleId = 'x';
    const failed = oneEvent(el, 'news-error');
    document.body.append(el);
    await failed;
    await el.updateComplete;
    const status = part(el, 'status')!;
    expect(status.querySelector('.headline')!.textContent).to.equal('The article could not be loaded.');
    expect(status.textContent).to.contain('Try again in a moment.');
    expect(status.textContent).to.not.contain('500').and.not.contain('/test-api/');
    expect(status.querySelector('button')!.textContent).to.equal('Retry');
    // One polite live region says it; no alert interrupts the reader.
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('The article could not be loaded.');
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('shows editors the cause, the fix and the failing address with debug', async () => {
    const el = await fixture<NewsArticle>(
      html`<news-article src="/test-api/status/404" article-id="x" back-href="/news/" debug></news-article>`,
    );
    await waitUntil(() => part(el, 'status')?.textContent?.includes('Check the address'), 'no editor detail', {
      timeout: 5000,
    });
    const status = part(el, 'status')!;
    expect(status.textContent).to.contain('The feed address was not found (HTTP 404). Check the address.');
    expect(status.querySelector('code')!.textContent).to.equal(new URL('/test-api/status/404', location.href).href);
    // Retrying a missing feed cannot help; the way back can.
    expect(status.querySelector('button')).to.equal(null);
    expect(status.querySelector('a')!.getAttribute('href')).to.equal('/news/');
  });

  it('gives the public the title only when the feed is missing', async () => {
    const el = await fixture<NewsArticle>(
      html`<news-article src="/test-api/status/404" article-id="x" back-href="/news/"></news-article>`,
    );
    await waitUntil(() => part(el, 'status'), 'no error', { timeout: 5000 });
    const status = part(el, 'status')!;
    expect([...status.querySelectorAll('p')].map((p) => p.textContent)).to.deep.equal([
      'The article could not be loaded.',
    ]);
    expect(status.querySelector('code')).to.equal(null);
  });

  it('renders an item given as a property, at the heading level asked for, in the item’s language', async () => {
    const item: NewsItem = {
      id: 'p',
      title: 'Курс по робототехнике',
      authors: [],
      categories: [],
      published: new Date('2026-05-01T10:00:00Z'),
      contentHtml: '<p>Текст статьи.</p>',
    };
    const el = await fixture<NewsArticle>(
      html`<news-article .item=${item} heading-level="2" lang="ru"></news-article>`,
    );
    await waitUntil(() => part(el, 'date')?.textContent === '1 мая 2026 г.', 'not in Russian', { timeout: 5000 });
    await el.contentComplete;
    expect(part(el, 'title')!.tagName).to.equal('H2');
    expect(part(el, 'content')!.textContent).to.contain('Текст статьи.');
    await expect(el).to.be.accessible();
  });

  it('shows the lead image only when the body does not already show it', async () => {
    const el = await fixture<NewsArticle>(html`<news-article src=${served().url} article-id="a-1"></news-article>`);
    await shown(el);
    const lead = part(el, 'image') as HTMLImageElement;
    expect(lead.getAttribute('referrerpolicy')).to.equal('no-referrer');
    el.articleId = 'a-2';
    await el.updateComplete;
    expect(part(el, 'image')).to.equal(null);
  });

  it('keeps wide tables and images inside a narrow column', async () => {
    const el = await fixture<NewsArticle>(
      html`<news-article src=${served().url} article-id="a-2" style="width: 320px"></news-article>`,
    );
    await shown(el);
    await el.contentComplete;
    const content = part(el, 'content')!;
    expect(content.scrollWidth).to.be.at.most(320);
    const region = content.querySelector<HTMLElement>('.table-scroll')!;
    expect(region.scrollWidth).to.be.greaterThan(region.clientWidth);
    expect(region.tabIndex).to.equal(0);
  });

  it('opens in-page when the host cancels news-select on a list', async () => {
    const wrap = await fixture(
      html`<div>
        <news-list src=${served().url} article-href="#article-{id}"></news-list>
        <news-article></news-article>
      </div>`,
    );
    const list = wrap.querySelector<NewsList>('news-list')!;
    const article = wrap.querySelector<NewsArticle>('news-article')!;
    list.addEventListener('news-select', (event: NewsSelectEvent) => {
      event.preventDefault();
      article.item = event.item;
    });
    await waitUntil(() => list.shadowRoot!.querySelector('[part~="title"]'), 'timed out', { timeout: 5000 });
    const hash = location.hash;
    list.shadowRoot!.querySelector<HTMLAnchorElement>('a[part~="title"]')!.click();
    await article.updateComplete;
    expect(location.hash).to.equal(hash);
    expect(part(article, 'title')!.textContent).to.equal('Teachers from Dushanbe visit the college');
  });
});
