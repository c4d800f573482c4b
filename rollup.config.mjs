// The one-file CDN bundle: Lit inside, minified; language chunks load lazily from beside it.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import path from 'node:path';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { dropUnusedDateFnsParts } from './scripts/date-fns-stubs.mjs';

/**
 * The bundle runs in pages only, where the browser knows every HTML named entity: it reads them through the DOM
 * (src/feed/entities-dom.ts) instead of shipping HTML 4's table. dist/, for Node and workers, keeps the table.
 */
function entitiesFromTheBrowser() {
  return {
    name: 'entities-from-the-browser',
    resolveId(source, importer) {
      if (source !== './entities.js' || !importer || !/[\\/]feed[\\/][\w-]+\.js$/.test(importer)) return null;
      return path.join(path.dirname(importer), 'entities-dom.js');
    },
  };
}

/**
 * In the snippet's file, the list's lazy imports (the counter, the host-data shaping, the sanitiser) load the one chunk
 * that also holds the article (src/cdn-rest.ts): a page with a list and an article then fetches two files, not four.
 */
function listImportsFromRest() {
  const lazy = new Set(['../click-counter/click-counter.js', '../html/host-data.js', './html/sanitize.js']);
  return {
    name: 'list-imports-from-rest',
    resolveId(source, importer) {
      if (!lazy.has(source) || !importer || !/[\\/](news-list[\\/]news-list|cdn-list)\.js$/.test(importer)) return null;
      return path.resolve('dist/cdn-rest.js');
    },
  };
}

/**
 * The snippet's file exports the synchronous `parseFeed` (a promise of the public API), so it holds every reader: its
 * elements read feeds with that parser instead of the one that loads readers on demand.
 */
function wholeParser() {
  return {
    name: 'whole-parser',
    resolveId(source, importer) {
      if (source !== './read-feed.js' || !importer || !/[\\/]feed[\\/]fetch-feed\.js$/.test(importer)) return null;
      return path.resolve('dist/feed/read-feed-whole.js');
    },
  };
}

const plugins = () => [
  entitiesFromTheBrowser(),
  nodeResolve({ browser: true, exportConditions: ['production'] }),
  dropUnusedDateFnsParts(),
  minifyTemplateLiterals(),
  terser({ ecma: 2021, module: true, compress: { passes: 2 }, format: { comments: false } }),
];

/** One self-contained module per entry; chunks it loads lazily (languages, the sanitiser fallback) beside it. */
const bundle = (input, file, extra = []) => ({
  input,
  // Let lazy chunks import shared code from the entry, so the entry stays one file.
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: 'cdn',
    format: 'es',
    entryFileNames: file,
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
  },
  plugins: [...extra, ...plugins()],
});

export default [
  // The README's snippet: <news-list> in one file, the article and the counter in one lazy chunk beside it.
  bundle('dist/loader.js', 'news-widgets.js', [listImportsFromRest(), wholeParser()]),
  // <news-list> alone, for pages that only list news.
  bundle('dist/cdn-list.js', 'news-list.js'),
  // All three elements and the package's exports.
  bundle('dist/cdn-elements.js', 'news-elements.js'),
  // <news-config>, for pages that have one: no Lit, no element code.
  bundle('dist/news-config/define.js', 'news-config.js'),
  // The synchronous feed parser, complete, for page scripts.
  bundle('dist/cdn-feed.js', 'feed.js'),
];
