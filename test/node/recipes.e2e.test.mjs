// The React and Vue recipes, run: each bundled as an app would be (React 19; Vue 3 with the compiler option the docs
// give), in Chromium, against the demo's feed and counter server.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { parse, compileScript } from 'vue/compiler-sfc';
import { regularUserAgent as userAgent } from '../../scripts/chromium.mjs';
import { expectCount, startDemoBrowser, wait } from '../support/demo-browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const recipe = (file) => JSON.stringify(path.join(root, 'demo/recipes', file));

let server;
let browser;
let app;
let demo;

/** Single-file components as Vite's Vue plugin compiles them, with the docs' `isCustomElement` option. */
const vueFiles = {
  name: 'vue-single-file-components',
  setup(esbuild) {
    esbuild.onLoad({ filter: /\.vue$/ }, (args) => {
      const { descriptor, errors } = parse(readFileSync(args.path, 'utf8'), { filename: args.path });
      if (errors.length) throw errors[0];
      const script = compileScript(descriptor, {
        id: path.basename(args.path),
        inlineTemplate: true,
        templateOptions: { compilerOptions: { isCustomElement: (tag) => tag.includes('-') } },
      });
      return { contents: script.content, loader: 'ts', resolveDir: path.dirname(args.path) };
    });
  },
};

/** Bundles one app's entry into the app folder, with a page that loads it. */
async function bundle(name, entry, source, plugins = []) {
  writeFileSync(path.join(app, entry), source);
  writeFileSync(
    path.join(app, `${name}.html`),
    `<!doctype html><html lang="en"><title>${name} recipe</title><main id="app"></main><script type="module" src="${name}.js"></script></html>\n`,
  );
  await build({
    entryPoints: [path.join(app, entry)],
    outfile: path.join(app, `${name}.js`),
    bundle: true,
    format: 'esm',
    jsx: 'automatic',
    plugins,
    nodePaths: [path.join(app, 'node_modules'), path.join(root, 'node_modules')],
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'false',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    logLevel: 'error',
  });
}

before(async () => {
  if (!existsSync(path.join(root, 'dist/react/index.js'))) throw new Error('dist/ is missing: run npm run build first');
  // The apps' own folder, served by the demo server (feeds and the counter routes included).
  app = mkdtempSync(path.join(tmpdir(), 'news-widgets-recipes-app-'));
  cpSync(path.join(root, 'demo/feeds'), path.join(app, 'feeds'), { recursive: true });
  // `news-widgets` resolves as in an app that installed it: through the package's exports.
  mkdirSync(path.join(app, 'node_modules'));
  symlinkSync(root, path.join(app, 'node_modules', 'news-widgets'));
  await bundle(
    'react',
    'react.tsx',
    `import { createRoot } from 'react-dom/client';
import { CollegeNews } from ${recipe('react.tsx')};
createRoot(document.getElementById('app')!).render(<CollegeNews feed="feeds/college-en.xml" counter="/" />);
`,
  );
  await bundle(
    'vue',
    'vue.ts',
    `import { createApp } from 'vue';
import Recipe from ${recipe('vue.vue')};
createApp(Recipe, { feed: 'feeds/college-en.xml', counter: '/' }).mount('#app');
`,
    [vueFiles],
  );
  demo = await startDemoBrowser({ root: app });
  ({ server, browser } = demo);
});

after(async () => {
  await demo?.close();
  if (app) rmSync(app, { recursive: true, force: true });
});

/** Opens an app's page; `check` gets the page and what it logged. Page errors fail the test. */
async function openApp(name, check) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', userAgent });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(wait);
    const errors = [];
    const logs = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => logs.push(message.text()));
    await page.goto(new URL(`${name}.html`, server.url).href);
    await check(page, logs, () => `${errors.join(' | ')} ${logs.join(' | ')}`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
}

/**
 * What both recipes do: a grid of five items; the reader picks one, the article opens in the page (the link is not
 * followed) and `<click-counter record>` counts the view, which the app shows from the `change` event.
 */
async function opensAndCounts(page, why) {
  const grid = page.locator('news-list').first();
  await expectCount(grid.locator('[part~="item"]'), 5, why);
  // Set as a property by the framework (it does not reflect to an attribute).
  assert.equal(await grid.evaluate((el) => el.layout), 'grid');
  const before = page.url();
  const first = grid.locator('[part~="title"]').first();
  const title = (await first.textContent()).trim();
  await first.click();
  await page.locator('news-article [part~="title"]').waitFor();
  assert.equal((await page.locator('news-article [part~="title"]').textContent()).trim(), title);
  assert.equal(page.url(), before);
  await page.getByText('Views: 1').waitFor();
}

test(
  'the React recipe shows the feed, opens a chosen article in the page and counts the view',
  { timeout: 60_000 },
  () =>
    openApp('react', async (page, logs, why) => {
      await opensAndCounts(page, why);
      // The plain tag in JSX: React 19 set its properties and listened to its news-load event.
      const compact = page.locator('news-list').nth(1);
      await expectCount(compact.locator('[part~="item"]'), 3, why);
      assert.equal(await compact.evaluate((el) => el.layout), 'compact');
      assert.ok(await waitFor(() => logs.some((line) => line.includes('Luban'))), `no news-load log: ${why()}`);
    }),
);

test(
  'the Vue recipe, compiled with isCustomElement, does the same with the tags in its template',
  { timeout: 60_000 },
  () =>
    openApp('vue', async (page, logs, why) => {
      await opensAndCounts(page, why);
      // :item went in as a property, not as an "[object Object]" attribute.
      assert.equal(await page.locator('news-article').getAttribute('item'), null);
    }),
);

async function waitFor(predicate) {
  const deadline = Date.now() + wait;
  while (Date.now() < deadline) {
    if (predicate()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return predicate();
}
