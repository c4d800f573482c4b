import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { NewsList } from '../../src/news-list/news-list.js';
import type { NewsArticle } from '../../src/news-article/news-article.js';
import type { ClickCounter } from '../../src/click-counter/click-counter.js';
import type { NewsConfig } from '../../src/news-config/news-config.js';
import type { NewsLoadEvent } from '../../src/events.js';
import { feedCache } from '../../src/feed/feed-cache.js';
import '../../src/define.js';
import { servedFeed } from '../support/feeds.js';
import { loaded, parts } from '../support/lists.js';

const twelve = '/test/fixtures/lists/twelve.xml';
/** A feed with an item dated `2024-04-20 10:00`, no zone: 02:00 UTC read in +08:00, 05:00 UTC in +05:00. */
const zoneless = () => servedFeed('feeds/rss2.xml', {}, 'config').url;
const OPEN_DAY_DEFAULT = '2024-04-20T02:00:00.000Z';
const OPEN_DAY_PLUS5 = '2024-04-20T05:00:00.000Z';

let endpoint = '';
let seq = 0;
const newId = (name: string) => `cfg-${name}-${Date.now().toString(36)}-${seq++}`;
const seed = (id: string, count: number) => fetch(`/test-api/counter/seed?id=${encodeURIComponent(id)}&count=${count}`);

const until = (check: () => boolean, message: string) => waitUntil(check, message, { timeout: 5000 });
const firstDate = (list: Element) => parts(list, 'date')[0]?.textContent?.trim() ?? '';
const firstHref = (list: Element) => parts(list, 'title')[0]?.getAttribute('href') ?? '';
const datetimes = (el: Element) => parts(el, 'date').map((t) => t.getAttribute('datetime'));
const counterText = (el: Element) =>
  (el.shadowRoot!.querySelector('[part~="counter"]')?.textContent ?? '').replace(/\s/g, ' ');
/** The language the element renders in (its shadow root's wrapper carries it). */
const langOf = (el: Element) => el.shadowRoot!.querySelector('[lang]')?.getAttribute('lang');

describe('<news-config>', () => {
  before(async () => {
    endpoint = (await (await fetch('/test-api/counter/endpoint')).json()).endpoint;
  });
  beforeEach(() => feedCache.clear());

  it('gives a list inside it its date style, link template and language', async () => {
    const config = await fixture<NewsConfig>(
      html`<news-config date-style="long" article-href="article.html?id={id}" lang="ru"
        ><news-list src=${twelve} limit="3"></news-list
      ></news-config>`,
    );
    const list = config.querySelector('news-list')!;
    await loaded(list);
    await until(() => langOf(list) === 'ru', 'the list did not take the config’s language');
    expect(firstHref(list)).to.equal(new URL('article.html?id=n-1', document.baseURI).href);
    // Russian long date: the month is written out.
    await until(() => /ноября/.test(firstDate(list)), `long Russian date, saw "${firstDate(list)}"`);
    await expect(config).to.be.accessible();
  });

  it('gives a list its time zone for dates written without one', async () => {
    const config = await fixture<NewsConfig>(
      html`<news-config time-zone="+05:00"><news-list src=${zoneless()} limit="10"></news-list></news-config>`,
    );
    const list = config.querySelector('news-list')!;
    await loaded(list);
    await until(() => datetimes(list).includes(OPEN_DAY_PLUS5), 'the zone did not apply');
    expect(datetimes(list)).not.to.include(OPEN_DAY_DEFAULT);
  });

  it('gives the counters of a list with show-clicks its counter server', async () => {
    const feed = servedFeed('lists/twelve.xml', {}, 'config').url;
    await seed('n-1', 41);
    const config = await fixture<NewsConfig>(
      html`<news-config counter-endpoint=${endpoint}
        ><news-list src=${feed} limit="1" show-clicks></news-list
      ></news-config>`,
    );
    const list = config.querySelector('news-list')!;
    await loaded(list);
    const counter = () => list.shadowRoot!.querySelector<ClickCounter>('click-counter');
    await until(() => counter()?.count === 41, 'the list’s counter did not show the count');
    expect(counter()!.getAttribute('endpoint')).to.equal(endpoint);
  });

  it('gives an article its date style, time zone and language, and its counters the counter server', async () => {
    const src = zoneless();
    const feed = await (async () => {
      const probe = await fixture<NewsList>(html`<news-list src=${src}></news-list>`);
      await loaded(probe);
      return probe;
    })();
    const openDay = (await feedOf(feed)).items.find((item) => item.title === 'Open day')!;
    const id = newId('article');
    await seed(id, 1234);
    const config = await fixture<NewsConfig>(
      html`<news-config date-style="short" time-zone="+05:00" lang="kk" counter-endpoint=${endpoint}>
        <news-article src=${src} article-id=${openDay.id}></news-article>
        <click-counter article-id=${id}></click-counter>
      </news-config>`,
    );
    const article = config.querySelector<NewsArticle>('news-article')!;
    const counter = config.querySelector<ClickCounter>('click-counter')!;
    await until(() => datetimes(article)[0] === OPEN_DAY_PLUS5, `article date ${datetimes(article)[0]}`);
    await until(() => langOf(counter) === 'kk' || counterText(counter).startsWith('Қаралды'), 'counter language');
    await until(() => counterText(counter) === 'Қаралды: 1 234', `counter shows "${counterText(counter)}"`);
    // Short style in Kazakh: digits only, no month name.
    await until(() => /^\d/.test(parts(article, 'date')[0].textContent!.trim()), 'short Kazakh date');
  });

  it('gives a counter inside an article the counter server, when the article names none', async () => {
    const src = servedFeed('lists/twelve.xml', {}, 'config').url;
    await seed('n-2', 7);
    const config = await fixture<NewsConfig>(
      html`<news-config counter-endpoint=${endpoint}
        ><news-article src=${src} article-id="n-2"><click-counter slot="meta"></click-counter></news-article
      ></news-config>`,
    );
    const counter = config.querySelector<ClickCounter>('click-counter')!;
    await until(() => counter.count === 7, 'the counter did not show the count');
  });

  it('lets an element’s own attribute win over the config', async () => {
    const other = newId('own');
    await seed(other, 5);
    const config = await fixture<NewsConfig>(
      html`<news-config
        date-style="long"
        article-href="config.html?id={id}"
        lang="ru"
        counter-endpoint="http://127.0.0.1:9/nowhere"
      >
        <news-list src=${twelve} limit="3" date-style="short" article-href="own.html?id={id}" lang="en"></news-list>
        <click-counter article-id=${other} endpoint=${endpoint}></click-counter>
      </news-config>`,
    );
    const list = config.querySelector('news-list')!;
    const counter = config.querySelector<ClickCounter>('click-counter')!;
    await loaded(list);
    expect(firstDate(list)).to.equal('Nov 20, 2026');
    expect(firstHref(list)).to.equal(new URL('own.html?id=n-1', document.baseURI).href);
    expect(langOf(list)).to.equal('en');
    await until(() => counter.count === 5, 'the counter did not ask its own server');
  });

  it('takes the config’s value again once the element’s own attribute is removed', async () => {
    const config = await fixture<NewsConfig>(
      html`<news-config date-style="long" article-href="config.html?id={id}"
        ><news-list src=${twelve} limit="3" date-style="short" article-href="own.html?id={id}"></news-list
      ></news-config>`,
    );
    const list = config.querySelector('news-list')!;
    await loaded(list);
    expect(firstDate(list)).to.equal('Nov 20, 2026');
    list.removeAttribute('date-style');
    list.removeAttribute('article-href');
    await until(() => firstDate(list) === 'November 20, 2026', `saw "${firstDate(list)}"`);
    expect(firstHref(list)).to.equal(new URL('config.html?id=n-1', document.baseURI).href);
  });

  it('lets a property set on the element win, even when it is the default value', async () => {
    const config = await fixture<NewsConfig>(
      html`<news-config date-style="long"><news-list src=${twelve} limit="3"></news-list></news-config>`,
    );
    const list = config.querySelector<NewsList>('news-list')!;
    await loaded(list);
    await until(() => firstDate(list) === 'November 20, 2026', `saw "${firstDate(list)}"`);
    list.dateStyle = 'short';
    await until(() => firstDate(list) === 'Nov 20, 2026', `saw "${firstDate(list)}"`);
    config.dateStyle = 'relative';
    await list.updateComplete;
    expect(firstDate(list)).to.equal('Nov 20, 2026');
  });

  it('nested: the inner config wins for what it sets, and the rest comes from the outer one', async () => {
    const outer = await fixture<NewsConfig>(
      html`<news-config date-style="long" article-href="outer.html?id={id}">
        <news-list id="outside" src=${twelve} limit="2"></news-list>
        <div>
          <news-config article-href="inner.html?id={id}">
            <news-list id="inside" src=${twelve} limit="2"></news-list>
          </news-config>
        </div>
      </news-config>`,
    );
    const outside = outer.querySelector('#outside')!;
    const inside = outer.querySelector('#inside')!;
    await loaded(outside);
    await loaded(inside);
    expect(firstHref(outside)).to.equal(new URL('outer.html?id=n-1', document.baseURI).href);
    expect(firstHref(inside)).to.equal(new URL('inner.html?id=n-1', document.baseURI).href);
    expect(firstDate(outside)).to.equal('November 20, 2026');
    expect(firstDate(inside)).to.equal('November 20, 2026');
    const inner = outer.querySelector<NewsConfig>('news-config')!;
    expect(inner.settings).to.include({ dateStyle: 'long', articleHref: 'inner.html?id={id}' });

    // A change to the outer config reaches the inner one's elements, for what the inner one leaves unset.
    outer.setAttribute('date-style', 'short');
    await until(() => firstDate(inside) === 'Nov 20, 2026', `inner list shows "${firstDate(inside)}"`);
    // The inner one taking up a setting overrides the outer one; dropping it again lets the outer one show.
    inner.setAttribute('date-style', 'long');
    await until(() => firstDate(inside) === 'November 20, 2026', `inner list shows "${firstDate(inside)}"`);
    expect(firstDate(outside)).to.equal('Nov 20, 2026');
    inner.removeAttribute('article-href');
    await until(() => firstHref(inside).endsWith('outer.html?id=n-1'), `inner list links to "${firstHref(inside)}"`);
  });

  it('applies changes at once, and removing a setting brings back the element’s default', async () => {
    const config = await fixture<NewsConfig>(
      html`<news-config><news-list src=${zoneless()} limit="10"></news-list></news-config>`,
    );
    const list = config.querySelector<NewsList>('news-list')!;
    await loaded(list);
    expect(datetimes(list)).to.include(OPEN_DAY_DEFAULT);
    const link = firstHref(list);
    config.timeZone = '+05:00';
    await until(() => datetimes(list).includes(OPEN_DAY_PLUS5), 'the new zone did not apply');
    config.setAttribute('article-href', 'news.html?id={id}');
    await until(() => firstHref(list).includes('news.html?id='), 'the link template did not apply');
    config.setAttribute('lang', 'zh-CN');
    await until(() => langOf(list) === 'zh-CN', 'the language did not apply');
    config.timeZone = undefined;
    config.removeAttribute('article-href');
    config.removeAttribute('lang');
    await until(() => datetimes(list).includes(OPEN_DAY_DEFAULT), 'the default zone did not come back');
    await until(() => firstHref(list) === link, 'the item’s own link did not come back');
    await until(() => langOf(list) === 'en', 'the page’s language did not come back');
    expect(config.hasAttribute('time-zone')).to.equal(false);
  });

  it('an element taken out of the config goes back to its defaults, and one put in takes its settings', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<div>
        <news-config date-style="long" lang="ru"><news-list src=${twelve} limit="2"></news-list></news-config>
        <section></section>
      </div>`,
    );
    const list = wrap.querySelector('news-list')!;
    await loaded(list);
    await until(() => langOf(list) === 'ru', 'the list did not take the config’s language');
    wrap.querySelector('section')!.append(list);
    await until(() => firstDate(list) === 'Nov 20, 2026' && langOf(list) === 'en', `saw "${firstDate(list)}"`);
    wrap.querySelector('news-config')!.append(list);
    await until(() => langOf(list) === 'ru' && /ноября/.test(firstDate(list)), `saw "${firstDate(list)}"`);
  });

  it('reaches elements inside another component’s shadow root', async () => {
    class NewsPanel extends HTMLElement {
      connectedCallback() {
        if (this.shadowRoot) return;
        this.attachShadow({ mode: 'open' }).innerHTML = `<div><news-list src="${twelve}" limit="2"></news-list></div>`;
      }
    }
    if (!customElements.get('config-test-panel')) customElements.define('config-test-panel', NewsPanel);
    const config = await fixture<NewsConfig>(
      html`<news-config date-style="long" article-href="panel.html?id={id}" lang="ru"
        ><config-test-panel></config-test-panel
      ></news-config>`,
    );
    const list = config.querySelector('config-test-panel')!.shadowRoot!.querySelector('news-list')!;
    await loaded(list);
    await until(() => langOf(list) === 'ru', 'the list did not take the config’s language');
    expect(firstHref(list)).to.equal(new URL('panel.html?id=n-1', document.baseURI).href);
    await until(() => /ноября/.test(firstDate(list)), `saw "${firstDate(list)}"`);
    // Changes reach into the shadow root too, the language included.
    config.setAttribute('lang', 'en');
    config.setAttribute('date-style', 'short');
    await until(() => langOf(list) === 'en' && firstDate(list) === 'Nov 20, 2026', `saw "${firstDate(list)}"`);
  });

  it('adds no box of its own to the layout', async () => {
    const config = await fixture<NewsConfig>(html`<news-config><p>Text</p></news-config>`);
    expect(getComputedStyle(config).display).to.equal('contents');
    expect(config.querySelector('p')!.getBoundingClientRect().height).to.be.greaterThan(0);
  });

  it('a list with an unknown date style from the config says so and uses its default', async () => {
    const config = await fixture<NewsConfig>(
      html`<news-config date-style="sometimes"><news-list src=${twelve} limit="2"></news-list></news-config>`,
    );
    const list = config.querySelector('news-list')!;
    await loaded(list);
    expect(firstDate(list)).to.equal('Nov 20, 2026');
  });
});

/** The feed a list loaded (from its news-load event, or its state once ready). */
async function feedOf(list: NewsList) {
  if (list.state.status === 'ready') return list.state.feed;
  const event = await new Promise<NewsLoadEvent>((resolve) =>
    list.addEventListener('news-load', (e) => resolve(e as NewsLoadEvent), { once: true }),
  );
  return event.feed;
}
