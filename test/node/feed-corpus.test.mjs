// news-widgets/feed in plain Node: the feedparser corpus checks the browsers run, and no error but FeedError.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { FeedError, parseFeed } from 'news-widgets/feed';
import { htmlToText } from '../../dist/feed/text.js';
import { corpusFile, corpusIndex } from '../support/test-routes.mjs';

// The rules are TypeScript shared with the browser test; Node 20 runs JavaScript only.
const shared = ts.transpileModule(readFileSync('test/support/feedparser-corpus.ts', 'utf8'), {
  compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
}).outputText;
const { FOLDERS, MINIMUM_PASSES, REQUIRED_RATE, corpusReport, evaluateCheck, passRate } = await import(
  `data:text/javascript;base64,${Buffer.from(shared).toString('base64')}`
);

test('news-widgets/feed runs in Node without a DOM', () => {
  assert.equal(typeof globalThis.DOMParser, 'undefined');
  assert.equal(typeof globalThis.document, 'undefined');
  const feed = parseFeed('<rss version="2.0"><channel><title>Caf&eacute;</title></channel></rss>');
  assert.equal(feed.title, 'Café');
});

test('parseFeed passes the feedparser corpus checks in Node, folder by folder, no fewer than before', async () => {
  const results = new Map();
  for (const file of await corpusIndex(FOLDERS)) {
    const folder = file.path.slice(0, file.path.lastIndexOf('/'));
    if (!results.has(folder)) results.set(folder, []);
    const bytes = new Uint8Array(await corpusFile(file.path));
    results.get(folder).push({ file, outcome: evaluateCheck(file, bytes, { parseFeed, htmlToText }) });
  }
  const lines = corpusReport(results);
  await mkdir('.test-results', { recursive: true });
  await writeFile('.test-results/corpus-report-node.txt', lines.join('\n'));
  for (const folder of FOLDERS) {
    const name = folder.replace('feedparser/tests/', '');
    const { applicable, passed, rate } = passRate(results.get(folder) ?? []);
    assert.ok(applicable > 0, `${name}: no applicable checks`);
    assert.ok(rate >= REQUIRED_RATE, `${name}: ${passed}/${applicable}`);
    assert.ok(passed >= MINIMUM_PASSES[name], `${name}: ${passed} passed, ${MINIMUM_PASSES[name]} before`);
  }
});

test('every file of the corpus, ill-formed ones included, parses or fails with a FeedError', async () => {
  const root = 'test/fixtures/corpus/feedparser/tests';
  const files = (await readdir(root, { recursive: true })).filter((f) => /\.(xml|rss|rdf|atom|json)$/.test(f));
  assert.ok(files.length > 1000, `only ${files.length} files`);
  let parsed = 0;
  for (const file of files) {
    const bytes = new Uint8Array(await corpusFile(path.join('feedparser/tests', file)));
    try {
      const feed = parseFeed(bytes, { url: `http://127.0.0.1:8097/tests/${file}` });
      // Reading the lazily derived fields may not throw either.
      for (const item of feed.items) JSON.stringify(item);
      parsed++;
    } catch (error) {
      assert.ok(error instanceof FeedError, `${file}: ${error}`);
      assert.match(error.code, /^(parse|format)$/, file);
    }
  }
  assert.ok(parsed > files.length * 0.9, `${parsed} of ${files.length} parsed`);
});
