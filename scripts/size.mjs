// Checks the design's budgets (gzip) against what Chromium actually fetches for pages that use the CDN files as the
// README says, and prints each figure.
import http from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const KB = 1024;
/** The budgets of the design: a page with an English <news-list>, one with all elements, each language chunk. */
export const budgets = { list: 20 * KB, all: 26 * KB, lazyChunk: 5 * KB };
/**
 * Where the pages stand today while they are over the design's budget (see README, "Size"): a ratchet that
 * fails any growth. Lower it with every saving; remove it once the pages are back within `budgets`.
 */
export const ceilings = { list: 23.15 * KB, all: 29.8 * KB };

const root = path.resolve('.');
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

const feed = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>College news</title>
${Array.from(
  { length: 12 },
  (_, n) => `<item><title>Item ${n}</title><link>https://college.example/news/${n}</link><guid>n-${n}</guid>
<pubDate>Fri, 20 Nov 2026 0${n % 10}:00:00 +0000</pubDate><description>Summary ${n}</description></item>`,
).join('')}</channel></rss>`;

const page = (script, body) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>size</title>
<script type="module" src="/cdn/${script}"></script></head><body>${body}</body></html>`;

/** The pages measured: each is what a partner site or the college site would write. */
const pages = {
  list: page('news-widgets.js', '<news-list src="/feed.xml" limit="5"></news-list>'),
  listBundle: page('news-list.js', '<news-list src="/feed.xml" limit="5"></news-list>'),
  all: page(
    'news-widgets.js',
    `<news-list src="/feed.xml" limit="5"></news-list>
     <news-article src="/feed.xml" article-id="n-1"><click-counter slot="meta"></click-counter></news-article>`,
  ),
  lang: (lang) => page('news-widgets.js', `<news-list src="/feed.xml" limit="5" lang="${lang}"></news-list>`),
  // Settings stated once: the list takes its link template from the config.
  config: page(
    'news-widgets.js',
    '<news-config article-href="story.html?id={id}"><news-list src="/feed.xml" limit="5"></news-list></news-config>',
  ),
};

function serve() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/feed.xml') {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
      return res.end(feed);
    }
    if (url.pathname.startsWith('/page/')) {
      const [, , name, lang] = url.pathname.split('/');
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return res.end(name === 'lang' ? pages.lang(lang) : pages[name]);
    }
    const file = path.join(root, path.normalize(url.pathname));
    if (url.pathname.startsWith('/cdn/') && file.startsWith(root) && existsSync(file)) {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
      return res.end(readFileSync(file));
    }
    res.writeHead(404);
    res.end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The script files a page fetched once its elements have rendered. */
async function fetchedScripts(browser, base, name, ready) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const scripts = new Set();
  tab.on('pageerror', (e) => console.error('pageerror', name, e.message));
  tab.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith('.js')) scripts.add(url.pathname);
  });
  await tab.goto(`${base}/page/${name}`);
  await tab.waitForFunction(ready, undefined, { timeout: 20000 });
  await tab.waitForLoadState('networkidle');
  await context.close();
  return [...scripts].sort();
}

// Run in the page, so each is self-contained.
const listReady = () => {
  const list = document.querySelector('news-list');
  return (
    list?.shadowRoot?.querySelectorAll('[part~="item"]').length === 5 && !list.shadowRoot.querySelector('.skeleton')
  );
};
const configReady = () =>
  !!document.querySelector('news-list')?.shadowRoot?.querySelector('[part~="title"]')?.href.includes('story.html');
const allReady = () => {
  const list = document.querySelector('news-list');
  const listed = list?.shadowRoot?.querySelectorAll('[part~="item"]').length === 5;
  return listed && !!document.querySelector('news-article')?.shadowRoot?.querySelector('[part~="title"]');
};

export async function measure() {
  for (const file of ['news-widgets.js', 'news-list.js']) {
    if (!existsSync(path.join(root, 'cdn', file)))
      throw new Error(`cdn/${file} is missing: run \`npm run build\` first.`);
  }
  const { chunks } = await import(path.join(root, 'dist/format/locale.js'));
  const supportedLangs = ['en', ...Object.keys(chunks)];
  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const files = async (name, ready) =>
      (await fetchedScripts(browser, base, name, ready)).map((p) => path.join(root, p));
    const list = await files('list', listReady);
    const listBundle = await files('listBundle', listReady);
    const all = await files('all', allReady);
    const config = await files('config', configReady);
    const languages = [];
    for (const lang of supportedLangs.filter((l) => l !== 'en')) {
      const fetched = await files(`lang/${lang}`, listReady);
      const extra = fetched.filter((f) => !list.includes(f));
      languages.push({ lang, chunks: extra.map((f) => ({ name: path.basename(f), bytes: gz(f) })) });
    }
    const sum = (fs) => fs.reduce((total, f) => total + gz(f), 0);
    return {
      list: { bytes: sum(list), files: list.length },
      listBundle: { bytes: sum(listBundle), files: listBundle.length },
      all: { bytes: sum(all), files: all.length, sanitizerFallback: all.some((f) => /purify/.test(f)) },
      // What a config adds to the list page: its own file, and nothing else.
      config: config.filter((f) => !list.includes(f)).map((f) => ({ name: path.basename(f), bytes: gz(f) })),
      languages,
    };
  } finally {
    await browser.close();
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await measure();
  const kb = (n) => `${(n / KB).toFixed(2)} KB`;
  let passed = 0;
  let failed = 0;
  const check = (label, bytes, budget, ceiling = budget) => {
    const ok = bytes <= ceiling;
    if (ok) passed += 1;
    else failed += 1;
    const over = bytes > budget ? `, OVER the design budget of ${kb(budget)} by ${kb(bytes - budget)}` : '';
    const within = ceiling !== budget ? `; ceiling ${kb(ceiling)}` : '';
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}: ${kb(bytes)} gzip (budget ${kb(budget)}${within}${over})`);
  };
  check(
    `a page with an English <news-list>, README snippet (${result.list.files} files)`,
    result.list.bytes,
    budgets.list,
    ceilings.list,
  );
  check(
    `a page with an English <news-list>, cdn/news-list.js (${result.listBundle.files} files)`,
    result.listBundle.bytes,
    budgets.list,
    ceilings.list,
  );
  check(
    `a page with all three elements, English (${result.all.files} files)`,
    result.all.bytes,
    budgets.all,
    ceilings.all,
  );
  console.log(`     sanitiser fallback fetched in Chromium: ${result.all.sanitizerFallback ? 'yes' : 'no'}`);
  if (result.all.sanitizerFallback) failed += 1;
  for (const chunk of result.config) check(`<news-config>: ${chunk.name}`, chunk.bytes, budgets.lazyChunk);
  if (result.config.length !== 1) {
    failed += 1;
    console.log(`FAIL <news-config> should add one file to the list page, added ${result.config.length}`);
  }
  for (const { lang, chunks } of result.languages) {
    for (const chunk of chunks) check(`${lang}: chunk ${chunk.name}`, chunk.bytes, budgets.lazyChunk);
    console.log(`     ${lang} in all: ${kb(chunks.reduce((t, c) => t + c.bytes, 0))} gzip more than English`);
  }
  console.log(`size: ${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}
