// The packed package, as projects install it: TypeScript, React, Preact, Vue and Svelte projects type-check the docs'
// recipes against it with no declarations of their own, and reject what the types must reject.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
const recipes = path.join(repo, 'demo/recipes');
const fixtures = path.join(repo, 'test/consumers');

let work;
let files;

function run(cmd, args, cwd) {
  const result = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** A project folder under the work folder: its fixtures, and the recipes copied in under their project names. */
function project(name, sources) {
  const dir = path.join(work, name);
  mkdirSync(path.join(dir, 'src'), { recursive: true });
  for (const entry of readdirSync(path.join(fixtures, name))) {
    const target = entry === 'tsconfig.json' || entry === 'package.json' ? entry : `src/${entry}`;
    cpSync(path.join(fixtures, name, entry), path.join(dir, target));
  }
  for (const [from, to] of Object.entries(sources)) cpSync(path.join(recipes, from), path.join(dir, 'src', to));
  return dir;
}

// Two checks at a time (the machine has two cores): the five take about half as long as one after another.
const slots = [];
let running = 0;

/** Runs a type-checker on a project; resolves to its exit status and output. */
async function typeCheck(bin, args, cwd) {
  while (running >= 2) await new Promise((resolve) => slots.push(resolve));
  running += 1;
  try {
    return await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(repo, 'node_modules', bin), ...args], { cwd });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, output }));
    });
  } finally {
    running -= 1;
    slots.shift()?.();
  }
}

/** Started together in `before`, awaited one per test. */
const checks = {};

async function expectClean(name) {
  const { status, output } = await checks[name];
  assert.equal(status, 0, output);
}

before(() => {
  for (const file of ['dist/index.d.ts', 'dist/react/index.js', 'dist/types/react.d.ts', 'custom-elements.json']) {
    if (!existsSync(path.join(repo, file))) throw new Error(`${file} is missing: run npm run build first`);
  }
  work = mkdtempSync(path.join(os.tmpdir(), 'news-widgets-consumers-'));
  const packed = run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], repo);
  assert.equal(packed.status, 0, packed.output);
  const [info] = JSON.parse(packed.output.slice(packed.output.indexOf('[')));
  files = info.files.map((f) => f.path);

  // What `npm install ./news-widgets-x.y.z.tgz` leaves: the tarball's contents in node_modules/news-widgets, and
  // the dependencies beside it. They come from this repository's install (lit, react, vue and their types are
  // devDependencies here), so the run needs no network.
  const modules = path.join(work, 'node_modules');
  const unpacked = path.join(modules, 'news-widgets');
  mkdirSync(unpacked, { recursive: true });
  const untar = run('tar', ['-xzf', path.join(work, info.filename), '-C', unpacked, '--strip-components=1'], work);
  assert.equal(untar.status, 0, untar.output);
  for (const entry of readdirSync(path.join(repo, 'node_modules'))) {
    if (entry.startsWith('.') || entry === 'news-widgets') continue;
    symlinkSync(path.join(repo, 'node_modules', entry), path.join(modules, entry));
  }

  const tsc = (dir) => typeCheck('typescript/bin/tsc', ['-p', dir], dir);
  const projects = {
    typescript: () => tsc(project('typescript', { 'typescript.ts': 'recipe.ts' })),
    react: () => tsc(project('react', { 'react.tsx': 'recipe.tsx' })),
    preact: () => tsc(project('preact', {})),
    vue: () => {
      const dir = project('vue', { 'vue.vue': 'Recipe.vue' });
      return typeCheck('vue-tsc/bin/vue-tsc.js', ['-p', dir], dir);
    },
    svelte: () => {
      const dir = project('svelte', { 'svelte.svelte': 'Recipe.svelte' });
      const args = ['--tsconfig', path.join(dir, 'tsconfig.json'), '--fail-on-warnings'];
      return typeCheck('svelte-check/bin/svelte-check', args, dir);
    },
  };
  for (const [name, check] of Object.entries(projects)) checks[name] = check();
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the tarball holds the framework types, the React components and the editor data the exports name', () => {
  const exported = Object.values(pkg.exports)
    .flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)))
    .filter((target) => !target.includes('*'))
    .map((target) => target.replace(/^\.\//, ''));
  for (const file of [...exported, pkg['web-types'].replace(/^\.\//, '')]) {
    assert.ok(files.includes(file), `${file} is exported but not packed`);
  }
  for (const file of ['vscode.html-custom-data.json', 'vscode.css-custom-data.json']) {
    assert.ok(files.includes(`dist/editors/${file}`), file);
  }
});

test('a plain TypeScript project type-checks the recipe: tags, properties, and events on the element, document and window', async () => {
  await expectClean('typescript');
});

test('a React 19 project type-checks the recipe: the news-widgets/react components and the tags in JSX', async () => {
  await expectClean('react');
});

test('a Preact project type-checks the tags in JSX', async () => {
  await expectClean('preact');
});

test('a Vue 3 project type-checks the recipe: the tags in a template, with typed props and events', async () => {
  await expectClean('vue');
});

test('a Svelte 5 project type-checks the recipe: the tags in markup, with typed props and events', async () => {
  await expectClean('svelte');
});

test('the plain HTML recipe loads a version-pinned file the package ships and uses only tags it defines', () => {
  const html = readFileSync(path.join(recipes, 'plain.html'), 'utf8');
  const src = /<script type="module" src="([^"]+)"/.exec(html)?.[1];
  assert.ok(src, 'no script in the recipe');
  const pinned = new RegExp(`/npm/${pkg.name}@${pkg.version.replace(/\./g, '\\.')}/(.+)$`).exec(src);
  assert.ok(pinned, `${src} is not pinned to ${pkg.name}@${pkg.version}`);
  assert.ok(files.includes(pinned[1]), `${pinned[1]} is not in the package`);
  const manifest = JSON.parse(readFileSync(path.join(repo, 'custom-elements.json'), 'utf8'));
  const tags = new Set(manifest.modules.flatMap((m) => m.declarations ?? []).map((d) => d.tagName));
  for (const [, tag] of html.matchAll(/<([a-z]+-[a-z-]+)[\s>]/g)) assert.ok(tags.has(tag), `<${tag}> is not defined`);
});
