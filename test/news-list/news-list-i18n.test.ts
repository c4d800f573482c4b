import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { NewsList } from '../../src/news-list/news-list.js';
import '../../src/define.js';
import { loaded, parts } from '../support/lists.js';

const twelve = '/test/fixtures/lists/twelve.xml';

describe('<news-list> in other languages', () => {
  it('formats dates in Russian, Chinese and Kazakh', async () => {
    const expected: Record<string, RegExp> = {
      ru: /20 нояб\.? 2026/,
      'zh-CN': /2026-11-20/,
      kk: /^2026\u202fж\. 20 қар\.$/,
    };
    for (const [lang, pattern] of Object.entries(expected)) {
      const el = await fixture<NewsList>(html`<news-list src=${twelve} limit="1" lang=${lang}></news-list>`);
      await loaded(el);
      expect(parts(el, 'date')[0].textContent!.trim(), lang).to.match(pattern);
    }
  });

  it('takes the language from the nearest [lang] ancestor', async () => {
    const wrap = await fixture(
      html`<section lang="ru-RU">
        <div><news-list src="/test/fixtures/lists/empty.xml"></news-list></div>
      </section>`,
    );
    const el = wrap.querySelector('news-list')!;
    await loaded(el);
    expect(parts(el, 'status')[0].textContent!.trim()).to.equal('Новостей пока нет.');
  });

  it('translates its buttons and messages', async () => {
    const el = await fixture<NewsList>(html`<news-list src=${twelve} page-size="2" lang="kk"></news-list>`);
    await loaded(el);
    expect(el.shadowRoot!.querySelector('button.more')!.textContent!.trim()).to.equal('Тағы');
    el.lang = 'zh-CN';
    await waitUntil(() => el.shadowRoot!.querySelector('button.more')!.textContent!.trim() === '更多', 'not switched', {
      timeout: 5000,
    });
    const broken = await fixture<NewsList>(html`<news-list src="/test-api/status/503" lang="kk"></news-list>`);
    await waitUntil(() => parts(broken, 'button').length > 0, 'timed out', { timeout: 5000 });
    expect(parts(broken, 'button')[0].textContent!.trim()).to.equal('Қайталау');
  });

  it('shows relative dates that keep the date in a tooltip', async () => {
    const items = [
      { id: 'r', title: 'Recent', authors: [], categories: [], published: new Date(Date.now() - 3 * 3600_000) },
    ];
    const el = await fixture<NewsList>(html`<news-list .items=${items} date-style="relative"></news-list>`);
    const date = parts(el, 'date')[0];
    expect(date.textContent!.trim()).to.equal('3 hours ago');
    expect(date.getAttribute('title')).to.match(/\d{4}/);
  });
});
