/** A module worker that parses the feed text it is sent, to show parseFeed needs no DOM. */
import { parseFeed } from '../../src/feed/index.js';
import { FeedError } from '../../src/feed/feed-error.js';

self.onmessage = (event: MessageEvent<string>) => {
  try {
    const feed = parseFeed(event.data, { url: 'https://college.example/feed.xml' });
    postMessage({ ok: true, feed, hasDocument: typeof document !== 'undefined' });
  } catch (error) {
    postMessage({ ok: false, code: error instanceof FeedError ? error.code : String(error) });
  }
};
