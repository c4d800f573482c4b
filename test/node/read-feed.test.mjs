// The elements' feed reader and the synchronous parseFeed are one implementation: same feed, same error, always.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { FeedError, parseFeed } from 'news-widgets/feed';
import { readFeed } from '../../dist/feed/read-feed.js';

/** What a reader made of some bytes: the feed with every lazily derived field read, or the error it threw. */
const outcome = (read) =>
  read().then(
    (feed) => ({ feed: JSON.parse(JSON.stringify(feed)) }),
    (error) => ({ error: { type: error?.constructor?.name, ...error, message: error?.message } }),
  );

/** The Content-Type a corpus file says it was served with ("Header: Content-type: ..."), if any. */
function contentTypeOf(bytes) {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  return /Header:\s*Content-type:\s*([^\r\n>]*?)\s*(?:-->|$)/im.exec(head)?.[1];
}

test('readFeed gives what parseFeed gives for every corpus and fixture file, with and without its Content-Type', async () => {
  const files = [];
  for (const folder of ['test/fixtures/corpus/feedparser/tests', 'test/fixtures/feeds']) {
    for (const file of await readdir(folder, { recursive: true })) {
      if (/\.(xml|rss|rdf|atom|json|html)$/.test(file)) files.push(path.join(folder, file));
    }
  }
  assert.ok(files.length > 1000, `only ${files.length} files`);
  const counts = { feeds: 0, errors: 0, typed: 0 };
  for (const file of files) {
    const bytes = new Uint8Array(await readFile(file));
    const declared = contentTypeOf(bytes);
    for (const contentType of declared ? [undefined, declared] : [undefined]) {
      const options = { url: `http://127.0.0.1:8097/${file}`, contentType };
      const sync = await outcome(async () => parseFeed(bytes, options));
      const lazy = await outcome(() => readFeed(bytes, options));
      assert.deepEqual(lazy, sync, `${file} (${contentType ?? 'no Content-Type'})`);
      if (sync.error) assert.ok(sync.error.type === FeedError.name, `${file}: ${sync.error.message}`);
      counts[sync.feed ? 'feeds' : 'errors']++;
      if (contentType) counts.typed++;
    }
  }
  // The comparison covered both outcomes, and files that name their charset in a header.
  assert.ok(counts.feeds > 1000 && counts.errors > 20 && counts.typed > 20, JSON.stringify(counts));
});

test('readFeed decodes legacy charsets, UTF-16 and bytes that are no UTF-8, as parseFeed does', async () => {
  const titles = [];
  for (const file of ['gbk-declared.xml', 'big5.xml', 'utf16.xml', 'windows-1251.xml']) {
    const bytes = new Uint8Array(await readFile(path.join('test/fixtures/feeds', file)));
    titles.push((await readFeed(bytes)).items[0].title);
  }
  // Latin-1 bytes that are not valid UTF-8, with no charset named anywhere: windows-1252 is the last resort.
  const bytes = Uint8Array.from(
    Buffer.from('<rss><channel><title>Caf\xe9 \x93news\x94</title></channel></rss>', 'latin1'),
  );
  titles.push((await readFeed(bytes)).title);
  assert.deepEqual(titles, [
    '计算机学院举办人工智能讲座',
    '資訊工程系舉辦程式設計工作坊',
    'Ғылыми конференция өтеді',
    'Семинар по робототехнике',
    'Café “news”',
  ]);
});
