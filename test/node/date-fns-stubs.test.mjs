// The CDN bundle replaces two kinds of date-fns files with stubs; a date-fns release that moves or reshapes them
// must fail here rather than silently ship the full files again or break a language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dateFnsStubs } from '../../scripts/date-fns-stubs.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dateFns = path.join(root, 'node_modules/date-fns');

/** The date-fns locales our language files import. */
function shippedLocales() {
  const dir = path.join(root, 'src/format/locales');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.ts'))
    .flatMap((name) => [...readFileSync(path.join(dir, name), 'utf8').matchAll(/from 'date-fns\/locale\/([\w-]+)'/g)])
    .map((m) => m[1]);
}

test('every date-fns locale we ship keeps its parsing tables in _lib/match.js, exporting only match', async () => {
  const [pattern, stub, names] = dateFnsStubs[0];
  const locales = shippedLocales();
  assert.ok(locales.length >= 1, `found ${locales.join(', ')}`);
  for (const locale of locales) {
    const file = path.join(dateFns, 'locale', locale, '_lib/match.js');
    assert.ok(existsSync(file), `${file} is gone`);
    assert.match(file, pattern);
    assert.deepEqual(Object.keys(await import(pathToFileURL(file).href)).sort(), names, file);
    // The locale itself still takes its match from there.
    const index = readFileSync(path.join(dateFns, 'locale', `${locale}.js`), 'utf8');
    assert.match(index, /from "\.\/[\w-]+\/_lib\/match\.js"/, `${locale}.js no longer imports _lib/match.js`);
  }
  assert.deepEqual(Object.keys(await import(`data:text/javascript,${encodeURIComponent(stub)}`)), names);
});

test('date-fns still reads its default locale from _lib/defaultLocale.js, exporting only defaultLocale', async () => {
  const [pattern, stub, names] = dateFnsStubs[1];
  const file = path.join(dateFns, '_lib/defaultLocale.js');
  assert.ok(existsSync(file), `${file} is gone`);
  assert.match(file, pattern);
  assert.deepEqual(Object.keys(await import(pathToFileURL(file).href)), names);
  assert.deepEqual(Object.keys(await import(`data:text/javascript,${encodeURIComponent(stub)}`)), names);
  // The functions we call pass our locale, falling back to this default only when given none.
  for (const fn of ['format.js', 'formatDistanceStrict.js']) {
    assert.match(readFileSync(path.join(dateFns, fn), 'utf8'), /_lib\/defaultLocale\.js|defaultOptions\.js/, fn);
  }
});
