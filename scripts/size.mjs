// Checks the CDN bundle against the design's budgets (gzip), and prints each figure.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const KB = 1024;
/** The budgets of ../shared/design.md: an English <news-list>, and each language chunk. */
export const budgets = { englishList: 20 * KB, localeChunk: 5 * KB };

const cdn = path.resolve('cdn');
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/** A chunk and every chunk it imports statically (what the browser must fetch before it runs). */
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

export function measure() {
  const entry = path.join(cdn, 'news-widgets.js');
  if (!existsSync(entry)) throw new Error('cdn/news-widgets.js is missing: run `npm run build` first.');
  const main = [...staticClosure(entry)];
  const mainBytes = main.reduce((sum, f) => sum + gz(f), 0);
  const chunkDir = path.join(cdn, 'chunks');
  const chunks = existsSync(chunkDir) ? readdirSync(chunkDir).filter((f) => f.endsWith('.js')) : [];
  const lazy = chunks.map((name) => path.join(chunkDir, name)).filter((file) => !main.includes(file));
  // Each lazy chunk on its own, and what the first page in a language fetches beyond the main bundle
  // (its chunk plus the shared date engine, which later languages reuse).
  const locales = lazy.map((file) => ({ name: path.basename(file), bytes: gz(file) }));
  const firstLoad = lazy.map((file) => ({
    name: path.basename(file),
    bytes: [...staticClosure(file)].filter((f) => !main.includes(f)).reduce((sum, f) => sum + gz(f), 0),
  }));
  return { mainBytes, mainFiles: main.map((f) => path.relative(cdn, f)), locales, firstLoad };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { mainBytes, mainFiles, locales, firstLoad } = measure();
  const kb = (n) => `${(n / KB).toFixed(2)} KB`;
  let failed = 0;
  const check = (label, bytes, budget) => {
    const ok = bytes <= budget;
    if (!ok) failed += 1;
    console.log(`${ok ? 'ok  ' : 'OVER'} ${label}: ${kb(bytes)} gzip (budget ${kb(budget)})`);
  };
  check(`English <news-list> (${mainFiles.join(' + ')})`, mainBytes, budgets.englishList);
  for (const chunk of locales) check(`lazy chunk ${chunk.name}`, chunk.bytes, budgets.localeChunk);
  for (const chunk of firstLoad)
    console.log(`     first load of ${chunk.name} with what it imports: ${kb(chunk.bytes)} gzip`);
  const passed = 1 + locales.length - failed;
  console.log(`size: ${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}
