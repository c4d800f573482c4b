import { expect } from '@open-wc/testing';
import { fetchFeed } from '../../src/feed/fetch-feed.js';
import { rejection } from '../support/feeds.js';

const feedPath = (file: string, extra = '') => `/test-api/feed?file=feeds/${file}${extra}`;

describe('fetchFeed', () => {
  it('fetches and parses a feed, resolving links against the address it came from', async () => {
    const feed = await fetchFeed(feedPath('rss2.xml', '&type=application/rss%2Bxml'));
    expect(feed.title).to.equal('Riverside College News');
    expect(feed.items[1].url).to.equal(`${location.origin}/news/robotics-final`);
  });

  it('decodes with the charset of the response header', async () => {
    const feed = await fetchFeed(
      feedPath('gbk-undeclared.xml', `&type=${encodeURIComponent('text/xml; charset=gbk')}`),
    );
    expect(feed.items[0].title).to.equal('计算机学院举办人工智能讲座');
  });

  it('reads zone-less dates in the zone it is given', async () => {
    const feed = await fetchFeed(feedPath('gbk-declared.xml'), { defaultTimeZone: 'Z' });
    expect(feed.items[0].published?.toISOString()).to.equal('2024-05-01T08:00:00.000Z');
  });

  it('reports an error status as an http error with the status and address', async () => {
    for (const status of [404, 500]) {
      const url = feedPath('rss2.xml', `&status=${status}`);
      const error = await rejection(fetchFeed(url));
      expect(error).to.include({ code: 'http', status, url, message: `HTTP ${status}` });
    }
  });

  it('reports a server that answers too slowly as a timeout', async () => {
    const error = await rejection(fetchFeed(feedPath('rss2.xml', '&delay=2000'), { timeout: 200 }));
    expect(error.code).to.equal('timeout');
    expect(error.url).to.contain('delay=2000');
  });

  it('reports a cancelled request as aborted', async () => {
    const controller = new AbortController();
    const promise = fetchFeed(feedPath('rss2.xml', '&delay=1000'), { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await rejection(promise)).code).to.equal('aborted');
  });

  it('reports a signal that was already aborted without fetching', async () => {
    const key = `pre-aborted-${Math.random()}`;
    const error = await rejection(fetchFeed(feedPath('rss2.xml', `&key=${key}`), { signal: AbortSignal.abort() }));
    expect(error.code).to.equal('aborted');
    expect(await (await fetch(`/test-api/hits?key=${key}`)).json()).to.deep.equal({ hits: 0 });
  });

  it('reports a cross-origin feed without a CORS header as a cors error', async () => {
    expect(location.hostname).to.equal('localhost');
    const url = `http://127.0.0.1:${location.port}${feedPath('rss2.xml')}`;
    const error = await rejection(fetchFeed(url));
    expect(error.code).to.equal('cors');
    expect(error.url).to.equal(url);
  });

  it('reads a cross-origin feed that sends a CORS header', async () => {
    const feed = await fetchFeed(`http://127.0.0.1:${location.port}${feedPath('rss2.xml', '&cors=1')}`);
    expect(feed.items).to.have.length(4);
  });

  it('reports a server that cannot be reached as a network error', async () => {
    const error = await rejection(fetchFeed('http://127.0.0.1:1/feed.xml'));
    expect(error.code).to.equal('network');
    expect(error.url).to.equal('http://127.0.0.1:1/feed.xml');
  });

  it('keeps the parser error code and adds the address', async () => {
    const url = feedPath('broken.xml');
    const error = await rejection(fetchFeed(url));
    expect(error).to.include({ code: 'parse', url });
    const page = await rejection(fetchFeed(feedPath('page.html', '&type=text/html')));
    expect(page.code).to.equal('format');
    expect(page.feedUrl).to.equal(`${location.origin}/news/feed.xml`);
  });

  it('refuses a feed larger than the limit, whether or not the server says its size', async () => {
    const declared = await rejection(fetchFeed('/test-api/large?mb=11'));
    expect(declared.code).to.equal('too-large');
    const chunked = await rejection(fetchFeed('/test-api/large?mb=11&chunked=1'));
    expect(chunked.code).to.equal('too-large');
    const small = await rejection(fetchFeed(feedPath('rss2.xml'), { maxBytes: 100 }));
    expect(small).to.include({ code: 'too-large', url: feedPath('rss2.xml') });
    const fits = await fetchFeed('/test-api/large?mb=1&chunked=1');
    expect(fits.title).to.equal('Large');
  });
});
