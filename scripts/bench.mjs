// `npm run bench`: parseFeed against feedsmith, rss-parser and the DOMParser floor (20, 200 and 1,000 items) in
// Node and headless Chromium, one run; then parse + first render of 20 items against a hand-written DOM baseline.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SIZES = [20, 200, 1000];
const ROUNDS = 15;
const RENDER_RUNS = 15;

function makeFeed(count) {
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

/**
 * Median time per parse of each contender, in ms. Contenders alternate within each round so that load from
 * elsewhere on the machine falls on all of them alike; small feeds are parsed several times per sample.
 * Serialised into the browser page as well, so both engines are measured by the same code.
 */
async function measure(contenders, feeds, rounds) {
  const out = {};
  for (const [size, bytes] of Object.entries(feeds)) {
    const reps = Math.max(1, Math.round(1000 / Number(size)));
    const samples = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
    // Warm-up: the JIT, and any lazy setup of each library.
    for (const run of Object.values(contenders)) for (let i = 0; i < 3; i++) await run(bytes);
    for (let round = 0; round < rounds; round++) {
      for (const [name, run] of Object.entries(contenders)) {
        const t0 = performance.now();
        for (let i = 0; i < reps; i++) await run(bytes);
        samples[name].push((performance.now() - t0) / reps);
      }
    }
    out[size] = Object.fromEntries(
      Object.entries(samples).map(([name, xs]) => [name, [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]]),
    );
  }
  return out;
}

const feeds = Object.fromEntries(SIZES.map((n) => [n, new TextEncoder().encode(makeFeed(n))]));
const OPTIONS = { url: 'https://college.example/feed.xml', contentType: 'application/rss+xml; charset=utf-8' };

// ---- Node: the published module, and the peers as npm installs them.
const { parseFeed } = await import('news-widgets/feed');
const { parseFeed: feedsmith } = await import('feedsmith');
const { default: RssParser } = await import('rss-parser');
const rssParser = new RssParser();
const nodeResults = await measure(
  {
    parseFeed: (bytes) => parseFeed(bytes, OPTIONS),
    'parseFeed, every field read': (bytes) => {
      for (const item of parseFeed(bytes, OPTIONS).items) void [item.summary, item.contentHtml, item.image];
    },
    feedsmith: (bytes) => feedsmith(new TextDecoder().decode(bytes)),
    'rss-parser': (bytes) => rssParser.parseString(new TextDecoder().decode(bytes)),
  },
  feeds,
  ROUNDS,
);

// ---- Chromium: our CDN bundle; feedsmith bundled for the browser; rss-parser's own browser build.
const feedsmithBundle = (
  await build({
    stdin: { contents: "export { parseFeed } from 'feedsmith';", resolveDir: root },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    write: false,
  })
).outputFiles[0].text;

const page = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script src="/peers/rss-parser.min.js"></script></head><body><div id="out"></div>
<script type="module">
import { parseFeed } from '/cdn/feed.js';
import '/cdn/news-widgets.js';
import { parseFeed as feedsmith } from '/peers/feedsmith.js';
const OPTIONS = ${JSON.stringify(OPTIONS)};
const feeds = {};
for (const n of ${JSON.stringify(SIZES)}) {
  feeds[n] = new Uint8Array(await (await fetch('/feed-' + n + '.xml')).arrayBuffer());
}
const rssParser = new RSSParser();
const measure = ${measure.toString()};
window.parse = (rounds) => measure({
  parseFeed: (bytes) => parseFeed(bytes, OPTIONS),
  'parseFeed, every field read': (bytes) => {
    for (const item of parseFeed(bytes, OPTIONS).items) void [item.summary, item.contentHtml, item.image];
  },
  feedsmith: (bytes) => feedsmith(new TextDecoder().decode(bytes)),
  'rss-parser': (bytes) => rssParser.parseString(new TextDecoder().decode(bytes)),
  'DOMParser alone (floor)': (bytes) =>
    new DOMParser().parseFromString(new TextDecoder().decode(bytes), 'application/xml'),
}, feeds, rounds);

const out = document.getElementById('out');
const bytes = feeds[1000];
async function ours() {
  const t0 = performance.now();
  const feed = parseFeed(bytes, OPTIONS);
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
  const doc = new DOMParser().parseFromString(new TextDecoder().decode(bytes), 'application/xml');
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
window.render = async (runs) => {
  const a = [], b = [];
  // Warm-up: JIT, the lazy locale, styles.
  await ours(); baseline();
  for (let i = 0; i < runs; i++) {
    a.push(await ours());
    b.push(baseline());
  }
  return { ours: a, baseline: b };
};
window.ready = true;
</script></body></html>`;

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const js = { 'content-type': 'text/javascript' };
  if (url.pathname === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(page);
  const feed = /^\/feed-(\d+)\.xml$/.exec(url.pathname);
  if (feed && feeds[feed[1]]) return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feeds[feed[1]]);
  if (url.pathname === '/peers/feedsmith.js') return res.writeHead(200, js).end(feedsmithBundle);
  if (url.pathname === '/peers/rss-parser.min.js') {
    return res
      .writeHead(200, js)
      .end(await readFile(path.join(root, 'node_modules/rss-parser/dist/rss-parser.min.js')));
  }
  const file = path.resolve(root, '.' + url.pathname);
  if (!file.startsWith(path.join(root, 'cdn') + path.sep)) return res.writeHead(404).end();
  try {
    res.writeHead(200, js).end(await readFile(file));
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();

const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
let browserResults;
let render;
try {
  const tab = await browser.newPage();
  tab.on('pageerror', (e) => console.error(e));
  await tab.goto(`http://127.0.0.1:${port}/`);
  await tab.waitForFunction(() => window.ready === true);
  browserResults = await tab.evaluate((rounds) => window.parse(rounds), ROUNDS);
  render = await tab.evaluate((runs) => window.render(runs), RENDER_RUNS);
} finally {
  await browser.close();
  server.close();
}

// ---- Report
const kb = (n) => `${Math.round(feeds[n].length / 1024)} KB`;
const cell = (ms) => (ms === undefined ? 'n/a' : ms < 1 ? ms.toFixed(3) : ms.toFixed(1)).padStart(12);
const header =
  `${'ms per parse, medians of ' + ROUNDS}`.padEnd(40) + SIZES.map((n) => `${n} items`.padStart(12)).join('');
console.log(`feeds: ${SIZES.map((n) => `${n} items (${kb(n)})`).join(', ')}; contenders alternate in each round`);
let ok = true;
for (const [engine, results] of [
  [`Chromium (${chromiumPath})`, browserResults],
  [`Node ${process.version}`, nodeResults],
]) {
  console.log(`\n${engine}\n${header}`);
  const names = Object.keys(results[SIZES[0]]);
  for (const name of names) console.log(`  ${name.padEnd(38)}${SIZES.map((n) => cell(results[n][name])).join('')}`);
  if (!names.includes('DOMParser alone (floor)'))
    console.log(`  ${'DOMParser alone (floor)'.padEnd(38)}${SIZES.map(() => cell()).join('')}`);
  const ratio = (n, peer) => results[n].parseFeed / results[n][peer];
  for (const peer of ['feedsmith', 'rss-parser', 'DOMParser alone (floor)'].filter((p) => names.includes(p))) {
    console.log(
      `  ${`parseFeed / ${peer}`.padEnd(38)}${SIZES.map((n) => `${ratio(n, peer).toFixed(2)}×`.padStart(12)).join('')}`,
    );
  }
  const fastest = Math.min(results[1000].feedsmith, results[1000]['rss-parser']);
  if (results[1000].parseFeed > fastest) ok = false;
  console.log(
    `  budget: 1,000 items no slower than the fastest peer: ${results[1000].parseFeed <= fastest ? 'met' : 'MISSED'}`,
  );
}

const ours = median(render.ours);
const base = median(render.baseline);
console.log(`\nChromium, 1,000 items: parse + first render of 20, medians of ${RENDER_RUNS}, alternating`);
console.log(`  parseFeed + <news-list> (20 items): ${ours.toFixed(1)} ms`);
console.log(`  DOMParser + hand-written DOM loop:  ${base.toFixed(1)} ms`);
console.log(`  ratio: ${(ours / base).toFixed(2)}× (budget ≤ 2×)`);
if (ours / base > 2) ok = false;
process.exitCode = ok ? 0 : 1;
