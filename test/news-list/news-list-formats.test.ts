import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { NewsList } from '../../src/news-list/news-list.js';
import { NewsArticle } from '../../src/news-article/news-article.js';
import type { NewsErrorEvent } from '../../src/events.js';
import { feedCache } from '../../src/feed/feed-cache.js';
import '../../src/news-list/define.js';
import { servedFeed } from '../support/feeds.js';
import { loaded, parts } from '../support/lists.js';

// Not src/define.js, whose package exports include the synchronous parser with every reader: here each feed goes
// through the reader the elements use, which loads Atom, JSON Feed, other charsets and the web-page check only
// when a feed needs them.
NewsArticle.define();

const served = (file: string, type?: string) => servedFeed(`feeds/${file}`, type ? { type } : {}, 'format').url;

/** The titles a list shows, in its order. */
async function titlesOf(src: string): Promise<string[]> {
  const el = await fixture<NewsList>(html`<news-list src=${src} limit="10"></news-list>`);
  await loaded(el);
  expect(parts(el, 'status').map((s) => s.textContent?.trim())).to.deep.equal([]);
  return parts(el, 'title').map((t) => t.textContent!.trim());
}

const ATOM_TITLES = ['Welding & metalwork taster', 'Timetable <draft> for June'];
const GBK_TITLES = ['计算机学院举办人工智能讲座', '图书馆延长开放时间'];

/** The optional readers this page has fetched so far. */
const readersFetched = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => /\/src\/feed\/(atom|json-feed|web-page|decode)\.[jt]s/.exec(entry.name)?.[1])
    .filter(Boolean);

describe('<news-list> reads every feed format and charset over HTTP', () => {
  beforeEach(() => feedCache.clear());

  // First, so that no other test has needed a reader yet.
  it('fetches no other reader for an RSS 2.0 feed in UTF-8, and the Atom reader for an Atom feed', async () => {
    expect(await titlesOf(servedFeed('lists/twelve.xml', {}, 'format').url)).to.have.length(10);
    expect(readersFetched()).to.deep.equal([]);
    expect(await titlesOf(served('atom.xml', 'application/atom+xml'))).to.include.members(ATOM_TITLES);
    expect(readersFetched()).to.deep.equal(['atom']);
  });

  for (const type of ['application/atom+xml', 'application/xml']) {
    it(`shows an Atom feed served as ${type}`, async () => {
      expect(await titlesOf(served('atom.xml', type))).to.include.members(ATOM_TITLES);
    });
  }

  for (const type of ['application/feed+json', 'text/plain']) {
    it(`shows a JSON Feed served as ${type}`, async () => {
      expect(await titlesOf(served('feed.json', type))).to.include('Volleyball <team> & friends');
    });
  }

  it('shows an RSS 1.0 (RDF) feed', async () => {
    expect(await titlesOf(served('rss1.rdf'))).to.have.members([
      'Мастер-класс по фотографии',
      'Chess tournament results',
    ]);
  });

  it('shows a GBK feed whose charset only the XML declaration names', async () => {
    expect(await titlesOf(served('gbk-declared.xml'))).to.have.members(GBK_TITLES);
  });

  it('shows a GBK feed whose charset only the Content-Type header names', async () => {
    expect(await titlesOf(served('gbk-undeclared.xml', 'text/xml; charset=gbk'))).to.have.members(GBK_TITLES);
  });

  it('shows a Big5 feed', async () => {
    expect(await titlesOf(served('big5.xml'))).to.deep.equal(['資訊工程系舉辦程式設計工作坊']);
  });

  it('shows a UTF-16 feed', async () => {
    expect(await titlesOf(served('utf16.xml'))).to.deep.equal(['Ғылыми конференция өтеді']);
  });

  it('shows a windows-1251 feed', async () => {
    expect(await titlesOf(served('windows-1251.xml'))).to.deep.equal(['Семинар по робототехнике']);
  });

  for (const type of ['text/html', 'application/xml']) {
    it(`says a web page served as ${type} is no feed, and names its feed to editors`, async () => {
      const el = document.createElement('news-list');
      const failed = oneEvent(el, 'news-error') as Promise<NewsErrorEvent>;
      el.src = served('page.html', type);
      el.debug = true;
      document.body.append(el);
      const { error } = await failed;
      const feedUrl = `${location.origin}/news/feed.xml`;
      expect(error).to.include({ code: 'format', feedUrl });
      await el.updateComplete;
      expect(parts(el, 'status')[0].textContent).to.contain(feedUrl);
      el.remove();
    });
  }

  it('reports a document that is neither feed nor page as a format error', async () => {
    const el = document.createElement('news-list');
    const failed = oneEvent(el, 'news-error') as Promise<NewsErrorEvent>;
    el.src = served('not-a-feed.xml');
    document.body.append(el);
    expect((await failed).error.code).to.equal('format');
    el.remove();
  });

  it('reports broken JSON as a parse error', async () => {
    const el = document.createElement('news-list');
    const failed = oneEvent(el, 'news-error') as Promise<NewsErrorEvent>;
    el.src = served('bad.json', 'application/json');
    document.body.append(el);
    expect((await failed).error.code).to.equal('parse');
    el.remove();
  });
});

describe('<news-article> reads an Atom feed over HTTP', () => {
  beforeEach(() => feedCache.clear());

  it('shows the entry with the given id', async () => {
    const src = served('atom.xml', 'application/xml');
    const el = await fixture<NewsArticle>(
      html`<news-article src=${src} article-id="tag:college.example,2024:welding"></news-article>`,
    );
    await oneEvent(el, 'news-load');
    await el.updateComplete;
    const title = el.shadowRoot!.querySelector('[part~="title"]');
    expect(title?.textContent).to.equal('Welding & metalwork taster');
  });
});
