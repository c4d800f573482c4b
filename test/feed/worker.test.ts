import { expect } from '@open-wc/testing';
import type { NewsFeed } from '../../src/feed/types.js';

type Reply = { ok: true; feed: NewsFeed; hasDocument: boolean } | { ok: false; code: string };

function parseInWorker(text: string): Promise<Reply> {
  const worker = new Worker(new URL('../support/feed-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<Reply>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<Reply>) => resolve(event.data);
    worker.onerror = (event) => reject(new Error(event.message));
    worker.postMessage(text);
  }).finally(() => worker.terminate());
}

describe('parseFeed in a Web Worker', () => {
  it('parses a feed where there is no DOM, and its lazily derived fields survive postMessage', async () => {
    const reply = await parseInWorker(`<rss version="2.0"><channel><title>Caf&eacute; news</title>
      <item><title>Open day</title><link>/open-day</link>
      <description>&lt;p&gt;Come &lt;a href="/map"&gt;and see&lt;/a&gt;&lt;/p&gt;</description></item></channel></rss>`);
    if (!reply.ok) throw new Error(`worker failed: ${reply.code}`);
    expect(reply.hasDocument).to.equal(false);
    expect(reply.feed.title).to.equal('Café news');
    const [item] = reply.feed.items;
    expect(item.url).to.equal('https://college.example/open-day');
    expect(item.summary).to.equal('Come and see');
    expect(item.contentHtml).to.equal('<p>Come <a href="https://college.example/map">and see</a></p>');
  });

  it('reports broken XML as a FeedError there too', async () => {
    expect(await parseInWorker('<rss><channel>')).to.deep.equal({ ok: false, code: 'parse' });
  });
});
