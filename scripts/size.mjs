// Checks the CDN bundles against the design's budgets (gzip), and prints each figure.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const KB = 1024;
/** The budgets of the design: an English <news-list>, all elements in English, each lazy language chunk. */
export const budgets = { list: 20 * KB, all: 26 * KB, lazyChunk: 5 * KB };

const cdn = path.resolve('cdn');
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const sum = (files) => files.reduce((total, file) => total + gz(file), 0);

/** A module and every module it imports statically (what the browser must fetch before it runs). */
function staticClosure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  // Static imports only: `import"./x.js"`, `import{a}from"./x.js"`, `export*from"./x.js"`; not `import("./x.js")`.
  for (const match of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w${},*\s]+?from\s*)?["']([^"']+)["']/g)) {
    if (match[1].startsWith('.')) staticClosure(path.resolve(path.dirname(file), match[1]), seen);
  }
  return seen;
}

/** Lazy chunks that a bundle may load: languages and the date engine have a budget; the sanitiser fallback has none. */
function lazyChunks(entry) {
  const code = readFileSync(entry, 'utf8');
  const names = [...code.matchAll(/import\(\s*["']\.\/chunks\/([^"']+)["']\s*\)/g)].map((m) => m[1]);
  return names.map((name) => path.join(cdn, 'chunks', name));
}

export function measure() {
  for (const file of ['news-widgets.js', 'news-list.js']) {
    if (!existsSync(path.join(cdn, file))) throw new Error(`cdn/${file} is missing: run \`npm run build\` first.`);
  }
  const list = [...staticClosure(path.join(cdn, 'news-list.js'))];
  const all = [...staticClosure(path.join(cdn, 'news-widgets.js'))];
  const lazy = lazyChunks(path.join(cdn, 'news-widgets.js')).map((file) => {
    const extra = [...staticClosure(file)].filter((f) => !all.includes(f));
    return { name: path.basename(file), bytes: gz(file), firstLoad: sum(extra), sanitizer: /purify/.test(file) };
  });
  // Chunks that lazy chunks import (the shared date engine) count as lazy chunks too.
  for (const file of new Set(lazy.flatMap((c) => [...staticClosure(path.join(cdn, 'chunks', c.name))]))) {
    if (!all.includes(file) && !lazy.some((c) => c.name === path.basename(file))) {
      lazy.push({ name: path.basename(file), bytes: gz(file), firstLoad: gz(file), sanitizer: false });
    }
  }
  return { list: sum(list), all: sum(all), lazy };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { list, all, lazy } = measure();
  const kb = (n) => `${(n / KB).toFixed(2)} KB`;
  let passed = 0;
  let failed = 0;
  const check = (label, bytes, budget) => {
    const ok = bytes <= budget;
    if (ok) passed += 1;
    else failed += 1;
    console.log(`${ok ? 'ok  ' : 'OVER'} ${label}: ${kb(bytes)} gzip (budget ${kb(budget)})`);
  };
  check('English <news-list> (cdn/news-list.js)', list, budgets.list);
  check('all elements, English (cdn/news-widgets.js)', all, budgets.all);
  for (const chunk of lazy) {
    if (chunk.sanitizer) {
      console.log(
        `     sanitiser fallback ${chunk.name}: ${kb(chunk.bytes)} gzip (loads only without Element.setHTML)`,
      );
      continue;
    }
    check(`lazy chunk ${chunk.name}`, chunk.bytes, budgets.lazyChunk);
    if (chunk.firstLoad !== chunk.bytes)
      console.log(`     with the shared chunks it imports: ${kb(chunk.firstLoad)} gzip`);
  }
  console.log(`size: ${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}
