// End to end: every demo page in Chromium, served by the demo server, with the built CDN bundle.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { regularUserAgent as userAgent } from '../../scripts/chromium.mjs';
import { expectCount, startDemoBrowser, wait } from '../support/demo-browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shots = path.join(root, '.test-results/screenshots');
// The demo's feeds are dated around this day; relative dates ("8 days ago") are read against it.
const demoNow = new Date('2026-11-28T10:00:00+05:00');
const desktop = { width: 1280, height: 900 };
const mobile = { width: 390, height: 844 };

const cyrillic = /[\u0400-\u04FF]/;
const han = /[\u4E00-\u9FFF]/;

/** Titles, dates and categories of an RSS file's items, in order (enough for the demo's own feeds). */
function rssItems(file, encoding = 'utf-8') {
  const xml = new TextDecoder(encoding).decode(readFileSync(path.join(root, file)));
  return [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map(([, body]) => ({
    title: /<title>([^<]*)<\/title>/.exec(body)[1],
    date: new Date(/<pubDate>([^<]*)<\/pubDate>/.exec(body)[1]),
    categories: [...body.matchAll(/<category>([^<]*)<\/category>/g)].map((m) => m[1]),
  }));
}

let server;
let browser;
let demo;

before(async () => {
  if (!existsSync(path.join(root, 'cdn/news-widgets.js'))) {
    throw new Error('cdn/news-widgets.js is missing: run `npm run build` before the end-to-end test of the demo.');
  }
  mkdirSync(shots, { recursive: true });
  demo = await startDemoBrowser();
  ({ server, browser } = demo);
});

after(() => demo?.close());

/** Opens a demo page in a fresh context with the demo's clock; records page errors and requests. */
async function open(name, { viewport = desktop } = {}) {
  const context = await browser.newContext({ viewport, locale: 'en-US', timezoneId: 'Asia/Almaty', userAgent });
  await context.clock.setFixedTime(demoNow);
  const page = await context.newPage();
  page.setDefaultTimeout(wait);
  page.setDefaultNavigationTimeout(wait);
  const errors = [];
  const requests = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(new URL(`demo/${name}`, server.url).href);
  return { page, errors, requests, close: () => context.close() };
}

/** Every item has a non-empty title and a machine-readable date; returns their texts. */
async function readItems(list) {
  const items = list.locator('[part~="item"]');
  const out = [];
  for (const item of await items.all()) {
    const title = (await item.locator('[part~="title"]').textContent()).trim();
    const time = item.locator('time[part~="date"]');
    const datetime = await time.getAttribute('datetime');
    const date = (await time.textContent()).trim();
    assert.ok(title, 'an item has an empty title');
    assert.ok(datetime && !Number.isNaN(Date.parse(datetime)), `"${title}" has no valid datetime: ${datetime}`);
    assert.ok(date, `"${title}" shows no date`);
    out.push({ title, datetime, date });
  }
  return out;
}

/** Scrolls through the page so lazy images load, then reports each image part: loaded or not. */
async function imagesOf(page, list) {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 400) {
      window.scrollTo(0, y);
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    window.scrollTo(0, 0);
  });
  const images = list.locator('img[part~="image"]');
  const deadline = Date.now() + wait;
  let state = [];
  while (Date.now() < deadline) {
    state = await images.evaluateAll((imgs) =>
      imgs.map((img) => ({ src: img.src, done: img.complete, width: img.naturalWidth })),
    );
    if (state.every((img) => img.done)) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return state;
}

async function screenshot(page, file) {
  await page.screenshot({ path: path.join(shots, file), fullPage: true, animations: 'disabled' });
}

describe('demo pages', { timeout: 120_000 }, () => {
  test('the college news page lists the feed, pages it, filters it by category and fetches it once', async () => {
    const { page, errors, requests, close } = await open('index.html');
    try {
      const feed = rssItems('demo/feeds/college-en.xml');
      const news = page.locator('news-list#news');
      await expectCount(news.locator('[part~="item"]'), 6, 'the first page shows page-size items');
      const first = await readItems(news);
      assert.deepEqual(
        first.map((item) => item.title),
        feed.slice(0, 6).map((item) => item.title),
      );
      assert.equal(first[0].datetime, feed[0].date.toISOString());

      const images = await imagesOf(page, news);
      assert.equal(images.length, 6, 'every item of the English feed has an image');
      assert.ok(
        images.every((img) => img.width > 0),
        `images failed: ${images.filter((i) => !i.width).map((i) => i.src)}`,
      );

      const latest = page.locator('news-list#latest-list');
      await expectCount(latest.locator('[part~="item"]'), 5, 'the compact sidebar list shows limit items');
      await readItems(latest);

      const zh = page.locator('news-list[lang="zh-CN"]');
      await expectCount(zh.locator('[part~="item"]'), 3, 'the Chinese list shows limit items');
      const zhItems = await readItems(zh);
      const zhFeed = rssItems('demo/feeds/college-zh.xml', 'gbk');
      assert.deepEqual(
        zhItems.map((item) => item.title),
        zhFeed.slice(0, 3).map((item) => item.title),
        'the GBK feed is decoded',
      );
      assert.ok(zhItems.every((item) => han.test(item.title)));

      const feedRequests = requests.filter((url) => url.endsWith('/demo/feeds/college-en.xml'));
      assert.equal(feedRequests.length, 1, 'two lists of one feed share one request');

      await screenshot(page, 'index-desktop.png');

      const more = news.getByRole('button', { name: /more/i });
      await more.click();
      await expectCount(news.locator('[part~="item"]'), 12, '"More" shows the next page');
      await more.click();
      await expectCount(news.locator('[part~="item"]'), feed.length, 'the last page shows the rest');
      await expectCount(more, 0, 'no "More" once everything is shown');

      for (const category of ['Contests', 'Visits', 'Workshops']) {
        await page.locator(`#filter button[data-category="${category}"]`).click();
        const expected = feed.filter((item) => item.categories.includes(category)).map((item) => item.title);
        await expectCount(news.locator('[part~="item"]'), Math.min(expected.length, 6), `category ${category}`);
        const titles = (await readItems(news)).map((item) => item.title);
        assert.deepEqual(titles, expected.slice(0, 6), `items in ${category}`);
      }
      // Back to all items before the next check (setting an empty category, as a script may do).
      await news.evaluate((el) => el.setAttribute('category', ''));
      await expectCount(news.locator('[part~="item"]'), 6, 'back to all, first page');

      // The "Latest" list: the page cancels news-select and shows the article in place.
      const before = page.url();
      const latestTitle = latest.locator('[part~="title"]').first();
      const chosen = (await latestTitle.textContent()).trim();
      await latestTitle.click();
      await page.locator('#preview').waitFor({ state: 'visible' });
      const previewTitle = page.locator('#preview-article [part~="title"]');
      await previewTitle.waitFor();
      assert.equal((await previewTitle.textContent()).trim(), chosen);
      await page.locator('#preview-article [part~="content"] p').first().waitFor();
      assert.equal(page.url(), before);
      await page.keyboard.press('Escape');

      // The main list: a title leads to the article page, which shows that article and a way back.
      const title = news.locator('[part~="item"]').first().locator('[part~="title"]');
      const clicked = (await title.textContent()).trim();
      await title.click();
      await page.waitForURL(/article\.html\?lang=en&id=/);
      const heading = page.locator('news-article h1[part~="title"]');
      await heading.waitFor();
      assert.equal((await heading.textContent()).trim(), clicked);
      assert.match(await page.title(), new RegExp(clicked.slice(0, 20)));
      // The breadcrumb ends in the article's title, and "More news" lists every other article but not this one.
      const crumbs = page.locator('nav.breadcrumb');
      assert.equal(await crumbs.getAttribute('aria-label'), 'Breadcrumb');
      await page.waitForFunction(
        (title) => document.querySelector('nav.breadcrumb [aria-current="page"]')?.textContent === title,
        clicked,
      );
      const moreNews = page.locator('news-list#more');
      await moreNews.locator('[part~="item"]').first().waitFor();
      const others = (await moreNews.locator('[part~="title"]').allTextContents()).map((text) => text.trim());
      assert.equal(others.length, 6);
      assert.ok(!others.includes(clicked), `"More news" lists the article being read: ${clicked}`);
      await crumbs.getByRole('link', { name: 'News' }).click();
      await page.waitForURL(/\/demo\/(index\.html)?$/);

      assert.deepEqual(errors, [], 'page errors');
    } finally {
      await close();
    }
  });

  test('the "All" filter button removes the category attribute and every item shows again', async () => {
    const { page, errors, close } = await open('index.html');
    try {
      const news = page.locator('news-list#news');
      await expectCount(news.locator('[part~="item"]'), 6);
      await page.locator('#filter button[data-category="Contests"]').click();
      await expectCount(news.locator('[part~="item"]'), 2);
      await page.locator('#filter button[data-category=""]').click();
      await expectCount(news.locator('[part~="item"]'), 6, 'all items, first page');
      assert.deepEqual(errors, [], 'page errors');
    } finally {
      await close();
    }
  });

  test('the article page records one view per session and the news page shows the count', async () => {
    const article = 'article.html?lang=en&id=lw-2026-011';
    const { page, errors, close } = await open(article);
    try {
      const counter = page.locator('news-article click-counter [part~="counter"]');
      await counter.waitFor();
      assert.equal((await counter.textContent()).replace(/\s/g, ' '), 'Clicks: 1');
      await page.reload();
      await counter.waitFor();
      assert.equal(
        (await counter.textContent()).replace(/\s/g, ' '),
        'Clicks: 1',
        'a reload in the session is no new view',
      );
      await page.goto(new URL('demo/index.html', server.url).href);
      const item = page.locator('news-list#news [part~="item"]', { hasText: 'thousandth graduate' }).first();
      const count = item.locator('click-counter [part~="count"]');
      await count.waitFor();
      const read = await page.evaluate(async () => (await (await fetch('/v1/counts?ids=lw-2026-011')).json()).counts);
      assert.equal(read['lw-2026-011'], 1);
      assert.deepEqual(errors, [], 'page errors');
    } finally {
      await close();
    }
  });

  test('every demo page passes an axe accessibility check, widgets included', async () => {
    const axe = readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
    for (const name of [
      'index.html',
      'article.html?lang=en&id=lw-2026-012',
      'partner-kk.html',
      'partner-uz.html',
      'partner-tg.html',
      'article.html?lang=tg&id=lw-2026-011-tg',
      'grid.html',
      'error.html',
    ]) {
      const { page, close } = await open(name);
      try {
        await page.locator('[part~="item"], [part~="status"], news-article [part~="title"]').first().waitFor();
        await page.addScriptTag({ content: axe });
        const violations = await page.evaluate(async () =>
          (await axe.run(document)).violations.map(
            (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          ),
        );
        assert.deepEqual(violations, [], name);
      } finally {
        await close();
      }
    }
  });

  test('the college news page works on a phone', async () => {
    const { page, errors, close } = await open('index.html', { viewport: mobile });
    try {
      const news = page.locator('news-list#news');
      await expectCount(news.locator('[part~="item"]'), 6);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= mobile.width, `the page scrolls sideways: ${width}px wide`);
      await imagesOf(page, news);
      await screenshot(page, 'index-mobile.png');
      assert.deepEqual(errors, [], 'page errors');
    } finally {
      await close();
    }
  });

  test('the partner page shows Kazakh news in its own theme, and Russian news from the Atom feed', async () => {
    const { page, errors, close } = await open('partner-kk.html');
    try {
      const kkFeed = JSON.parse(readFileSync(path.join(root, 'demo/feeds/college-kk.json'), 'utf8'));
      const kk = page.locator('news-list[lang="kk"]');
      await expectCount(kk.locator('[part~="item"]'), 5, 'the two-line snippet shows limit="5" items');
      const kkItems = await readItems(kk);
      assert.deepEqual(
        kkItems.map((item) => item.title),
        kkFeed.items.slice(0, 5).map((item) => item.title),
      );
      for (const item of kkItems) {
        assert.match(item.date, cyrillic, `Kazakh date "${item.date}" is not in Kazakh`);
        assert.doesNotMatch(item.date, /[A-Za-z]/, `Kazakh date "${item.date}" has Latin letters`);
      }
      assert.equal(kkItems[0].datetime, new Date(kkFeed.items[0].date_published).toISOString());

      const ru = page.locator('news-list[lang="ru"]');
      await expectCount(ru.locator('[part~="item"]'), 4);
      const ruItems = await readItems(ru);
      assert.ok(ruItems.every((item) => cyrillic.test(item.title) && cyrillic.test(item.date)));
      assert.match(ruItems[0].date, /нояб/, 'Russian month name');

      // The theme comes only from --news-* properties and ::part rules on the page.
      const look = await kk
        .locator('[part~="item"]')
        .first()
        .evaluate((item) => {
          const title = item.querySelector('[part~="title"]');
          return {
            border: getComputedStyle(item).borderLeftColor,
            titleColor: getComputedStyle(title).color,
            titleFont: getComputedStyle(title).fontFamily,
            font: getComputedStyle(item).fontFamily,
          };
        });
      assert.equal(look.border, 'rgb(242, 183, 5)');
      assert.equal(look.titleColor, 'rgb(6, 76, 99)');
      assert.match(look.titleFont, /Cambria/);
      assert.match(look.font, /PT Sans/, 'the --news-font-family token reaches the items');

      await imagesOf(page, kk);
      await screenshot(page, 'partner-kk-desktop.png');
      assert.deepEqual(errors, [], 'page errors');
    } finally {
      await close();
    }
  });

  test('the partner page shows the images of the Kazakh JSON feed', async () => {
    const { page, close } = await open('partner-kk.html');
    try {
      const kk = page.locator('news-list[lang="kk"]');
      await expectCount(kk.locator('[part~="item"]'), 5);
      const images = await imagesOf(page, kk);
      assert.equal(images.length, 5, `image parts shown: ${images.length} of 5`);
      assert.ok(
        images.every((img) => img.width > 0),
        `images failed: ${images.filter((i) => !i.width).map((i) => i.src)}`,
      );
    } finally {
      await close();
    }
  });

  test('the Uzbek and Tajik partner pages show their news in their own language, wide and on a phone', async () => {
    const cases = [
      // Uzbek: relative dates within a month, and the view counter in Uzbek.
      {
        name: 'partner-uz.html',
        lang: 'uz',
        // Its language, counter server and date style come from the <news-config> around it.
        selector: 'news-config[lang="uz"] news-list:not([lang])',
        count: 5,
        date: /^\d+ (soniya|daqiqa|soat|kun) oldin$|^\d+-[a-z]+, 2026$/,
      },
      // Tajik: long dates, in a grid.
      { name: 'partner-tg.html', lang: 'tg', count: 4, date: /^\d\d [А-ЯЁӢӮҚҒҲҶ][а-яёӣӯқғҳҷ]+ 2026$/ },
    ];
    for (const { name, lang, selector = `news-list[lang="${lang}"]`, count, date } of cases) {
      for (const [viewport, suffix] of [
        [desktop, 'desktop'],
        [mobile, 'mobile'],
      ]) {
        const { page, errors, close } = await open(name, { viewport });
        try {
          const feed = rssItems(`demo/feeds/college-${lang}.xml`);
          const list = page.locator(selector);
          await expectCount(list.locator('[part~="item"]'), count, `${name}: limit="${count}" items`);
          const items = await readItems(list);
          assert.deepEqual(
            items.map((item) => item.title),
            feed.slice(0, count).map((item) => item.title),
          );
          for (const item of items) assert.match(item.date, date, `${name}: date "${item.date}"`);
          if (lang === 'uz') {
            assert.equal(items[0].date, '1 kun oldin', 'the demo clock is a day after the newest item');
            const label = list.locator('click-counter [part~="label"]').first();
            await label.waitFor();
            assert.equal(await label.textContent(), 'Koʻrishlar');
          }
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(width <= viewport.width, `${name} scrolls sideways: ${width}px wide`);
          const images = await imagesOf(page, list);
          assert.ok(
            images.length === count && images.every((img) => img.width > 0),
            `${name}: images failed: ${images.filter((i) => !i.width).map((i) => i.src)}`,
          );
          await screenshot(page, `partner-${lang}-${suffix}.png`);
          assert.deepEqual(errors, [], 'page errors');
        } finally {
          await close();
        }
      }
    }
  });

  test('the article page shows a Tajik article in Tajik', async () => {
    const { page, errors, close } = await open('article.html?lang=tg&id=lw-2026-011-tg');
    try {
      const article = page.locator('news-article');
      const title = article.locator('[part~="title"]');
      await title.waitFor();
      assert.equal((await title.textContent()).trim(), rssItems('demo/feeds/college-tg.xml')[1].title);
      assert.equal((await article.locator('time[part~="date"]').textContent()).trim(), '21 Ноябр 2026');
      assert.deepEqual(errors, [], 'page errors');
    } finally {
      await close();
    }
  });

  test('the grid page shows picture cards in columns, and one column on a phone', async () => {
    for (const [viewport, name] of [
      [desktop, 'grid-desktop.png'],
      [mobile, 'grid-mobile.png'],
    ]) {
      const { page, errors, close } = await open('grid.html', { viewport });
      try {
        const grid = page.locator('news-list[layout="grid"]');
        await expectCount(grid.locator('[part~="item"]'), 12);
        await readItems(grid);
        const images = await imagesOf(page, grid);
        assert.equal(images.length, 12);
        assert.ok(
          images.every((img) => img.width === 800),
          'every card shows its 800x450 image',
        );
        const [a, b] = await grid
          .locator('[part~="item"]')
          .evaluateAll((items) => items.slice(0, 2).map((item) => item.getBoundingClientRect().toJSON()));
        if (viewport === desktop) assert.ok(a.y === b.y && b.x > a.x, 'the first two cards share a row');
        else assert.ok(b.y > a.y && a.x === b.x, 'one card per row on a phone');
        await screenshot(page, name);
        assert.deepEqual(errors, [], 'page errors');
      } finally {
        await close();
      }
    }
  });

  test('the error page fits a phone screen', async () => {
    const { page, errors, close } = await open('error.html', { viewport: mobile });
    try {
      await page.locator('news-list#not-a-feed [part~="status"]').first().waitFor({ state: 'visible' });
      await expectCount(page.locator('news-list#working [part~="item"]'), 3);
      await screenshot(page, 'error-mobile.png');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= mobile.width, `the page scrolls sideways: ${width}px wide`);
      assert.deepEqual(errors, [], 'page errors');
    } finally {
      await close();
    }
  });

  test('the error page explains each failing feed and keeps the working list', async () => {
    const { page, errors, close } = await open('error.html');
    try {
      const working = page.locator('news-list#working');
      await expectCount(working.locator('[part~="item"]'), 3, 'the working list renders beside the failures');
      await readItems(working);

      const texts = {};
      for (const id of ['missing', 'not-a-feed', 'broken']) {
        const list = page.locator(`news-list#${id}`);
        const status = list.locator('[part~="status"]');
        await status.first().waitFor({ state: 'visible' });
        texts[id] = (await status.first().innerText()).replace(/\s+/g, ' ').trim();
        assert.ok(texts[id].length > 10, `${id}: the status says something`);
        assert.equal(await list.locator('[part~="item"]').count(), 0, `${id}: no items`);
        assert.ok(await list.locator('a[href="index.html"]').isVisible(), `${id}: the fallback link stays`);
      }
      assert.match(texts.missing, /404|not found/i);
      assert.match(texts['not-a-feed'], /college-en\.xml/, 'names the feed the page advertises');
      assert.notEqual(texts.broken, texts.missing);

      await screenshot(page, 'error-desktop.png');
      assert.deepEqual(errors, [], 'page errors');
    } finally {
      await close();
    }
  });
});

describe('layout shift while the script arrives late (budget: CLS ≤ 0.01)', () => {
  const pages = [
    'demo/index.html',
    'demo/grid.html',
    'demo/partner-kk.html',
    'demo/partner-uz.html',
    'demo/partner-tg.html',
    'demo/article.html?lang=en&id=lw-2026-012',
    'demo/error.html',
    // A plain page written as the README says: its snippet and the :not(:defined) rule, nothing else styled.
    'test/fixtures/pages/readme.html',
  ];
  for (const colorScheme of ['light', 'dark']) {
    for (const viewport of [desktop, mobile]) {
      for (const name of pages) {
        test(`${name} at ${viewport.width} px, ${colorScheme}, with the module 1.5 s late`, async () => {
          const context = await browser.newContext({
            viewport,
            colorScheme,
            locale: 'en-US',
            timezoneId: 'Asia/Almaty',
            userAgent,
          });
          await context.clock.setFixedTime(demoNow);
          // Every shift from the first paint on, outside user input, as Core Web Vitals count them.
          await context.addInitScript(() => {
            window.shifts = [];
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries()) {
                if (entry.hadRecentInput) continue;
                // What moved, named for the failure message: the element (and the host it sits in) and its old and new box.
                const name = (node) => {
                  const el = node?.nodeType === 1 ? node : node?.parentElement;
                  if (!el) return '?';
                  const host = el.getRootNode().host;
                  const own =
                    el.localName +
                    (el.id ? `#${el.id}` : '') +
                    (el.classList.length ? `.${[...el.classList].join('.')}` : '');
                  return host ? `${host.localName}${host.id ? `#${host.id}` : ''} >> ${own}` : own;
                };
                const box = (r) => `${Math.round(r.y)}+${Math.round(r.height)}`;
                const sources = entry.sources.map(
                  (s) => `${name(s.node)} y ${box(s.previousRect)} → ${box(s.currentRect)}`,
                );
                window.shifts.push({
                  value: entry.value,
                  time: Math.round(entry.startTime),
                  sources: sources.join(', '),
                });
              }
            }).observe({ type: 'layout-shift', buffered: true });
          });
          const page = await context.newPage();
          page.setDefaultTimeout(wait);
          await page.route(/\/cdn\/news-widgets\.js$/, async (route) => {
            await new Promise((resolve) => setTimeout(resolve, 1500));
            await route.continue();
          });
          await page.goto(new URL(name, server.url).href);
          await page.waitForFunction(() =>
            [...document.querySelectorAll('news-list, news-article')].every((el) =>
              ['ready', 'partial', 'failed'].includes(el.state?.status),
            ),
          );
          // Images and fonts settle, and a late shift has time to be recorded.
          await page.waitForLoadState('networkidle');
          await page.waitForTimeout(500);
          const shifts = await page.evaluate(() => window.shifts);
          const cls = shifts.reduce((sum, shift) => sum + shift.value, 0);
          await context.close();
          assert.ok(
            cls <= 0.01,
            `CLS ${cls.toFixed(4)} on ${name} at ${viewport.width} px, ${colorScheme}; what moved:\n` +
              shifts.map((shift) => `  ${shift.value.toFixed(4)} at ${shift.time} ms: ${shift.sources}`).join('\n'),
          );
        });
      }
    }
  }
});
