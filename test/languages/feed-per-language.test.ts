import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { NewsList } from '../../src/news-list/news-list.js';
import type { NewsArticle } from '../../src/news-article/news-article.js';
import { feedCache } from '../../src/feed/feed-cache.js';
import { feedLanguages } from '../../src/controllers/feed-languages.js';
import '../../src/define.js';

// The folder holds news-uz.xml, news-ru.xml, news-kk.xml, news-en.xml, and a broken news-ky.xml.
const template = '/test/fixtures/lang/news-{lang}.xml';
const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const titleOf = async (el: Element) => {
  await waitUntil(() => part(el, 'title') || part(el, 'status'), 'nothing rendered', { timeout: 5000 });
  return part(el, 'title')?.textContent?.trim();
};
/**
 * Records the feed files of the folder that the page asks for while `run` goes on, in order. The requests still go
 * to the test server: fetch is only watched (resource timing has no entry for a 404 whose body is never read).
 */
async function requested(run: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const realFetch = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.includes('/test/fixtures/lang/')) seen.push(url.split('/').pop()!);
    return realFetch(input, init);
  };
  try {
    await run();
  } finally {
    window.fetch = realFetch;
  }
  return seen;
}

describe('a feed per language: {lang} in src', () => {
  beforeEach(() => feedCache.clear());

  it('tries the tag, its shorter forms, the language shown, then Russian for Central Asia, then English', () => {
    expect(feedLanguages('uz-latn-uz')).to.deep.equal(['uz-Latn-UZ', 'uz-Latn', 'uz', 'ru', 'en']);
    expect(feedLanguages('kk_KZ')).to.deep.equal(['kk-KZ', 'kk', 'ru', 'en']);
    expect(feedLanguages('tg')).to.deep.equal(['tg', 'ru', 'en']);
    expect(feedLanguages('uz-Arab-AF')).to.deep.equal(['uz-Arab-AF', 'uz-Arab', 'uz', 'ru', 'en']);
    expect(feedLanguages('tt')).to.deep.equal(['tt', 'ru', 'en']);
    expect(feedLanguages('zh-TW')).to.deep.equal(['zh-TW', 'zh', 'zh-CN', 'en']);
    expect(feedLanguages('de-DE')).to.deep.equal(['de-DE', 'de', 'en']);
    expect(feedLanguages('en-US-u-ca-buddhist')).to.deep.equal(['en-US', 'en']);
  });

  it('loads the feed of the element’s language', async () => {
    const el = await fixture<NewsList>(html`<news-list src=${template} lang="uz"></news-list>`);
    expect(await titleOf(el)).to.equal('Hamkor kollej yangiligi');
  });

  it('falls back down the chain while a language’s feed is missing, and says which feed stood in', async () => {
    const said: string[] = [];
    const info = console.info;
    console.info = (...args: unknown[]) => said.push(args.join(' '));
    try {
      let tajik: NewsList | undefined;
      const files = await requested(async () => {
        tajik = await fixture<NewsList>(html`<news-list src=${template} lang="tg-TJ"></news-list>`);
        expect(await titleOf(tajik)).to.equal('Новость колледжа');
      });
      expect(files).to.deep.equal(['news-tg-TJ.xml', 'news-tg.xml', 'news-ru.xml']);
      // Words follow the element's language even though the feed is Russian.
      expect(tajik!.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('1 хабар');
      const german = await fixture<NewsList>(html`<news-list src=${template} lang="de"></news-list>`);
      expect(await titleOf(german)).to.equal('College news item');
      const regional = await fixture<NewsList>(html`<news-list src=${template} lang="uz-Latn-UZ"></news-list>`);
      expect(await titleOf(regional)).to.equal('Hamkor kollej yangiligi');
    } finally {
      console.info = info;
    }
    const hints = said.filter((line) => line.includes('no feed at'));
    expect(hints).to.have.length(3);
    expect(hints[0]).to.contain('news-tg-TJ.xml').and.contain('news-ru.xml');
  });

  it('asks a later element straight for the feed found before', async () => {
    await titleOf(await fixture<NewsList>(html`<news-list src=${template} lang="tg"></news-list>`));
    feedCache.clear();
    const files = await requested(async () => {
      const again = await fixture<NewsList>(html`<news-list src=${template} lang="tg"></news-list>`);
      expect(await titleOf(again)).to.equal('Новость колледжа');
    });
    expect(files).to.deep.equal(['news-ru.xml']);
  });

  it('shows a broken feed’s error rather than another language’s feed', async () => {
    const el = await fixture<NewsList>(html`<news-list src=${template} lang="ky"></news-list>`);
    await waitUntil(() => el.state.status === 'failed', 'no error', { timeout: 5000 });
    await el.updateComplete;
    expect(el.state.status === 'failed' && el.state.error.code).to.equal('parse');
    expect(part(el, 'title')).to.equal(null);
    // Readers see the headline in Kyrgyz; a damaged feed offers no Retry, since trying again cannot help.
    expect(part(el, 'status')!.textContent).to.contain('Жаңылыктарды жүктөө мүмкүн болбоду');
    expect(part(el, 'button')).to.equal(null);
  });

  it('loads the other language’s feed when lang changes', async () => {
    const el = await fixture<NewsList>(html`<news-list src=${template} lang="kk"></news-list>`);
    expect(await titleOf(el)).to.equal('Колледж жаңалығы');
    el.lang = 'ru';
    await waitUntil(() => part(el, 'title')?.textContent?.trim() === 'Новость колледжа', 'did not switch', {
      timeout: 5000,
    });
  });

  it('finds an article in the feed of its language, falling back as the list does', async () => {
    const el = await fixture<NewsArticle>(
      html`<news-article src=${template} article-id="lang-1-ru" lang="ky-KG"></news-article>`,
    );
    // ky-KG and ky: ky's feed is broken, which is an error to show, not a gap to fill.
    await waitUntil(() => part(el, 'status'), 'no status', { timeout: 5000 });
    const tajik = await fixture<NewsArticle>(
      html`<news-article src=${template} article-id="lang-1-ru" lang="tg"></news-article>`,
    );
    expect(await titleOf(tajik)).to.equal('Новость колледжа');
    expect(part(tajik, 'date')!.textContent).to.equal('20 Ноябр 2026');
  });
});
