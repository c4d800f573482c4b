// news-widgets/feed in plain Node: parse, fetch over real HTTP, and stay bounded on hostile input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FeedError, fetchFeed, parseFeed } from 'news-widgets/feed';

const rss = (items) =>
  `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>College news</title>${items}</channel></rss>`;

test('the feed entry point imports nothing outside the feed core: no Lit, no elements', () => {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(
      /(?:^|\n)(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]/g,
    )) {
      assert.ok(spec.startsWith('./'), `${path.relative('.', file)} imports ${spec}`);
      visit(path.join(path.dirname(file), spec));
    }
  };
  visit(path.resolve('dist/feed/index.js'));
  assert.ok(seen.size > 5);
});

test('parseFeed reads HTML named entities pulled in by a DOCTYPE parameter entity', () => {
  const feed =
    parseFeed(`<!DOCTYPE rss [<!ENTITY % HTMLlat1 PUBLIC "-//W3C//ENTITIES Latin 1 for XHTML//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml-lat1.ent"> %HTMLlat1;]>
<rss version="2.0"><channel><title>Caf&eacute; &amp; caf&egrave;s</title></channel></rss>`);
  assert.equal(feed.title, 'Café & cafès');
});

test('fetchFeed reads a feed over HTTP and reports a broken one as a FeedError with its address', async () => {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    res.end(req.url === '/broken' ? '<rss><channel>' : rss('<item><title>A</title><link>/a</link></item>'));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    const feed = await fetchFeed(`${base}/feed.xml`);
    assert.equal(feed.items[0].url, `${base}/a`);
    const error = await fetchFeed(`${base}/broken`).catch((e) => e);
    assert.ok(error instanceof FeedError);
    assert.equal(error.code, 'parse');
    assert.equal(error.url, `${base}/broken`);
  } finally {
    server.close();
  }
});

test('an entity-expansion bomb fails fast, without eating memory', () => {
  const levels = ['<!ENTITY a0 "0123456789">'];
  for (let i = 1; i < 12; i++) levels.push(`<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`);
  const xml = `<!DOCTYPE rss [${levels.join('')}]><rss version="2.0"><channel><title>&a11;</title></channel></rss>`;
  const heap = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  assert.throws(
    () => parseFeed(xml),
    (e) => e instanceof FeedError && e.code === 'parse',
  );
  assert.ok(performance.now() - t0 < 1000, `${performance.now() - t0} ms`);
  assert.ok(process.memoryUsage().heapUsed - heap < 64 * 1024 * 1024);
});

test('a 10 MB feed parses in bounded time and memory', (t) => {
  const item = (i) =>
    `<item><title>Item ${i}</title><link>https://college.example/${i}</link><description>&lt;p&gt;${'Words &amp; more. '.repeat(50)}&lt;/p&gt;</description></item>`;
  const parts = [];
  let size = 0;
  for (let i = 0; size < 10 * 1024 * 1024; i++) size += parts[parts.push(item(i)) - 1].length;
  const bytes = new TextEncoder().encode(rss(parts.join('')));
  globalThis.gc?.();
  const heap = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const feed = parseFeed(bytes);
  const ms = performance.now() - t0;
  const grown = process.memoryUsage().heapUsed - heap;
  t.diagnostic(
    `${(bytes.length / 1048576).toFixed(1)} MB, ${parts.length} items: ${Math.round(ms)} ms, heap +${Math.round(grown / 1048576)} MB`,
  );
  assert.equal(feed.items.length, parts.length);
  assert.ok(ms < 5000, `${ms} ms`);
  // The text is held once (about 20 MB as UTF-16) plus a small tree over it.
  assert.ok(grown < 400 * 1024 * 1024, `${Math.round(grown / 1048576)} MB`);
});

test('10 MB of hostile markup ends in a feed or a FeedError, never a stack overflow', () => {
  const size = 10 * 1024 * 1024;
  const cases = [
    `<rss><channel><item ${'a="1" '.repeat(size / 6)}/></channel></rss>`,
    `<rss><channel><item ${'a=1 '.repeat(size / 4)}`,
    `<!DOCTYPE rss [${'<!ENTITY a "x">'.repeat(size / 16)}]><rss/>`,
    `<rss><channel><!--${'-'.repeat(size)}`,
    `<rss><channel><title>${'< '.repeat(size / 2)}</title></channel></rss>`,
    `<rss><channel>${'<x/>'.repeat(size / 4)}</channel></rss>`,
  ];
  for (const xml of cases) {
    try {
      parseFeed(xml);
    } catch (error) {
      assert.ok(error instanceof FeedError, `${xml.slice(0, 40)}…: ${error}`);
    }
  }
});
