import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { FeedCache, feedCache } from '../../src/feed/feed-cache.js';
import { feedStore } from '../../src/feed/feed-store.js';
import type { NewsFeed } from '../../src/feed/types.js';
import { hits, rejection, uniqueKey } from '../support/feeds.js';

const newKey = () => uniqueKey('cache');
const feedUrl = (key: string, extra = '') => `/test-api/feed?file=feeds/rss2.xml&key=${key}${extra}`;

describe('FeedCache', () => {
  it('makes one request for concurrent and later loads of the same feed', async () => {
    const cache = new FeedCache();
    const key = newKey();
    const url = feedUrl(key, '&delay=100');
    const [a, b] = await Promise.all([cache.load(url), cache.load(url)]);
    expect(a).to.equal(b);
    expect(await cache.load(url)).to.equal(a);
    expect(cache.peek(url)).to.equal(a);
    expect(await hits(key)).to.equal(1);
  });

  it('fetches again when forced, still sharing concurrent forced loads', async () => {
    const cache = new FeedCache();
    const key = newKey();
    const url = feedUrl(key, '&delay=50');
    const first = await cache.load(url);
    const [a, b] = await Promise.all([cache.load(url, { force: true }), cache.load(url, { force: true })]);
    expect(a).to.equal(b);
    expect(a).not.to.equal(first);
    expect(cache.peek(url)).to.equal(a);
    expect(await hits(key)).to.equal(2);
  });

  it('does not cache a failure, so a retry fetches again', async () => {
    const cache = new FeedCache();
    const key = newKey();
    const url = feedUrl(key, '&status=503');
    expect((await rejection(cache.load(url))).code).to.equal('http');
    expect((await rejection(cache.load(url))).status).to.equal(503);
    expect(cache.peek(url)).to.equal(undefined);
    expect(await hits(key)).to.equal(2);
  });

  it('rejects only the caller that cancels, and the others still get the feed', async () => {
    const cache = new FeedCache();
    const key = newKey();
    const url = feedUrl(key, '&delay=2000');
    const controller = new AbortController();
    const leaving = cache.load(url, { signal: controller.signal });
    const staying = cache.load(url);
    setTimeout(() => controller.abort(), 50);
    expect((await rejection(leaving)).code).to.equal('aborted');
    expect((await staying).items).to.have.length(4);
    expect(await hits(key)).to.equal(1);
  });

  it('cancels the request when every caller has left, and a new caller fetches afresh', async () => {
    const cache = new FeedCache();
    const key = newKey();
    const url = feedUrl(key, '&delay=2000');
    const one = new AbortController();
    const two = new AbortController();
    const loads = [cache.load(url, { signal: one.signal }), cache.load(url, { signal: two.signal })];
    // Both callers share one request; once the server has it, the first caller leaving does not cancel it.
    await waitUntil(async () => (await hits(key)) === 1, 'the request never reached the server');
    one.abort();
    expect((await rejection(loads[0])).code).to.equal('aborted');
    two.abort();
    expect((await rejection(loads[1])).code).to.equal('aborted');
    // The last caller leaving cancels it: the server sees the connection close before its answer.
    await waitUntil(async () => (await hits(`${key}:aborted`)) === 1, 'the request was not cancelled');
    expect(await hits(key)).to.equal(1);
    // A new caller fetches afresh rather than getting the cancelled request's rejection.
    expect((await cache.load(url)).items).to.have.length(4);
    expect(await hits(key)).to.equal(2);
    expect(cache.peek(url)).to.have.property('title');
  });

  it('reads a stored copy from storage once per page, however many elements ask for it', () => {
    const url = `https://college.example/${newKey()}.xml`;
    const stored: NewsFeed = { title: 'Stored', items: [] };
    feedStore.set(url, { feed: stored });
    // What another page wrote: the entry this page reads the first time it is asked for.
    const raw = localStorage.getItem(`news-widgets:feed:v1:${url}`)!;
    feedStore.clear();
    localStorage.setItem(`news-widgets:feed:v1:${url}`, raw);
    const reads: string[] = [];
    const getItem = Storage.prototype.getItem;
    const spy = sinon.stub(Storage.prototype, 'getItem').callsFake(function (this: Storage, key: string) {
      reads.push(key);
      return getItem.call(this, key);
    });
    try {
      const cache = new FeedCache();
      const first = cache.peek(url);
      expect(first?.title).to.equal('Stored');
      expect(cache.peek(url)).to.equal(first);
      expect(new FeedCache().peek(url)).to.equal(first);
      expect(reads.filter((key) => key.endsWith(url))).to.have.length(1);
    } finally {
      spy.restore();
      feedStore.clear();
    }
  });

  it('rejects at once for a signal that is already aborted', async () => {
    const cache = new FeedCache();
    const key = newKey();
    expect((await rejection(cache.load(feedUrl(key), { signal: AbortSignal.abort() }))).code).to.equal('aborted');
    expect(await hits(key)).to.equal(0);
  });

  it('serves a feed stored with set, and forgets everything on clear', async () => {
    const cache = new FeedCache();
    const feed: NewsFeed = { title: 'Given', items: [] };
    cache.set('https://college.example/feed.xml', feed);
    expect(await cache.load('https://college.example/feed.xml')).to.equal(feed);
    cache.clear();
    expect(cache.peek('https://college.example/feed.xml')).to.equal(undefined);
  });

  it('does not store a result that arrives after clear', async () => {
    const cache = new FeedCache();
    const url = feedUrl(newKey(), '&delay=100');
    const load = cache.load(url);
    cache.clear();
    expect((await load).items).to.have.length(4);
    expect(cache.peek(url)).to.equal(undefined);
  });

  it('shares one page-wide instance through globalThis', () => {
    const store = globalThis as unknown as Record<symbol, unknown>;
    expect(store[Symbol.for('news-widgets.feed-cache')]).to.equal(feedCache);
    expect(feedCache).to.be.instanceOf(FeedCache);
  });
});
