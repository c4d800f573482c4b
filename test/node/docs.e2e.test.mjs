// The docs page in Chromium: a section per element of custom-elements.json, playgrounds that drive live elements, and
// the recipes shown as the files the consumer tests type-check.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { regularUserAgent as userAgent } from '../../scripts/chromium.mjs';
import { startDemoBrowser, wait } from '../support/demo-browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let server;
let browser;
let manifest;
let demo;

before(async () => {
  for (const file of ['cdn/news-widgets.js', 'custom-elements.json']) {
    if (!existsSync(path.join(root, file))) throw new Error(`${file} is missing: run npm run build first`);
  }
  manifest = JSON.parse(readFileSync(path.join(root, 'custom-elements.json'), 'utf8'));
  demo = await startDemoBrowser();
  ({ server, browser } = demo);
});

after(() => demo?.close());

const declarations = () =>
  manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);

async function openDocs() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', userAgent });
  const page = await context.newPage();
  page.setDefaultTimeout(wait);
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(new URL('demo/docs.html', server.url).href);
  await page.locator('html[data-docs="ready"]').waitFor();
  return { page, errors, close: () => context.close() };
}

describe('docs page', { timeout: 120_000 }, () => {
  test('documents every element of the manifest: attributes, events, slots, parts and custom properties', async () => {
    const { page, errors, close } = await openDocs();
    try {
      for (const decl of declarations()) {
        const section = page.locator(`section.element#${decl.tagName}`);
        assert.equal(await section.count(), 1, `no section for <${decl.tagName}>`);
        const text = await section.locator('table').allTextContents();
        const tables = text.join('\n');
        for (const name of [
          ...(decl.attributes ?? []).map((a) => a.name),
          ...(decl.events ?? []).map((e) => e.name),
          ...(decl.cssParts ?? []).map((p) => p.name),
          ...(decl.cssProperties ?? []).map((p) => p.name),
        ]) {
          assert.ok(tables.includes(name), `<${decl.tagName}>: ${name} is not documented`);
        }
        assert.ok(
          await page.locator(`#toc a[href="#${decl.tagName}"]`).count(),
          `<${decl.tagName}> is not in the contents`,
        );
      }
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  test("a playground control sets the live element's attribute, the element re-renders and the markup follows", async () => {
    const { page, errors, close } = await openDocs();
    try {
      const section = page.locator('section.element#news-list');
      const live = section.locator('.stage news-list');
      await live.locator('[part~="item"]').first().waitFor();
      assert.equal(await live.locator('[part~="item"]').count(), 3, 'the playground starts from limit="3"');

      await section.locator('select[name="layout"]').selectOption('grid');
      assert.equal(await live.getAttribute('layout'), 'grid');
      assert.equal(await live.evaluate((el) => el.layout), 'grid');

      await section.locator('input[name="limit"]').fill('2');
      await page.waitForFunction(
        () =>
          document.querySelector('#news-list .stage news-list').shadowRoot.querySelectorAll('[part~="item"]').length ===
          2,
      );
      assert.match(
        await section.locator('.snippet').textContent(),
        /<news-list [^>]*layout="grid"[^>]*limit="2"|limit="2"[^>]*layout="grid"/,
      );

      await section.locator('input[name="show-clicks"]').check();
      assert.equal(await live.getAttribute('show-clicks'), '');

      await section.locator('select[name="layout"]').selectOption('');
      assert.equal(await live.getAttribute('layout'), null, '"(default)" removes the attribute');
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  test('the <news-config> playground wraps a list, which follows the settings chosen', async () => {
    const { page, errors, close } = await openDocs();
    try {
      const section = page.locator('section.element#news-config');
      const list = section.locator('.stage news-config news-list');
      await list.locator('[part~="item"]').first().waitFor();
      await section.locator('input[name="article-href"]').fill('story.html?id={id}');
      await section.locator('input[name="article-href"]').press('Tab');
      await page.waitForFunction(() =>
        document
          .querySelector('#news-config .stage news-list')
          .shadowRoot.querySelector('[part~="title"]')
          ?.href.includes('story.html?id='),
      );
      assert.match(
        await section.locator('.snippet').textContent(),
        /<news-config [^>]*article-href="story\.html\?id=\{id\}"[^>]*>\s*<news-list /,
      );
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  test('the playground logs the events its element fires, and keeps the reader on the page', async () => {
    const { page, errors, close } = await openDocs();
    try {
      const section = page.locator('section.element#news-list');
      await section.locator('.events li', { hasText: 'news-load' }).first().waitFor();
      const before = page.url();
      await section.locator('.stage news-list [part~="title"]').first().click();
      await section.locator('.events li', { hasText: 'news-select' }).first().waitFor();
      assert.equal(page.url(), before);
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  test('shows each recipe as the file the consumer tests type-check', async () => {
    const { page, close } = await openDocs();
    try {
      const blocks = page.locator('pre[data-recipe]');
      assert.ok((await blocks.count()) >= 5);
      for (const block of await blocks.all()) {
        const file = await block.getAttribute('data-recipe');
        await page.waitForFunction((el) => el.textContent.trim().length > 0, await block.elementHandle());
        assert.equal(
          (await block.textContent()).trim(),
          readFileSync(path.join(root, 'demo', file), 'utf8').trim(),
          file,
        );
      }
    } finally {
      await close();
    }
  });

  test('passes an axe accessibility check', async () => {
    const axe = readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
    const { page, close } = await openDocs();
    try {
      await page.locator('.stage [part~="item"]').first().waitFor();
      await page.addScriptTag({ content: axe });
      const violations = await page.evaluate(async () =>
        (await axe.run(document)).violations.map(
          (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        ),
      );
      assert.deepEqual(violations, []);
    } finally {
      await close();
    }
  });
});
