// The public API is a promise: package metadata, the manifest and the docs must agree with the code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';

const read = (file) => readFileSync(file, 'utf8');
const pkg = JSON.parse(read('package.json'));

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'server' ? [] : sourceFiles(file);
    return file.endsWith('.ts') ? [file] : [];
  });
}

test('package.json is an ESM package whose exports name types first and keep define modules as side effects', () => {
  assert.equal(pkg.type, 'module');
  for (const [key, target] of Object.entries(pkg.exports)) {
    if (typeof target === 'object') assert.equal(Object.keys(target)[0], 'types', `exports["${key}"]`);
  }
  assert.ok(pkg.sideEffects.includes('./dist/define.js'));
  assert.equal(pkg.customElements, 'custom-elements.json');
  assert.match(read('src/version.ts'), new RegExp(`'${pkg.version.replace(/\./g, '\\.')}'`));
});

test('the README snippet pins the release this package is', () => {
  const pkg = JSON.parse(read('package.json'));
  const snippets = [...read('README.md').matchAll(/cdn\.jsdelivr\.net\/npm\/news-widgets(@[^/]*)?\/cdn\//g)];
  assert.ok(snippets.length > 0);
  for (const [, pin] of snippets) assert.equal(pin, `@${pkg.version}`);
});

test('the build emits the files the exports map promises', () => {
  for (const file of [
    'dist/index.js',
    'dist/index.d.ts',
    'dist/define.js',
    'dist/define.d.ts',
    'cdn/news-widgets.js',
    'cdn/news-list.js',
    'cdn/news-elements.js',
    'dist/news-list/define.js',
    'dist/news-config/define.js',
    'cdn/news-config.js',
    'dist/server/index.js',
    'dist/server/index.d.ts',
    'dist/server/cli.js',
    'dist/protocol/counter-protocol.d.ts',
  ]) {
    assert.ok(existsSync(file), `${file} is missing`);
  }
});

test('custom-elements.json documents the attributes, events, parts and custom properties of <news-list>', () => {
  const manifest = JSON.parse(read('custom-elements.json'));
  const decl = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'news-list');
  assert.ok(decl, 'news-list is not in the manifest');
  const attrs = decl.attributes.map((a) => a.name);
  for (const name of [
    'src',
    'limit',
    'layout',
    'lang',
    'date-style',
    'article-href',
    'category',
    'page-size',
    'refresh',
  ]) {
    assert.ok(attrs.includes(name), `attribute ${name}`);
  }
  assert.deepEqual(decl.events.map((e) => e.name).sort(), ['news-error', 'news-load', 'news-select']);
  for (const part of ['item', 'title', 'date', 'image', 'summary', 'status', 'button', 'list']) {
    assert.ok(
      decl.cssParts.some((p) => p.name === part),
      `part ${part}`,
    );
  }
  assert.ok(decl.cssProperties.length >= 8);
});

test('custom-elements.json documents the attributes, events, slots and parts of <news-article>', () => {
  const manifest = JSON.parse(read('custom-elements.json'));
  const decl = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'news-article');
  assert.ok(decl, 'news-article is not in the manifest');
  const attrs = decl.attributes.map((a) => a.name);
  for (const name of ['src', 'article-id', 'article-id-param', 'heading-level', 'date-style', 'back-href', 'lang']) {
    assert.ok(attrs.includes(name), `attribute ${name}`);
  }
  assert.deepEqual(decl.events.map((e) => e.name).sort(), ['news-error', 'news-load']);
  assert.deepEqual(decl.slots.map((s) => s.name).sort(), ['', 'meta']);
  for (const part of ['article', 'title', 'meta', 'date', 'image', 'content', 'status', 'button']) {
    assert.ok(
      decl.cssParts.some((p) => p.name === part),
      `part ${part}`,
    );
  }
});

test('custom-elements.json documents the attributes, event and parts of <click-counter>', () => {
  const manifest = JSON.parse(read('custom-elements.json'));
  const decl = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'click-counter');
  assert.ok(decl, 'click-counter is not in the manifest');
  const attrs = decl.attributes.map((a) => a.name);
  for (const name of ['article-id', 'endpoint', 'record', 'label', 'format', 'lang']) {
    assert.ok(attrs.includes(name), `attribute ${name}`);
  }
  assert.deepEqual(
    decl.events.map((e) => e.name),
    ['change'],
  );
  for (const part of ['counter', 'label', 'count'])
    assert.ok(
      decl.cssParts.some((p) => p.name === part),
      `part ${part}`,
    );
});

test('every custom property the styles read is documented in JSDoc and in the README', () => {
  const readme = read('README.md');
  const sources = sourceFiles('src');
  const documented = new Set(sources.flatMap((f) => [...read(f).matchAll(/@cssprop \[?(--[\w-]+)/g)].map((m) => m[1])));
  const used = new Set(
    sources.flatMap((f) => [...read(f).matchAll(/var\((--(?:news|click-counter)-[\w-]+)/g)].map((m) => m[1])),
  );
  assert.ok(used.size > 5);
  for (const prop of used) {
    assert.ok(documented.has(prop), `${prop} is used but has no @cssprop`);
    assert.ok(readme.includes(`\`${prop}\``), `${prop} is used but not in README.md`);
  }
  for (const prop of documented) assert.ok(used.has(prop), `${prop} is documented but never used`);
});

test('every custom property the code uses carries a news-widgets prefix', () => {
  for (const file of sourceFiles('src')) {
    for (const [, prop] of read(file).matchAll(/var\((--[\w-]+)/g)) {
      assert.match(prop, /^--(news-|click-counter-|_)/, `${file}: ${prop}`);
    }
  }
});

test('the CDN all-elements file exports everything the package exports but NewsConfig and parseFeed, which have their own files', async () => {
  const ts = (await import('typescript')).default;
  const program = ts.createProgram(['src/index.ts', 'src/cdn-elements.ts'], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2021,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const names = (file) =>
    checker
      .getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(file)))
      .map((symbol) => symbol.name)
      .sort();
  assert.deepEqual(
    names('src/cdn-elements.ts'),
    names('src/index.ts').filter((name) => !['NewsConfig', 'NewsSettings', 'parseFeed'].includes(name)),
  );
});
