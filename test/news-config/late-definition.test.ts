import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { NewsList } from '../../src/news-list/news-list.js';
import { ClickCounter } from '../../src/click-counter/click-counter.js';
import { loaded, parts } from '../support/lists.js';

// As on a CDN page: the elements are registered first and <news-config> (its own file there) only later.
NewsList.define();
ClickCounter.define();

const twelve = '/test/fixtures/lists/twelve.xml';
const firstHref = (list: Element) => parts(list, 'title')[0]?.getAttribute('href') ?? '';
const firstDate = (list: Element) => parts(list, 'date')[0]?.textContent?.trim() ?? '';

describe('<news-config> registered after the elements', () => {
  it('gives its settings to the elements inside it, nested and in shadow roots, once it is registered', async () => {
    class Panel extends HTMLElement {
      connectedCallback() {
        if (this.shadowRoot) return;
        this.attachShadow({ mode: 'open' }).innerHTML = `<news-list src="${twelve}" limit="2"></news-list>`;
      }
    }
    customElements.define('late-config-panel', Panel);
    const page = await fixture<HTMLElement>(
      html`<div>
        <news-config article-href="outer.html?id={id}" date-style="long">
          <news-list id="plain" src=${twelve} limit="2"></news-list>
          <late-config-panel></late-config-panel>
          <news-config article-href="inner.html?id={id}">
            <news-list id="nested" src=${twelve} limit="2"></news-list>
          </news-config>
        </news-config>
      </div>`,
    );
    const plain = page.querySelector('#plain')!;
    const nested = page.querySelector('#nested')!;
    const shadowed = page.querySelector('late-config-panel')!.shadowRoot!.querySelector('news-list')!;
    for (const list of [plain, nested, shadowed]) await loaded(list);
    // Not registered yet: every list shows its own defaults.
    expect(customElements.get('news-config')).to.equal(undefined);
    expect(firstHref(plain)).to.equal('https://college.example/news/1');
    expect(firstDate(plain)).to.equal('Nov 20, 2026');

    await import('../../src/news-config/define.js');
    const outer = (base: string) => new URL(`${base}.html?id=n-1`, document.baseURI).href;
    await waitUntil(() => firstHref(plain) === outer('outer'), `plain list links to ${firstHref(plain)}`);
    await waitUntil(() => firstHref(shadowed) === outer('outer'), `shadowed list links to ${firstHref(shadowed)}`);
    await waitUntil(() => firstHref(nested) === outer('inner'), `nested list links to ${firstHref(nested)}`);
    for (const list of [plain, nested, shadowed]) expect(firstDate(list)).to.equal('November 20, 2026');
  });
});
