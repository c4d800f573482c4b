// Visual check of the demo: every page at 1280 and 390 px, light and dark, against committed reference images, and
// layout rules that hold on any page (whole titles; no text over an image or a decoration).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import UPNG from 'upng-js';
import { startDemoServer } from '../../scripts/demo-server.mjs';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The committed reference images; `npm run test:visual:update` rewrites them. */
const references = path.join(root, 'test/visual');
/** Where a failed comparison leaves the page as it looks now, and the difference painted red. */
const results = path.join(root, '.test-results/visual');
const updating = process.env.NEWS_VISUAL_UPDATE === '1';

// The demo's feeds are dated around this day; relative dates ("1 kun oldin") are read against it.
const demoNow = new Date('2026-11-28T10:00:00+05:00');
const widths = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
];
const schemes = ['light', 'dark'];
const wait = 15_000;
/** Pages are pictured whole down to this height; the layout rules below cover each whole page in any case. */
const maxHeight = 2400;

/*
 * Tolerance. The images are made deterministic (own fonts, fixed clock and counts, no animation), so on one machine
 * two runs give identical pixels. pixelmatch's threshold 0.1 (its default, in YIQ colour distance) and skipping
 * anti-aliased pixels absorb the glyph-edge noise of another FreeType or Skia build; beyond that at most 0.005% of a
 * page's pixels (about 60 on a 1280 x 900 screen) may differ. A real change is far larger: one moved or rewrapped word
 * is several hundred pixels, a 1 px border across a card some 300, a changed colour every pixel of the box.
 */
const pixelThreshold = 0.1;
const maxDiffRatio = 0.00005;

/**
 * The pages. The college's pages have a dark scheme of their own, so each scheme has its reference; the partner pages
 * are light only (`color-scheme: light`), and a reader's dark preference must leave them exactly as they are: their
 * dark pictures are compared with the light reference. `mask`: what differs from run to run by design (the event log
 * lists feeds in the order the network delivers them), painted over before comparing.
 */
const pages = [
  { name: 'index', url: 'demo/index.html', mask: ['#event-log'] },
  { name: 'grid', url: 'demo/grid.html' },
  { name: 'article', url: 'demo/article.html?lang=en&id=lw-2026-012' },
  { name: 'error', url: 'demo/error.html' },
  { name: 'partner-kk', url: 'demo/partner-kk.html', lightOnly: true },
  { name: 'partner-uz', url: 'demo/partner-uz.html', lightOnly: true },
  { name: 'partner-tg', url: 'demo/partner-tg.html', lightOnly: true },
  // The documentation page is generated from custom-elements.json and changes with every JSDoc edit: no reference
  // image, but the same layout rules.
  { name: 'docs', url: 'demo/docs.html', picture: false },
];

/** The only fonts the pictures use: Debian's DejaVu core set, which every Chromium install pulls in (fontconfig). */
const dejaVuDir = '/usr/share/fonts/truetype/dejavu';
const dejaVuFiles = [
  'DejaVuSans.ttf',
  'DejaVuSans-Bold.ttf',
  'DejaVuSerif.ttf',
  'DejaVuSerif-Bold.ttf',
  'DejaVuSansMono.ttf',
  'DejaVuSansMono-Bold.ttf',
];

/**
 * A fontconfig of its own for the browser: exactly the six DejaVu core files and the generic families mapped to them,
 * so a machine with more fonts installed (Noto, Roboto, a CJK set) renders the pages with the same glyphs. Named
 * families in the demo's stacks find nothing and fall back to the generic family that ends each stack. Scripts these
 * fonts lack (the Chinese list) show as the same missing-glyph boxes everywhere.
 */
function writeFontConfig(dir) {
  const missing = dejaVuFiles.filter((file) => !existsSync(path.join(dejaVuDir, file)));
  if (missing.length) {
    throw new Error(
      `The visual check needs Debian's DejaVu fonts (apt-get install fonts-dejavu-core): missing ${missing.join(', ')}`,
    );
  }
  const fonts = path.join(dir, 'fonts');
  mkdirSync(fonts);
  for (const file of dejaVuFiles) symlinkSync(path.join(dejaVuDir, file), path.join(fonts, file));
  const alias = (generic, family) =>
    `<alias binding="same"><family>${generic}</family><prefer><family>${family}</family></prefer></alias>`;
  const file = path.join(dir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>${fonts}</dir>
  <cachedir>${path.join(dir, 'cache')}</cachedir>
  ${alias('sans-serif', 'DejaVu Sans')}
  ${alias('serif', 'DejaVu Serif')}
  ${alias('monospace', 'DejaVu Sans Mono')}
  ${alias('system-ui', 'DejaVu Sans')}
  <match target="font">
    <edit name="antialias" mode="assign"><bool>true</bool></edit>
    <edit name="hinting" mode="assign"><bool>true</bool></edit>
    <edit name="hintstyle" mode="assign"><const>hintslight</const></edit>
    <edit name="rgba" mode="assign"><const>none</const></edit>
  </match>
</fontconfig>
`,
  );
  return file;
}

/** View counts as a college's old CMS would hand them over: imported once, then fixed (the browser is not counted). */
function writeCounts(file) {
  const en = readFileSync(path.join(root, 'demo/feeds/college-en.xml'), 'utf8');
  const uz = readFileSync(path.join(root, 'demo/feeds/college-uz.xml'), 'utf8');
  const ids = [...`${en}${uz}`.matchAll(/<guid[^>]*>([^<]+)<\/guid>/g)].map((m) => m[1]);
  writeFileSync(file, ['id,count', ...ids.map((id, i) => `${id},${1375 - 37 * i}`)].join('\n') + '\n');
}

/**
 * The browser reaches the demo server under this name (port 80 as far as the page knows), so that addresses shown on
 * the pages (the error page names failing feeds) are the same whatever port the server got.
 */
const origin = 'http://news-widgets.test';

let server;
let counter;
let browser;
/** The major version of the Chromium that makes the pictures, and the one the references were made with. */
let browserMajor = '';
let warnedVersion = false;
const versionFile = path.join(references, 'chromium-version.txt');
const work = mkdtempSync(path.join(tmpdir(), 'news-widgets-visual-'));

before(async () => {
  if (!existsSync(path.join(root, 'cdn/news-widgets.js')) || !existsSync(path.join(root, 'dist/server/cli.js'))) {
    throw new Error('cdn/ or dist/ is missing: run `npm run build` before the visual check of the demo.');
  }
  mkdirSync(results, { recursive: true });
  const db = path.join(work, 'counts.sqlite');
  const csv = path.join(work, 'counts.csv');
  writeCounts(csv);
  // The counter server's own command imports the counts, in its own process, into a fresh file.
  execFileSync(process.execPath, [path.join(root, 'dist/server/cli.js'), 'import', csv, '--db', db], {
    stdio: 'pipe',
  });
  const { createHandler } = await import('../../dist/server/index.js');
  counter = createHandler({ db, allowOrigins: [origin], log: false });
  await counter.ready;
  server = await startDemoServer({ port: 0, api: counter });
  browser = await chromium.launch({
    executablePath: chromiumPath,
    timeout: 60_000,
    args: [
      ...chromiumArgs,
      `--host-resolver-rules=MAP news-widgets.test 127.0.0.1:${server.port}`,
      // What the real 127.0.0.1 is by right: a secure context (the widgets hash long ids with crypto.subtle).
      `--unsafely-treat-insecure-origin-as-secure=${origin}`,
      '--font-render-hinting=none',
      '--force-color-profile=srgb',
    ],
    env: { ...process.env, FONTCONFIG_FILE: writeFontConfig(work) },
  });
  browserMajor = browser.version().split('.')[0];
});

after(async () => {
  await browser?.close();
  await server?.close();
  await counter?.close();
  rmSync(work, { recursive: true, force: true });
});

/**
 * Runs in the page: waits until every widget has settled, every counter shows its count, every image (lazy ones
 * too: the page is scrolled through) has loaded and the fonts are ready; then back to the top.
 */
async function settle(page) {
  await page.waitForFunction(() => {
    const all = (selector, node = document, out = []) => {
      for (const el of node.querySelectorAll('*')) {
        if (el.matches(selector)) out.push(el);
        if (el.shadowRoot) all(selector, el.shadowRoot, out);
      }
      return out;
    };
    // A widget with a feed has read it or given up; one given its data as a property (the index page's preview
    // article) stays idle.
    const done = (el) => ['ready', 'partial', 'failed'].concat(el.hasAttribute('src') ? [] : ['idle']);
    const settled = all('news-list, news-article').every((el) => done(el).includes(el.state?.status));
    const counted = all('click-counter').every((el) => el.count !== undefined);
    return settled && counted;
  });
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += 400) {
      window.scrollTo(0, y);
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    window.scrollTo(0, 0);
    await document.fonts.ready;
  });
  // Content that arrived after the scroll (the docs page renders late) has lazy images still waiting to be seen:
  // each is brought into view in turn. Images that are not rendered at all never load, and do not count.
  await page.waitForFunction(
    () => {
      const images = (node = document, out = []) => {
        for (const el of node.querySelectorAll('*')) {
          if (el.localName === 'img') out.push(el);
          if (el.shadowRoot) images(el.shadowRoot, out);
        }
        return out;
      };
      const pending = images().filter((img) => !img.complete && img.checkVisibility());
      pending[0]?.scrollIntoView({ block: 'center' });
      return pending.length === 0;
    },
    undefined,
    { polling: 100 },
  );
  await page.evaluate(async () => {
    window.scrollTo(0, 0);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
  });
}

/**
 * Runs in the page: what breaks the layout rules, one line each.
 * - A title (an item's or article's `part="title"`, a page heading) is cut: its box or the box clamping it holds
 *   more than it shows, or it sticks out sideways. A line limit the page set (`--news-list-title-lines`) is allowed.
 * - Text overlaps an image or a decoration (an `aria-hidden` element without text, such as a logo or the partner
 *   page's sun): text is read against its background, not against a picture.
 */
function layoutProblems() {
  const problems = [];
  const elements = (node = document, out = []) => {
    for (const el of node.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) elements(el.shadowRoot, out);
    }
    return out;
  };
  const label = (el) => {
    const host = el.getRootNode().host;
    const own =
      el.localName + (el.id ? `#${el.id}` : '') + (el.classList.length ? `.${[...el.classList].join('.')}` : '');
    return host ? `${label(host)} >> ${own}` : own;
  };
  const visible = (el) => el.checkVisibility?.({ visibilityProperty: true, opacityProperty: true }) ?? true;
  const all = elements();

  for (const el of all) {
    const isTitle = el.matches('[part~="title"], h1, h2, h3');
    if (!isTitle || !visible(el)) continue;
    const host = el.getRootNode().host;
    const lines = host ? getComputedStyle(host).getPropertyValue('--news-list-title-lines').trim() : '';
    if (lines && lines !== 'none') continue;
    const text = el.textContent.trim().replace(/\s+/g, ' ').slice(0, 60);
    // An inline title link is measured by the block that holds (and might clamp) it.
    const box = getComputedStyle(el).display === 'inline' ? el.parentElement : el;
    const style = getComputedStyle(box);
    if (box.scrollHeight > box.clientHeight + 1 && style.overflowY !== 'visible') {
      problems.push(`title cut at the bottom (${box.scrollHeight} > ${box.clientHeight} px): ${label(el)} "${text}"`);
    }
    if (box.scrollWidth > box.clientWidth + 1) {
      problems.push(`title wider than its box (${box.scrollWidth} > ${box.clientWidth} px): ${label(el)} "${text}"`);
    }
    if (style.textOverflow === 'ellipsis' && style.overflowX !== 'visible' && box.scrollWidth > box.clientWidth) {
      problems.push(`title ends in an ellipsis: ${label(el)} "${text}"`);
    }
  }

  const decorations = all
    .filter(
      (el) =>
        visible(el) &&
        (el.localName === 'img' ||
          (el.getAttribute('aria-hidden') === 'true' && !el.textContent.trim() && !el.closest('[part~="list"]'))),
    )
    .map((el) => ({ el, rect: el.getBoundingClientRect() }))
    .filter(({ rect }) => rect.width > 0 && rect.height > 0);
  const textNodes = (node, out = []) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE && child.data.trim()) out.push(child);
      else if (child.nodeType === Node.ELEMENT_NODE) {
        if (child.shadowRoot) textNodes(child.shadowRoot, out);
        if (!['script', 'style', 'template'].includes(child.localName)) textNodes(child, out);
      }
    }
    return out;
  };
  const overlap = (a, b) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  for (const node of textNodes(document.body)) {
    const parent = node.parentElement;
    if (!parent || !visible(parent) || parent.closest('[aria-hidden="true"], .visually-hidden')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) {
      for (const { el, rect: deco } of decorations) {
        if (el.contains(parent)) continue;
        if (overlap(rect, deco)) {
          problems.push(`text over ${label(el)}: "${node.data.trim().slice(0, 50)}" in ${label(parent)}`);
        }
      }
    }
  }
  return [...new Set(problems)];
}

/**
 * The screenshot as the reference images store it: 256 colours (UPNG's quantiser, deterministic, no dithering),
 * about a third of the bytes of the browser's own PNG. Comparisons are made on the same reduction of both sides.
 */
function reduce(png) {
  const { data, width, height } = PNG.sync.read(png);
  const rgba = data.buffer.slice(data.byteOffset, data.byteOffset + data.length);
  return Buffer.from(UPNG.encode([rgba], width, height, 256));
}

/**
 * Compares the screenshot `shot` with the reference image `name`; on a difference, leaves the actual and a diff image
 * in .test-results/visual. When updating, writes the reference instead, unless `write` is false.
 */
function compare(name, shot, screenshot, { write = true } = {}) {
  const reference = path.join(references, `${name}.png`);
  const actualPng = reduce(screenshot);
  if (updating && write) {
    mkdirSync(references, { recursive: true });
    writeFileSync(reference, actualPng);
    writeFileSync(versionFile, `${browserMajor}\n`);
    return;
  }
  // Another major version of Chromium rasterises text a little differently: its pictures are not comparable with
  // these references, and a failure would say nothing about the pages. The layout rules still run.
  const madeWith = existsSync(versionFile) ? readFileSync(versionFile, 'utf8').trim() : '';
  if (madeWith !== browserMajor) {
    if (!warnedVersion) {
      warnedVersion = true;
      console.log(
        `visual check: the references were made with Chromium ${madeWith || '(unknown)'}, this is ${browserMajor}; ` +
          'pictures are not compared. Run npm run test:visual:update, look at the new images and commit them.',
      );
    }
    return;
  }
  const actualFile = path.join(results, `${shot}.actual.png`);
  if (!existsSync(reference)) {
    writeFileSync(actualFile, actualPng);
    assert.fail(
      `no reference image test/visual/${name}.png: look at ${actualFile}, then run npm run test:visual:update`,
    );
  }
  const expected = PNG.sync.read(readFileSync(reference));
  const actual = PNG.sync.read(actualPng);
  if (expected.width !== actual.width || expected.height !== actual.height) {
    writeFileSync(actualFile, actualPng);
    assert.fail(
      `${shot}: the page is ${actual.width} x ${actual.height} px, the reference ${expected.width} x ${expected.height} ` +
        `(see ${actualFile})`,
    );
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const differing = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, {
    threshold: pixelThreshold,
    includeAA: false,
  });
  const allowed = Math.floor(actual.width * actual.height * maxDiffRatio);
  if (differing > allowed) {
    writeFileSync(actualFile, actualPng);
    const diffFile = path.join(results, `${shot}.diff.png`);
    writeFileSync(diffFile, PNG.sync.write(diff));
    assert.fail(
      `${shot}: ${differing} pixels differ from test/visual/${name}.png (at most ${allowed} may); ` +
        `see ${actualFile} and ${diffFile}. If the change is intended, run npm run test:visual:update.`,
    );
  }
}

describe('the demo looks as it should', { timeout: 300_000 }, () => {
  for (const { name, url, picture = true, mask = [], lightOnly = false } of pages) {
    for (const viewport of widths) {
      for (const colorScheme of schemes) {
        const shot = `${name}-${viewport.width}-${colorScheme}`;
        const reference = `${name}-${viewport.width}-${lightOnly ? 'light' : colorScheme}`;
        test(`${name} at ${viewport.width} px, ${colorScheme}: whole titles, no text over pictures${picture ? ', as in its reference image' : ''}`, async () => {
          const context = await browser.newContext({
            viewport,
            colorScheme,
            reducedMotion: 'reduce',
            locale: 'en-US',
            timezoneId: 'Asia/Almaty',
          });
          try {
            await context.clock.setFixedTime(demoNow);
            const page = await context.newPage();
            page.setDefaultTimeout(wait);
            const errors = [];
            page.on('pageerror', (error) => errors.push(error.message));
            await page.goto(new URL(url, `${origin}/`).href);
            await settle(page);

            assert.deepEqual(await page.evaluate(layoutProblems), [], `${shot}: layout`);
            assert.deepEqual(errors, [], `${shot}: page errors`);
            if (!picture) return;

            const height = await page.evaluate(() => document.documentElement.scrollHeight);
            const png = await page.screenshot({
              fullPage: true,
              clip: { x: 0, y: 0, width: viewport.width, height: Math.min(height, maxHeight) },
              animations: 'disabled',
              caret: 'hide',
              scale: 'css',
              // Pictures are the feeds' own files, checked to load by the demo's end-to-end test: here only their
              // place and size count, as flat boxes, which also keeps the reference images small.
              mask: ['img', ...mask].map((selector) => page.locator(selector)),
              maskColor: '#7f8c99',
            });
            // A light-only page pictured with a dark preference is compared with, and never written over, its light
            // reference.
            compare(reference, shot, png, { write: !(lightOnly && colorScheme === 'dark') });
          } finally {
            await context.close();
          }
        });
      }
    }
  }
});
