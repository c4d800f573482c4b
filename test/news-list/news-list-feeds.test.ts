import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
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

  it('moves relative dates on once a minute, and stops when the style changes', async () => {
    const clock = sinon.useFakeTimers({
      now: Date.parse('2026-11-20T10:00:30Z'),
      toFake: ['Date', 'setInterval', 'clearInterval'],
    });
    try {
      const item = { title: 'Fresh', url: 'https://college.example/fresh', published: '2026-11-20T10:00:00Z' };
      const el = await fixture<NewsList>(html`<news-list date-style="relative" .items=${[item]}></news-list>`);
      await el.updateComplete;
      expect(parts(el, 'date')[0].textContent).to.equal('30 seconds ago');
      // The clock's module loads on first use: its one timer then runs.
      await waitUntil(() => clock.countTimers() === 1, 'no minute timer started');
      await clock.tickAsync(60_000);
      await el.updateComplete;
      expect(parts(el, 'date')[0].textContent).to.equal('1 minute ago');
      el.dateStyle = 'short';
      await el.updateComplete;
      expect(parts(el, 'date')[0].textContent).to.equal('Nov 20, 2026');
      expect(clock.countTimers()).to.equal(0);
    } finally {
      clock.restore();
    }
  });

  describe('refresh', () => {
    let clock: sinon.SinonFakeTimers;
    // Only the timers are fake, and time moves only when the test says: a slow machine cannot make a refresh
    // fall due early. Fetches, Lit's updates, frames and IntersectionObserver run for real.
    beforeEach(async () => {
      await import('../../src/controllers/refresh-controller.js');
      clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    });
    afterEach(() => clock.restore());

    /** Two frames: IntersectionObserver has reported by then. */
    const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

    /** A refreshing list, appended (off screen if asked), once its first load is done. */
    async function refreshingList(url: string, style = ''): Promise<NewsList> {
      const el = document.createElement('news-list');
      el.src = url;
      el.refresh = 10;
      el.style.cssText = style;
      const first = oneEvent(el, 'news-load');
      document.body.append(el);
      await first;
      await frames();
      return el;
    }

    it('refreshes only while visible, and waits twice as long after each failure', async () => {
      const { url, key } = served('feeds/atom.xml', { 'fail-after': '1' });
      const el = await refreshingList(url, 'position: absolute; top: 10000px');
      try {
        expect(await hits(key)).to.equal(1);
        // Off screen, a refresh that falls due waits.
        await clock.tickAsync(10_000);
        expect(await hits(key)).to.equal(1);
        // Back on screen, it runs; the server now fails (503).
        const failed = oneEvent(el, 'news-error');
        el.style.cssText = '';
        await failed;
        expect(await hits(key)).to.equal(2);
        // So the next refresh waits 20 s, not 10 s ...
        await clock.tickAsync(19_000);
        expect(await hits(key)).to.equal(2);
        const second = oneEvent(el, 'news-error');
        await clock.tickAsync(1_000);
        await second;
        expect(await hits(key)).to.equal(3);
        // ... and after the second failure in a row, 40 s.
        await clock.tickAsync(39_000);
        expect(await hits(key)).to.equal(3);
        const third = oneEvent(el, 'news-error');
        await clock.tickAsync(1_000);
        await third;
        expect(await hits(key)).to.equal(4);
        // The last good items stay on screen throughout.
        expect(el.state.status).to.equal('stale');
        await el.updateComplete;
        expect(parts(el, 'item').length).to.be.greaterThan(0);
      } finally {
        el.remove();
      }
    });

    it('waits while the page is hidden', async () => {
      const { url, key } = served('feeds/atom.xml');
      const el = await refreshingList(url);
      const visibility = Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState')!;
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      try {
        await clock.tickAsync(30_000);
        expect(await hits(key)).to.equal(1);
      } finally {
        delete (document as { visibilityState?: unknown }).visibilityState;
        Object.defineProperty(Document.prototype, 'visibilityState', visibility);
      }
      const refreshed = oneEvent(el, 'news-load');
      document.dispatchEvent(new Event('visibilitychange'));
      await refreshed;
      expect(await hits(key)).to.equal(2);
      el.remove();
    });

    it('stops refreshing when it leaves the page', async () => {
      const { url, key } = served('feeds/atom.xml');
      const el = await refreshingList(url);
      el.remove();
      await clock.tickAsync(60_000);
      expect(await hits(key)).to.equal(1);
    });
  });
});
