// The React recipe, run: bundled with React 19 as an app would be, in Chromium, against the demo's feed and counter.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { startDemoServer } from '../../scripts/demo-server.mjs';
import { chromiumArgs, chromiumPath, regularUserAgent as userAgent } from '../../scripts/chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const wait = 15_000;

let server;
let browser;
let app;
const counterDir = mkdtempSync(path.join(tmpdir(), 'news-widgets-react-'));

before(async () => {
  if (!existsSync(path.join(root, 'dist/react/index.js'))) throw new Error('dist/ is missing: run npm run build first');
  // The app's own folder, served by the demo server (feeds and the counter routes included).
  app = mkdtempSync(path.join(tmpdir(), 'news-widgets-react-app-'));
  cpSync(path.join(root, 'demo/feeds'), path.join(app, 'feeds'), { recursive: true });
  // `news-widgets` resolves as in an app that installed it: through the package's exports.
  mkdirSync(path.join(app, 'node_modules'));
  symlinkSync(root, path.join(app, 'node_modules', 'news-widgets'));
  writeFileSync(
    path.join(app, 'main.tsx'),
    `import { createRoot } from 'react-dom/client';
import { CollegeNews } from ${JSON.stringify(path.join(root, 'demo/recipes/react.tsx'))};
createRoot(document.getElementById('app')!).render(<CollegeNews feed="feeds/college-en.xml" counter="/" />);
`,
  );
  writeFileSync(
    path.join(app, 'index.html'),
    '<!doctype html><html lang="en"><title>React recipe</title><main id="app"></main><script type="module" src="main.js"></script></html>\n',
  );
  await build({
    entryPoints: [path.join(app, 'main.tsx')],
    outfile: path.join(app, 'main.js'),
    bundle: true,
    format: 'esm',
    jsx: 'automatic',
    nodePaths: [path.join(app, 'node_modules'), path.join(root, 'node_modules')],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  server = await startDemoServer({ port: 0, root: app, counterDb: path.join(counterDir, 'counts.sqlite') });
  browser = await chromium.launch({ executablePath: chromiumPath, timeout: 60_000, args: chromiumArgs });
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(counterDir, { recursive: true, force: true });
  if (app) rmSync(app, { recursive: true, force: true });
});

test(
  'the React recipe shows the feed, opens a chosen article in the page and counts the view',
  { timeout: 60_000 },
  async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', userAgent });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(wait);
      const errors = [];
      const logs = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => logs.push(message.text()));
      await page.goto(new URL('index.html', server.url).href);

      // The component (layout="grid", limit 5) and the plain tag (compact, limit 3) both render the feed.
      // React sets layout as a property (it does not reflect): the component's list comes first, the tag's second.
      const grid = page.locator('news-list').nth(0);
      await expectCount(grid.locator('[part~="item"]'), 5, () => `${errors.join(' | ')} ${logs.join(' | ')}`);
      const compact = page.locator('news-list').nth(1);
      assert.deepEqual(await page.locator('news-list').evaluateAll((lists) => lists.map((l) => l.layout)), [
        'grid',
        'compact',
      ]);
      await expectCount(compact.locator('[part~="item"]'), 3);
      // `onnews-load` on the plain tag: React 19 listened to the element's event.
      assert.ok(
        await waitFor(() => logs.some((line) => line.includes('Luban'))),
        `no news-load log: ${logs.join(' | ')}`,
      );

      const before = page.url();
      const first = grid.locator('[part~="title"]').first();
      const title = (await first.textContent()).trim();
      await first.click();
      // onNewsSelect cancelled the navigation and put the item into <NewsArticle>.
      await page.locator('news-article [part~="title"]').waitFor();
      assert.equal((await page.locator('news-article [part~="title"]').textContent()).trim(), title);
      assert.equal(page.url(), before);
      // <ClickCounter record> recorded the view; its onChange put the count into React state.
      await page.getByText('Views: 1').waitFor();
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  },
);

async function waitFor(predicate) {
  const deadline = Date.now() + wait;
  while (Date.now() < deadline) {
    if (predicate()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return predicate();
}

async function expectCount(locator, count, why = () => '') {
  const deadline = Date.now() + wait;
  let last = -1;
  while (Date.now() < deadline) {
    last = await locator.count();
    if (last === count) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.equal(last, count, why());
}
