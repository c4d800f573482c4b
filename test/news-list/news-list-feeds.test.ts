import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { NewsList } from '../../src/news-list/news-list.js';
import { feedCache } from '../../src/feed/feed-cache.js';
import '../../src/define.js';
import { hits, servedFeed } from '../support/feeds.js';
import { loaded, parts } from '../support/lists.js';

const served = (file: string, params: Record<string, string> = {}) => servedFeed(file, params, 'feeds');

describe('<news-list> with several feeds, summaries, time zones and refresh', () => {
  beforeEach(() => feedCache.clear());

  it('merges several feeds into one list, newest first, each item once', async () => {
    const rss = served('feeds/rss2.xml').url;
    const atom = served('feeds/atom.xml').url;
    // The RSS feed twice under two addresses: its items must still appear once.
    const again = served('feeds/rss2.xml').url;
    const el = await fixture<NewsList>(html`<news-list src="${rss} ${atom} ${again}" limit="50"></news-list>`);
    await loaded(el);
    const dates = parts(el, 'date').map((t) => Date.parse(t.getAttribute('datetime')!));
    expect(dates.length).to.be.greaterThan(4);
    expect([...dates].sort((a, b) => b - a)).to.deep.equal(dates);
    const titles = parts(el, 'title').map((t) => t.textContent!.trim());
    expect(new Set(titles).size).to.equal(titles.length);
    expect(parts(el, 'status')).to.have.length(0);
  });

  it('shows the other feeds, under a notice, when one of them fails', async () => {
    const good = served('feeds/atom.xml').url;
    const missing = served('feeds/atom.xml', { status: '404' }).url;
    const el = await fixture<NewsList>(html`<news-list src="${good} ${missing}"></news-list>`);
    await loaded(el);
    await waitUntil(() => parts(el, 'item').length > 0, 'items did not show');
    const status = parts(el, 'status');
    expect(status).to.have.length(1);
    expect(status[0].textContent).to.contain('One of the news feeds could not be loaded');
  });

  it('cuts summaries at a word boundary with an ellipsis at summary-length', async () => {
    const el = await fixture<NewsList>(
      html`<news-list
        summary-length="20"
        .items=${[
          {
            id: 'a',
            title: 'A',
            summary: 'The workshop opens its doors to every student on Monday.',
            authors: [],
            categories: [],
          },
        ]}
      ></news-list>`,
    );
    expect(parts(el, 'summary')[0].textContent).to.equal('The workshop opens…');
  });

  it('reads dates without a zone in the time-zone it is given, +08:00 by default', async () => {
    const { url } = served('feeds/rss2.xml');
    const el = await fixture<NewsList>(html`<news-list src=${url} limit="10"></news-list>`);
    await loaded(el);
    const times = () => parts(el, 'date').map((t) => t.getAttribute('datetime'));
    expect(times()).to.include('2024-04-20T02:00:00.000Z');
    el.timeZone = '+05:00';
    await waitUntil(() => times().includes('2024-04-20T05:00:00.000Z'), 'the zone did not apply');
  });

  it('refreshes only while visible, and waits twice as long after each failure', async () => {
    const { url, key } = served('feeds/atom.xml', { 'fail-after': '1' });
    const timers: { id: number; delay: number; run: () => void }[] = [];
    const realSetTimeout = window.setTimeout;
    const realClearTimeout = window.clearTimeout;
    let nextId = -1;
    // Capture the list's refresh timers (the fetch timeout aside) to run them by hand.
    window.setTimeout = ((fn: () => void, delay = 0, ...rest: unknown[]) => {
      if (delay < 10000 || delay === 15000) return realSetTimeout(fn, delay, ...rest);
      timers.push({ id: nextId, delay, run: fn });
      return nextId--;
    }) as typeof window.setTimeout;
    window.clearTimeout = ((id?: number) => {
      const i = timers.findIndex((t) => t.id === id);
      if (i >= 0) timers.splice(i, 1);
      else realClearTimeout(id);
    }) as typeof window.clearTimeout;
    try {
      const el = await fixture<NewsList>(html`<news-list src=${url} refresh="10"></news-list>`);
      await loaded(el);
      expect(timers.map((t) => t.delay)).to.deep.equal([10000]);
      // Off screen, a due refresh waits.
      el.style.cssText = 'position: absolute; top: 10000px';
      await new Promise((r) => realSetTimeout(r, 100));
      timers.shift()!.run();
      await new Promise((r) => realSetTimeout(r, 100));
      expect(await hits(key)).to.equal(1);
      // Back on screen, it runs; the server now fails, so the next wait doubles, and again.
      el.style.cssText = '';
      await waitUntil(() => timers.length === 1, 'no refresh after showing');
      expect(await hits(key)).to.equal(2);
      const second = timers.shift()!;
      expect(second.delay).to.equal(20000);
      second.run();
      await waitUntil(() => timers.length === 1, 'no refresh after the failure');
      expect(timers[0].delay).to.equal(40000);
      // The last good items stay on screen.
      expect(parts(el, 'item').length).to.be.greaterThan(0);
    } finally {
      window.setTimeout = realSetTimeout;
      window.clearTimeout = realClearTimeout;
    }
  });

  it('stops refreshing when it leaves the page', async () => {
    const { url } = served('feeds/atom.xml');
    const el = await fixture<NewsList>(html`<news-list src=${url} refresh="10"></news-list>`);
    await loaded(el);
    el.remove();
    expect((el as unknown as { refreshTimer?: unknown }).refreshTimer).to.equal(undefined);
  });
});
