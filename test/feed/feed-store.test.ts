import { expect } from '@open-wc/testing';
import { FeedCache } from '../../src/feed/feed-cache.js';
import { feedStore } from '../../src/feed/feed-store.js';
import type { NewsFeed } from '../../src/feed/types.js';
import { hits, uniqueKey } from '../support/feeds.js';

const newKey = () => uniqueKey('store');
const feedUrl = (key: string) =>
  new URL(`/test-api/feed?file=feeds/rss2.xml&key=${key}&validators=1`, location.href).href;
const feed = (title: string): NewsFeed => ({
  title,
  items: [{ id: '1', title: 'One', published: new Date('2024-05-01T10:00:00Z'), authors: [], categories: [] }],
});

describe('the persistent feed cache', () => {
  beforeEach(() => feedStore.clear());
  afterEach(() => feedStore.clear());

  it('shows a returning reader the last list at once, dates and all, then the fresh one', async () => {
    const key = newKey();
    const first = await new FeedCache().load(feedUrl(key));
    // A new page: nothing in memory, the stored copy is there before any request.
    const nextVisit = new FeedCache();
    const stale = nextVisit.peek(feedUrl(key))!;
    expect(stale.title).to.equal(first.title);
    expect(stale.items[0].published).to.be.instanceOf(Date);
    expect(stale.items[0].published!.getTime()).to.equal(first.items[0].published!.getTime());
    expect(await hits(key)).to.equal(1);
    await nextVisit.load(feedUrl(key));
    expect(await hits(key)).to.equal(2);
  });

  it('revalidates with ETag and Last-Modified, and a 304 reuses the stored feed', async () => {
    const key = newKey();
    const first = await new FeedCache().load(feedUrl(key));
    const again = await new FeedCache().load(feedUrl(key));
    const forced = await new FeedCache().load(feedUrl(key), { force: true });
    expect(await hits(`${key}:304`)).to.equal(2);
    expect(again.items.map((i) => i.id)).to.deep.equal(first.items.map((i) => i.id));
    expect(forced.title).to.equal(first.title);
  });

  it('keeps the zone-less dates of each time zone apart', async () => {
    const key = newKey();
    const cache = new FeedCache();
    await cache.load(feedUrl(key), { timeZone: '+05:00' });
    expect(cache.peek(feedUrl(key), '+05:00')?.title).to.be.a('string');
    expect(cache.peek(feedUrl(key))).to.equal(undefined);
    expect(cache.peek(feedUrl(key), '+03:00')).to.equal(undefined);
  });

  it('keeps at most 20 feeds, forgetting the least recently used', async () => {
    for (let i = 0; i < 25; i++) {
      feedStore.set(`https://example.test/${i}`, { feed: feed(`feed ${i}`) });
      await new Promise((r) => setTimeout(r, 2));
    }
    const keys = Object.keys(localStorage).filter((k) => k.startsWith('news-widgets:feed:'));
    expect(keys.length).to.equal(20);
    expect(feedStore.get('https://example.test/0')).to.equal(undefined);
    expect(feedStore.get('https://example.test/24')?.feed.title).to.equal('feed 24');
  });

  it('ignores a corrupt entry and survives a full or forbidden storage', () => {
    localStorage.setItem('news-widgets:feed:v1:https://example.test/bad', '{"feed": [tru');
    expect(feedStore.get('https://example.test/bad')).to.equal(undefined);
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      expect(() => feedStore.set('https://example.test/full', { feed: feed('full') })).not.to.throw();
      expect(feedStore.get('https://example.test/full')).to.equal(undefined);
    } finally {
      Storage.prototype.setItem = setItem;
    }
  });
});
