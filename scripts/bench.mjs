// `npm run bench`: parse a 1,000-item RSS feed and render 20 items in headless Chromium, against a vanilla baseline.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 15;

function makeFeed(count = 1000) {
  const items = [];
  for (let i = 0; i < count; i++) {
    const date = new Date(Date.UTC(2026, 10, 20, 9) - i * 3600_000).toUTCString();
    items.push(`<item>
  <title>Workshop news number ${i + 1}: students build a solar-powered bench</title>
  <link>https://college.example/news/${i + 1}</link>
  <guid>https://college.example/news/${i + 1}</guid>
  <pubDate>${date}</pubDate>
  <category>Workshops</category>
  <description><![CDATA[<p>Summary of item ${i + 1}. The college workshop opened its doors to the whole town this week, and ${'visitors saw welding, carpentry and electronics at work. '.repeat(8)}</p><p><img src="/img/${i + 1}.jpg" alt="Photo ${i + 1}"></p>]]></description>
</item>`);
  }
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>College news</title><link>https://college.example/</link>
<description>Bench feed</description>
${items.join('\n')}
</channel></rss>`;
}

const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body><div id="out"></div>
<script type="module">
import { parseFeed } from '/cdn/news-widgets.js';
const bytes = new Uint8Array(await (await fetch('/feed.xml')).arrayBuffer());
const out = document.getElementById('out');

async function ours() {
  const t0 = performance.now();
  const feed = parseFeed(bytes, { url: location.href, contentType: 'application/rss+xml; charset=utf-8' });
  const el = document.createElement('news-list');
  el.limit = 20;
  el.feed = feed;
  out.replaceChildren(el);
  await el.updateComplete;
  if (el.shadowRoot.querySelectorAll('[part~="item"]').length !== 20) throw new Error('news-list rendered wrong');
  return performance.now() - t0;
}

function baseline() {
  const t0 = performance.now();
  const text = new TextDecoder().decode(bytes);
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  const ul = document.createElement('ul');
  const items = doc.getElementsByTagName('item');
  for (let i = 0; i < 20; i++) {
    const item = items[i];
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = item.getElementsByTagName('link')[0].textContent;
    a.textContent = item.getElementsByTagName('title')[0].textContent;
    const time = document.createElement('time');
    const date = new Date(item.getElementsByTagName('pubDate')[0].textContent);
    time.dateTime = date.toISOString();
    time.textContent = date.toLocaleDateString('en', { dateStyle: 'medium' });
    li.append(a, time);
    ul.append(li);
  }
  out.replaceChildren(ul);
  return performance.now() - t0;
}

window.bench = async (runs) => {
  const a = [], b = [];
  // Warm-up: JIT, the lazy locale, styles.
  await ours(); baseline();
  for (let i = 0; i < runs; i++) {
    a.push(await ours());
    b.push(baseline());
  }
  return { ours: a, baseline: b, bytes: bytes.length };
};
window.ready = true;
</script></body></html>`;

const feed = makeFeed();
const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(page);
  if (url.pathname === '/feed.xml') return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed);
  const file = path.resolve(root, '.' + url.pathname);
  if (!file.startsWith(path.join(root, 'cdn') + path.sep)) return res.writeHead(404).end();
  try {
    res.writeHead(200, { 'content-type': 'text/javascript' }).end(await readFile(file));
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  const tab = await browser.newPage();
  tab.on('pageerror', (e) => console.error(e));
  await tab.goto(`http://127.0.0.1:${port}/`);
  await tab.waitForFunction(() => window.ready === true);
  const result = await tab.evaluate((runs) => window.bench(runs), RUNS);
  const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const ours = median(result.ours);
  const base = median(result.baseline);
  console.log(`feed: 1,000 items, ${(result.bytes / 1024).toFixed(0)} KB; ${RUNS} runs each, alternating; medians:`);
  console.log(`  parseFeed + <news-list> (20 items): ${ours.toFixed(1)} ms`);
  console.log(`  DOMParser + hand-written DOM loop:  ${base.toFixed(1)} ms`);
  console.log(`  ratio: ${(ours / base).toFixed(2)}× (budget ≤ 2×)`);
  process.exitCode = ours / base <= 2 ? 0 : 1;
} finally {
  await browser.close();
  server.close();
}
