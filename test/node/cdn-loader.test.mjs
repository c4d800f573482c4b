// The README's snippet in Chromium: one file for a list, the other elements’ chunk only when the page has them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { startDemoBrowser } from '../support/demo-browser.mjs';

let demo;
let browser;
let running;
before(async () => {
  if (!existsSync('cdn/news-widgets.js')) throw new Error('cdn/ is missing: run `npm run build` first.');
  // A real counter server with its own SQLite file, for the lists that show counts.
  running = await startDemoBrowser();
  ({ server: demo, browser } = running);
});
after(() => running?.close());

const feed = '/test/fixtures/lists/twelve.xml';

/** Opens a page with the snippet and `body`; returns the tab and the CDN files it fetched so far. */
async function open(body, script = 'news-widgets.js') {
  const tab = await browser.newPage();
  const scripts = [];
  tab.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/cdn/')) scripts.push(pathname.slice(5));
  });
  const errors = [];
  tab.on('pageerror', (error) => errors.push(error.message));
  await tab.route('**/page.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><script type="module" src="/cdn/${script}"></script></head><body>${body}</body></html>`,
    }),
  );
  await tab.goto(new URL('/page.html', demo.url).href);
  return { tab, scripts, errors };
}

const items = (tab, selector = 'news-list') =>
  tab.waitForFunction(
    (s) => document.querySelector(s)?.shadowRoot?.querySelectorAll('[part~="item"]').length > 0,
    selector,
  );

/** The chunk with the article and the counter, by the name it is built under. */
const isRest = (file) => /^chunks\/cdn-rest-[\w-]+\.js$/.test(file);

test('a page with only a list of an RSS feed fetches the snippet’s one file, no reader chunk', async () => {
  const { tab, scripts, errors } = await open(`<news-list src="${feed}" limit="3"></news-list>`);
  await items(tab);
  await tab.waitForLoadState('networkidle');
  assert.deepEqual(scripts, ['news-widgets.js']);
  assert.deepEqual(errors, []);
  await tab.close();
});

/** The first items' titles of the list once it shows items or a status, and the status text, if any. */
const shown = async (tab) => {
  await tab.waitForFunction(() =>
    document.querySelector('news-list')?.shadowRoot?.querySelector('[part~="item"], [part~="status"]'),
  );
  return tab.evaluate(() => {
    const root = document.querySelector('news-list').shadowRoot;
    return {
      titles: [...root.querySelectorAll('[part~="title"]')].map((t) => t.textContent.trim()),
      status: root.querySelector('[part~="status"]')?.textContent.trim(),
    };
  });
};

test('the snippet’s file shows an Atom feed without another fetch: it holds every reader, for its parseFeed', async () => {
  const { tab, scripts, errors } = await open('<news-list src="/test/fixtures/feeds/atom.xml"></news-list>');
  assert.ok((await shown(tab)).titles.includes('Welding & metalwork taster'));
  await tab.waitForLoadState('networkidle');
  assert.deepEqual(scripts, ['news-widgets.js']);
  assert.deepEqual(errors, []);
  await tab.close();
});

// cdn/news-list.js exports no parser: it loads the readers rare feeds need on demand.
test('cdn/news-list.js fetches the Atom reader, one chunk, once the feed turns out to be Atom', async () => {
  const { tab, scripts, errors } = await open(
    '<news-list src="/test/fixtures/feeds/atom.xml"></news-list>',
    'news-list.js',
  );
  assert.ok((await shown(tab)).titles.includes('Welding & metalwork taster'));
  await tab.waitForLoadState('networkidle');
  assert.equal(scripts.length, 2, scripts.join(', '));
  assert.equal(scripts[0], 'news-list.js');
  assert.match(scripts[1], /^chunks\/atom-[\w-]+\.js$/);
  assert.deepEqual(errors, []);
  await tab.close();
});

test('the Atom reader is on its way while the body of a feed served as Atom is still arriving', async () => {
  // The page, the CDN files and a feed whose body follows its headers 700 ms later, from one origin.
  let bodySent = Infinity;
  const server = http.createServer((request, response) => {
    const { pathname } = new URL(request.url, 'http://localhost');
    if (pathname === '/feed') {
      response.writeHead(200, { 'Content-Type': 'application/atom+xml' });
      response.write('<?xml version="1.0" encoding="utf-8"?>');
      setTimeout(() => {
        bodySent = Date.now();
        response.end(readFileSync('test/fixtures/feeds/atom.xml', 'utf8').replace(/^<\?xml[^>]*>/, ''));
      }, 700);
    } else if (pathname.startsWith('/cdn/') && existsSync(`.${pathname}`)) {
      response.writeHead(200, { 'Content-Type': 'text/javascript' });
      response.end(readFileSync(`.${pathname}`));
    } else {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end(
        '<!doctype html><html lang="en"><head><script type="module" src="/cdn/news-list.js"></script></head>' +
          '<body><news-list src="/feed"></news-list></body></html>',
      );
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const tab = await browser.newPage();
  try {
    let chunkRequested = Infinity;
    tab.on('request', (request) => {
      if (/\/cdn\/chunks\/atom-/.test(request.url())) chunkRequested = Math.min(chunkRequested, Date.now());
    });
    await tab.goto(`http://127.0.0.1:${server.address().port}/`);
    assert.ok((await shown(tab)).titles.includes('Welding & metalwork taster'));
    assert.ok(chunkRequested < bodySent, `chunk requested ${chunkRequested - bodySent} ms after the body was sent`);
  } finally {
    await tab.close();
    server.close();
  }
});

test('a reader that cannot be downloaded is a network error the list reports, not an exception', async () => {
  const { tab, errors } = await open('', 'news-list.js');
  await tab.route('**/cdn/chunks/atom-*.js', (route) => route.abort());
  const failure = tab.evaluate(
    () =>
      new Promise((resolve) => {
        document.addEventListener('news-error', (event) => resolve({ code: event.error.code, name: event.error.name }));
        document.body.insertAdjacentHTML('beforeend', '<news-list src="/test/fixtures/feeds/atom.xml"></news-list>');
      }),
  );
  assert.deepEqual(await failure, { code: 'network', name: 'FeedError' });
  assert.ok((await shown(tab)).status);
  // Once the network is back, Retry tries the download again.
  await tab.unroute('**/cdn/chunks/atom-*.js');
  await tab.evaluate(() =>
    document.querySelector('news-list').shadowRoot.querySelector('button[part~="button"]').click(),
  );
  await tab.waitForFunction(() => document.querySelector('news-list').shadowRoot.querySelector('[part~="item"]'));
  assert.ok((await shown(tab)).titles.includes('Welding & metalwork taster'));
  assert.deepEqual(errors, []);
  await tab.close();
});

test('a reader still downloading when the time is up ends in a timeout, as a slow feed does', async () => {
  const { tab } = await open('');
  // The chunk never arrives.
  await tab.route('**/cdn/chunks/atom-*.js', () => undefined);
  const error = await tab.evaluate(async () => {
    const { fetchFeed } = await import('/cdn/news-elements.js');
    const started = performance.now();
    try {
      await fetchFeed('/test/fixtures/feeds/atom.xml', { timeout: 500 });
      return { code: 'none' };
    } catch (error) {
      return { code: error.code, name: error.name, waited: performance.now() - started };
    }
  });
  assert.equal(error.code, 'timeout');
  assert.equal(error.name, 'FeedError');
  assert.ok(error.waited < 5000, `${error.waited} ms`);
  await tab.close();
});

test('an article added later brings the other elements’ chunk, and the list keeps working', async () => {
  const { tab, scripts, errors } = await open(`<news-list src="${feed}" limit="3"></news-list>`);
  await items(tab);
  const warnings = [];
  tab.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
  await tab.evaluate((src) => {
    const article = document.createElement('news-article');
    article.setAttribute('src', src);
    article.setAttribute('article-id', 'n-2');
    document.body.append(article);
  }, feed);
  await tab.waitForFunction(
    () => document.querySelector('news-article')?.shadowRoot?.querySelector('[part~="title"]')?.textContent,
  );
  assert.equal(scripts.filter(isRest).length, 1, scripts.join(', '));
  assert.deepEqual(warnings, []);
  assert.deepEqual(errors, []);
  await tab.close();
});

test('a page with an article and a counter fetches the snippet’s file and the other elements’ chunk, once', async () => {
  const { tab, scripts } = await open(
    `<news-article src="${feed}" article-id="n-1"><click-counter slot="meta"></click-counter></news-article>`,
  );
  await tab.waitForFunction(() => document.querySelector('news-article')?.shadowRoot?.querySelector('[part~="title"]'));
  await tab.waitForLoadState('networkidle');
  assert.equal(scripts.length, 2, scripts.join(', '));
  assert.equal(scripts[0], 'news-widgets.js');
  assert.ok(isRest(scripts[1]), scripts[1]);
  assert.equal(await tab.evaluate(() => !!customElements.get('click-counter')), true);
  await tab.close();
});

const firstHref = (tab, selector = 'news-list') =>
  tab.evaluate(
    (s) => document.querySelector(s)?.shadowRoot?.querySelector('[part~="title"]')?.getAttribute('href'),
    selector,
  );

test('a page with a config and a list fetches the snippet’s file and the small config file, and the list takes its settings', async () => {
  const { tab, scripts, errors } = await open(
    `<news-config article-href="/story.html?id={id}"><news-list src="${feed}" limit="3"></news-list></news-config>`,
  );
  await items(tab);
  await tab.waitForFunction(() =>
    document.querySelector('news-list')?.shadowRoot?.querySelector('[part~="title"]')?.href.includes('/story.html?id='),
  );
  await tab.waitForLoadState('networkidle');
  assert.deepEqual(scripts.sort(), ['news-config.js', 'news-widgets.js']);
  assert.match(await firstHref(tab), /\/story\.html\?id=n-1$/);
  assert.deepEqual(errors, []);
  await tab.close();
});

test('a config added later by a script brings its file, and the lists inside it take its settings', async () => {
  const { tab, scripts, errors } = await open(`<news-list src="${feed}" limit="3"></news-list>`);
  await items(tab);
  assert.ok(!scripts.includes('news-config.js'));
  await tab.evaluate((src) => {
    const config = document.createElement('news-config');
    config.setAttribute('article-href', '/later.html?id={id}');
    config.innerHTML = `<news-list id="later" src="${src}" limit="2"></news-list>`;
    document.body.append(config);
  }, feed);
  await tab.waitForFunction(() =>
    document.querySelector('#later')?.shadowRoot?.querySelector('[part~="title"]')?.href.includes('/later.html?id='),
  );
  assert.ok(scripts.includes('news-config.js'), scripts.join(', '));
  assert.ok(!scripts.some(isRest), scripts.join(', '));
  assert.deepEqual(errors, []);
  await tab.close();
});

test('discover(shadowRoot) loads the config file for a config inside a component', async () => {
  const { tab, scripts, errors } = await open('<div id="host"></div>');
  await tab.evaluate(async (src) => {
    const root = document.querySelector('#host').attachShadow({ mode: 'open' });
    root.innerHTML = `<news-config date-style="long"><news-list src="${src}" limit="2"></news-list></news-config>`;
    const { discover } = await import('/cdn/news-widgets.js');
    await discover(root);
  }, feed);
  await tab.waitForFunction(() => {
    const list = document.querySelector('#host').shadowRoot.querySelector('news-list');
    return /November/.test(list?.shadowRoot?.querySelector('[part~="date"]')?.textContent ?? '');
  });
  assert.ok(scripts.includes('news-config.js'), scripts.join(', '));
  assert.deepEqual(errors, []);
  await tab.close();
});

test('exports parseFeed, FeedError and sanitizeHtml to scripts on the page', async () => {
  const { tab } = await open('');
  const result = await tab.evaluate(async () => {
    const { parseFeed, FeedError, sanitizeHtml } = await import('/cdn/news-widgets.js');
    const rss = parseFeed('<rss version="2.0"><channel><title>T</title><item><title>A</title></item></channel></rss>');
    const atom = parseFeed('<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>B</title></entry></feed>');
    let code = '';
    try {
      parseFeed('<rss><channel>');
    } catch (error) {
      code = error instanceof FeedError ? error.code : 'other';
    }
    const div = document.createElement('div');
    div.append(await sanitizeHtml('<p onclick="x()">Hi<script>alert(1)</script></p>'));
    return { rss: rss.items[0].title, atom: atom.items[0].title, code, html: div.innerHTML };
  });
  assert.deepEqual(result, { rss: 'A', atom: 'B', code: 'parse', html: '<p>Hi</p>' });
  await tab.close();
});

test('cdn/feed.js parses every format and charset synchronously, and throws FeedError', async () => {
  const { tab, scripts } = await open('');
  const result = await tab.evaluate(async () => {
    const { parseFeed, FeedError } = await import('/cdn/feed.js');
    const codeOf = (input) => {
      try {
        parseFeed(input);
        return 'none';
      } catch (error) {
        return error instanceof FeedError ? error.code : 'other';
      }
    };
    const gbk = new Uint8Array([0xd1, 0xa7, 0xd4, 0xba]); // 学院
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('<?xml version="1.0" encoding="gbk"?><rss><channel><title>'),
      ...gbk,
      ...new TextEncoder().encode('</title></channel></rss>'),
    ]);
    const json = { version: 'https://jsonfeed.org/version/1.1', title: 'J', items: [{ id: '1', title: 'One' }] };
    return {
      rss: parseFeed('<rss version="2.0"><channel><item><title>A</title></item></channel></rss>').items[0].title,
      atom: parseFeed('<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>B</title></entry></feed>').items[0]
        .title,
      json: parseFeed(JSON.stringify(json)).items[0].title,
      gbk: parseFeed(bytes).title,
      broken: codeOf('<rss><channel>'),
      page: codeOf('<!doctype html><html><head><title>Home</title></head><body><p>Hi</body></html>'),
    };
  });
  assert.deepEqual(result, { rss: 'A', atom: 'B', json: 'One', gbk: '学院', broken: 'parse', page: 'format' });
  // One self-contained file: it loads no chunk.
  assert.ok(scripts.includes('feed.js'));
  assert.deepEqual(
    scripts.filter((file) => file.startsWith('chunks/')),
    [],
  );
  await tab.close();
});

test('discover(shadowRoot) loads an article inside an app’s own component', async () => {
  const { tab, scripts, errors } = await open('<app-shell></app-shell>');
  await tab.evaluate(async (src) => {
    const host = document.querySelector('app-shell');
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `<news-article src="${src}" article-id="n-3"></news-article>`;
    const { discover } = await import('/cdn/news-widgets.js');
    await discover(root);
  }, feed);
  await tab.waitForFunction(
    () =>
      document
        .querySelector('app-shell')
        .shadowRoot.querySelector('news-article')
        ?.shadowRoot?.querySelector('[part~="title"]')?.textContent,
  );
  assert.equal(scripts.filter(isRest).length, 1, scripts.join(', '));
  assert.deepEqual(errors, []);
  await tab.close();
});

test('a list with show-clicks gets its counters from the same chunk', async () => {
  const { tab, scripts, errors } = await open(
    `<news-list src="${feed}" limit="2" show-clicks counter-endpoint="/"></news-list>`,
  );
  await tab.waitForFunction(() =>
    document
      .querySelector('news-list')
      ?.shadowRoot?.querySelector('click-counter')
      ?.shadowRoot?.textContent?.match(/\d/),
  );
  await tab.waitForLoadState('networkidle');
  assert.equal(scripts.length, 2, scripts.join(', '));
  assert.ok(isRest(scripts[1]), scripts[1]);
  assert.deepEqual(errors, []);
  await tab.close();
});
