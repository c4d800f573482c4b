import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { NewsList } from '../../src/news-list/news-list.js';
import type { NewsArticle } from '../../src/news-article/news-article.js';
import type { ClickCounter } from '../../src/click-counter/click-counter.js';
import type { NewsItem } from '../../src/feed/types.js';
import { feedCache } from '../../src/feed/feed-cache.js';
import { en, type Messages } from '../../src/format/messages.js';
import { en as enErrors, errorTexts, type ErrorTexts } from '../../src/format/errors.js';
import { loadLocale, type SupportedLang } from '../../src/format/locale.js';
import { supportedLangs } from '../../src/format/fallback.js';
import { servedFeed } from '../support/feeds.js';
import '../../src/define.js';

/**
 * Every word of the English interface: its messages and the editors' error texts (functions given sample values),
 * month names and the words of relative dates. Acronyms (XML, JSON, HTTP, CORS) are the same in every language and left out.
 */
function englishWords(): Set<string> {
  const texts: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') texts.push(value);
    else if (typeof value === 'function') texts.push(String(value(2)), String(value(1)));
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(en);
  collect(enErrors);
  for (let month = 0; month < 12; month += 1) {
    const date = new Date(2026, month, 1);
    texts.push(date.toLocaleString('en', { month: 'long' }), date.toLocaleString('en', { month: 'short' }));
  }
  texts.push('seconds minutes hours days ago second minute hour day Clicks');
  const words = texts.flatMap((text) => text.match(/\p{L}{3,}/gu) ?? []).filter((word) => word !== word.toUpperCase());
  return new Set(words.map((word) => word.toLowerCase()));
}

/** Words that are English and also this language's own (the Uzbek month "may", the Turkmen "web"). */
const native: Partial<Record<SupportedLang, string[]>> = { uz: ['may'], tk: ['web'] };
const english = englishWords();

/** English words in a text, except those the language shares. */
const englishIn = (text: string, lang: SupportedLang): string[] =>
  (text.match(/\p{L}+/gu) ?? []).filter(
    (word) => english.has(word.toLowerCase()) && !native[lang]?.includes(word.toLowerCase()),
  );

/** Everything a reader sees or hears from an element: its shadow text, labels, tooltips and alt texts, nested too. */
function uiText(root: ParentNode): string {
  const out: string[] = [];
  const walk = (node: Node): void => {
    // Addresses (shown to editors in <code>) are no words of any language.
    if (node instanceof Element && node.localName === 'code') return;
    if (node.nodeType === Node.TEXT_NODE) out.push(node.textContent ?? '');
    if (node instanceof Element) {
      for (const name of ['aria-label', 'title', 'alt'])
        if (node.hasAttribute(name)) out.push(node.getAttribute(name)!);
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    node.childNodes.forEach(walk);
  };
  walk(root as Node);
  return out.join(' ').replace(/\s+/g, ' ');
}

/** Records every text an element shows while `run` goes on, so a flash of English in between is caught too. */
async function recording(el: Element, run: () => Promise<unknown>): Promise<string[]> {
  const seen = [uiText(el.shadowRoot!)];
  const observer = new MutationObserver(() => seen.push(uiText(el.shadowRoot!)));
  observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
  try {
    await run();
  } finally {
    observer.disconnect();
  }
  seen.push(uiText(el.shadowRoot!));
  return seen;
}

const within = (check: () => boolean, message: string) => waitUntil(check, message, { timeout: 5000 });
const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const now = Date.now();
/** Items whose titles are numbers, so what remains is the widgets' own words. */
const items: NewsItem[] = [1, 2, 3].map((n) => ({
  id: `state-${n}`,
  title: `№ ${n}`,
  summary: `${n}0 %`,
  published: new Date(now - n * 5 * 3_600_000),
  authors: [],
  categories: [],
}));
const oldItem: NewsItem = { ...items[0], id: 'state-old', published: new Date('2026-02-03T10:00:00Z') };

let endpoint = '';
const seed = (id: string, count: number) => fetch(`/test-api/counter/seed?id=${encodeURIComponent(id)}&count=${count}`);

describe('every language in every state', () => {
  before(async () => {
    endpoint = (await (await fetch('/test-api/counter/endpoint')).json()).endpoint;
    for (const item of items) await seed(item.id, 1234);
    await seed('state-counter', 1234567);
  });
  beforeEach(() => feedCache.clear());

  for (const lang of supportedLangs) {
    describe(lang, () => {
      // Not loaded before the first test: its feed fails before the language's words arrive, and nothing may be
      // said in English in between.
      let m: Messages;
      let t: ErrorTexts;
      const words = async () => {
        t = await errorTexts(lang);
        return (m = (await loadLocale(lang)).messages);
      };
      const noEnglish = (texts: string[]) => {
        if (lang === 'en') return;
        for (const text of texts) expect(englishIn(text, lang), text).to.deep.equal([]);
      };

      it('explains a broken feed and a missing one to editors in its own words, never in English first', async () => {
        const el = await fixture<NewsList>(
          html`<news-list src="/test/fixtures/lists/broken.xml" lang=${lang} debug></news-list>`,
        );
        // The editors' words of this language, not its readers' words: those must arrive with the element.
        const parse = (await errorTexts(lang)).parse;
        const texts = await recording(el, () =>
          within(() => part(el, 'status') !== null && uiText(part(el, 'status')!).includes(parse), 'no detail'),
        );
        await words();
        expect(uiText(part(el, 'status')!)).to.contain(m.errorTitle);
        // Trying a damaged or missing feed again cannot help: no Retry, and nothing to ask of the reader.
        expect(part(el, 'button')).to.equal(null);
        expect(uiText(part(el, 'status')!)).to.not.contain(m.tryAgain);
        const missing = await fixture<NewsList>(
          html`<news-list src="/test-api/status/404" lang=${lang} debug></news-list>`,
        );
        texts.push(
          ...(await recording(missing, () =>
            within(() => uiText(missing.shadowRoot!).includes(t.notFound), 'no editor detail'),
          )),
        );
        expect(part(missing, 'button')).to.equal(null);
        texts.push(uiText(el.shadowRoot!));
        noEnglish(texts);
      });

      it('tells readers in its own words what they can do: nothing for a missing feed, try again for a failing server', async () => {
        await words();
        const missing = await fixture<NewsList>(html`<news-list src="/test-api/status/404" lang=${lang}></news-list>`);
        const texts = await recording(missing, () => within(() => part(missing, 'status') !== null, 'no error'));
        expect(part(missing, 'status')!.querySelector('.headline')!.textContent).to.equal(m.errorTitle);
        expect(uiText(part(missing, 'status')!).trim()).to.equal(m.errorTitle);
        const failing = await fixture<NewsList>(html`<news-list src="/test-api/status/503" lang=${lang}></news-list>`);
        texts.push(...(await recording(failing, () => within(() => part(failing, 'status') !== null, 'no error'))));
        const said = uiText(part(failing, 'status')!);
        expect(said).to.contain(m.errorTitle).and.contain(m.tryAgain).and.not.contain('503');
        expect(part(failing, 'button')!.textContent).to.equal(m.retry);
        const article = await fixture<NewsArticle>(
          html`<news-article src="/test-api/status/503" article-id="a" lang=${lang}></news-article>`,
        );
        texts.push(...(await recording(article, () => within(() => part(article, 'status') !== null, 'no error'))));
        expect(uiText(part(article, 'status')!))
          .to.contain(m.articleErrorTitle)
          .and.contain(m.tryAgain);
        noEnglish(texts);
      });

      it('lists items with relative and calendar dates, counters and a More button in its own words', async () => {
        await words();
        const el = await fixture<NewsList>(
          html`<news-list
            .items=${[...items, oldItem]}
            page-size="2"
            date-style="relative"
            show-clicks
            counter-endpoint=${endpoint}
            lang=${lang}
          ></news-list>`,
        );
        const texts = await recording(el, () =>
          within(
            () => part(el, 'item') !== null && uiText(el.shadowRoot!).includes(m.clicks),
            'items with counters did not show',
          ),
        );
        expect(el.shadowRoot!.querySelector('button.more')!.textContent!.trim()).to.equal(m.more);
        expect(part(el, 'list')!.getAttribute('aria-label')).to.equal(m.news);
        expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal(m.loaded(4));
        const dates = el.shadowRoot!.querySelectorAll('time[part~="date"]');
        expect(dates[0].textContent).to.match(/5/);
        expect(dates[0].getAttribute('title')).to.match(/2026|\d{4}/);
        noEnglish(texts);
        el.shadowRoot!.querySelector<HTMLButtonElement>('button.more')!.click();
        await within(() => el.shadowRoot!.querySelectorAll('[part~="item"]').length === 4, 'More did not show more');
        const calendar = el.shadowRoot!.querySelectorAll('time[part~="date"]')[3].textContent!;
        expect(calendar).to.match(/2026/);
        noEnglish([uiText(el.shadowRoot!)]);
      });

      it('keeps earlier items under a notice when a refresh fails, and names failed feeds among several', async () => {
        await words();
        const { url } = servedFeed('lists/twelve.xml', { 'fail-after': 1 }, `stale-${lang}`);
        const el = await fixture<NewsList>(html`<news-list src=${url} limit="2" lang=${lang}></news-list>`);
        await within(() => part(el, 'item') !== null, 'no items');
        await el.reload();
        await el.updateComplete;
        expect(el.state.status).to.equal('stale');
        const stale = uiText(part(el, 'status')!);
        expect(stale).to.contain(m.staleNotice).and.contain(m.retry);

        const good = servedFeed('lists/twelve.xml', {}, `partial-${lang}`);
        const bad = servedFeed('lists/twelve.xml', { status: 404 }, `partial-${lang}`);
        const several = await fixture<NewsList>(
          html`<news-list src=${`${good.url} ${bad.url}`} limit="2" lang=${lang}></news-list>`,
        );
        await within(() => part(several, 'item') !== null && part(several, 'status') !== null, 'no notice');
        const partial = uiText(part(several, 'status')!);
        expect(partial).to.contain(m.partialNotice(1));
        // The items are the feed's own English text; the notices and dates are the widgets' words.
        const dates = [...several.shadowRoot!.querySelectorAll('time')].map((time) => uiText(time));
        noEnglish([stale, partial, ...dates]);
      });

      it('explains a missing or unusable feed address in its own words', async () => {
        await words();
        const el = await fixture<NewsList>(html`<news-list src="" lang=${lang} debug></news-list>`);
        const texts = await recording(el, () =>
          within(() => part(el, 'status') !== null && uiText(part(el, 'status')!).includes(t.config), 'no detail'),
        );
        noEnglish(texts);
      });

      it('says the feed is empty in its own words', async () => {
        await words();
        const el = await fixture<NewsList>(
          html`<news-list src="/test/fixtures/lists/empty.xml" lang=${lang}></news-list>`,
        );
        const texts = await recording(el, () => within(() => part(el, 'status') !== null, 'no status'));
        expect(part(el, 'status')!.textContent!.trim()).to.equal(m.empty);
        noEnglish(texts);
      });

      it('says a category has no news in its own words, which is not an empty feed', async () => {
        await words();
        const el = await fixture<NewsList>(
          html`<news-list src="/test/fixtures/lists/twelve.xml" category="no-such-category" lang=${lang}></news-list>`,
        );
        const texts = await recording(el, () => within(() => part(el, 'status') !== null, 'no status'));
        expect(part(el, 'status')!.textContent!.trim()).to.equal(m.emptyCategory);
        expect(m.emptyCategory).to.not.equal(m.empty);
        noEnglish(texts);
      });

      it('announces loading in its own words, and nothing in English while its words load', async () => {
        await words();
        const { url } = servedFeed('lists/twelve.xml', { delay: 1500 }, `loading-${lang}`);
        const el = await fixture<NewsList>(html`<news-list src=${url} lang=${lang}></news-list>`);
        const status = () => el.shadowRoot!.querySelector('[role="status"]')!.textContent;
        const texts = await recording(el, () => within(() => status() === m.loading, 'no loading announcement'));
        expect(part(el, 'item')).to.equal(null);
        noEnglish(texts);
      });

      it('shows an article with its labelled meta line, and a missing article, in its own words', async () => {
        await words();
        const article = { ...oldItem, authors: ['Zhang Wei'], categories: ['№ 5'], contentHtml: '<p>№ 1</p>' };
        const el = await fixture<NewsArticle>(html`<news-article .item=${article} lang=${lang}></news-article>`);
        const texts = await recording(el, () => within(() => part(el, 'date') !== null, 'no article'));
        await el.contentComplete;
        expect(part(el, 'date')!.textContent).to.match(/2026/).and.match(/3/);
        const meta = part(el, 'meta')!.textContent!.replace(/\s+/g, ' ');
        expect(meta).to.contain(`${m.published}: `);
        expect(meta)
          .to.contain(`${m.authors(1)}: Zhang Wei`)
          .and.contain(`${m.categories(1)}: № 5`);
        const missing = await fixture<NewsArticle>(
          html`<news-article src="/test/fixtures/lists/twelve.xml" article-id="none" lang=${lang}></news-article>`,
        );
        texts.push(...(await recording(missing, () => within(() => part(missing, 'status') !== null, 'no status'))));
        expect(uiText(part(missing, 'status')!))
          .to.contain(m.articleNotFound)
          .and.contain(m.back);
        noEnglish(texts);
      });

      it('counts views with its label and digit grouping', async () => {
        await words();
        const el = await fixture<ClickCounter>(
          html`<click-counter article-id="state-counter" endpoint=${endpoint} lang=${lang}></click-counter>`,
        );
        const texts = await recording(el, () => within(() => part(el, 'count') !== null, 'no count'));
        const grouped: Record<SupportedLang, string> = {
          en: '1,234,567',
          'zh-CN': '1,234,567',
          ru: '1\u00a0234\u00a0567',
          kk: '1\u00a0234\u00a0567',
          uz: '1\u00a0234\u00a0567',
          'uz-Cyrl': '1\u00a0234\u00a0567',
          tg: '1\u00a0234\u00a0567',
          ky: '1\u00a0234\u00a0567',
          tk: '1\u00a0234\u00a0567',
        };
        expect(part(el, 'count')!.textContent).to.equal(grouped[lang]);
        expect(part(el, 'label')!.textContent).to.equal(m.clicks);
        noEnglish(texts);
      });
    });
  }
});

describe('languages the widgets do not speak', () => {
  const shown = async (lang: string) => {
    const el = await fixture<NewsList>(html`<news-list src="/test/fixtures/lists/empty.xml" lang=${lang}></news-list>`);
    await within(() => part(el, 'status') !== null, 'no status');
    return part(el, 'status')!.textContent!.trim();
  };

  it('shows Uzbek for Uzbek in Arabic script, Russian for Tatar, English for German', async () => {
    const info = console.info;
    const said: string[] = [];
    console.info = (...args: unknown[]) => said.push(args.join(' '));
    try {
      expect(await shown('uz-Arab-AF')).to.equal((await loadLocale('uz')).messages.empty);
      expect(await shown('tt-RU')).to.equal((await loadLocale('ru')).messages.empty);
      expect(await shown('de-DE')).to.equal(en.empty);
      expect(await shown('tg-TJ')).to.equal((await loadLocale('tg')).messages.empty);
    } finally {
      console.info = info;
    }
    expect(said.filter((line) => line.includes('news-widgets'))).to.have.length(3);
  });

  it('follows the lang of the page, whatever its form', async () => {
    const wrap = await fixture(
      html`<div lang="ky_KG"><news-list src="/test/fixtures/lists/empty.xml"></news-list></div>`,
    );
    const el = wrap.querySelector('news-list')!;
    await within(() => part(el, 'status') !== null, 'no status');
    expect(part(el, 'status')!.textContent!.trim()).to.equal((await loadLocale('ky')).messages.empty);
    expect(el.shadowRoot!.querySelector('[lang]')!.getAttribute('lang')).to.equal('ky');
  });
});
