// The framework types, React wrappers and editor data follow custom-elements.json: an element the generator has never
// seen is typed for React, Preact, Vue and Svelte, wrapped for React and offered by editors, with no change to it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { distModule, generateIntegrations, pascal, readElements } from '../../scripts/generate-integrations.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let work;
let dist;
let manifestFile;

// A made-up element, as the analyzer would describe it: an attribute typed by an alias, a protected field behind an
// attribute, a read-only property, an event with its own class and one whose type the manifest does not declare.
const manifest = {
  schemaVersion: '1.0.0',
  modules: [
    {
      kind: 'javascript-module',
      path: 'src/page-settings/page-settings.ts',
      declarations: [
        {
          kind: 'class',
          name: 'PageSettings',
          tagName: 'page-settings',
          customElement: true,
          summary: 'Settings for every widget inside it.',
          attributes: [
            { name: 'theme', type: { text: 'Theme' }, fieldName: 'theme', description: 'Colours.' },
            { name: 'counter-endpoint', type: { text: 'string' }, fieldName: 'counterEndpoint' },
            { name: 'lang', type: { text: 'string | undefined' }, fieldName: 'langAttribute' },
          ],
          members: [
            { kind: 'field', name: 'theme', type: { text: 'Theme' }, attribute: 'theme' },
            { kind: 'field', name: 'counterEndpoint', type: { text: 'string' }, attribute: 'counter-endpoint' },
            { kind: 'field', name: 'langAttribute', privacy: 'protected', attribute: 'lang' },
            { kind: 'field', name: 'applied', type: { text: 'number' }, readonly: true },
            { kind: 'field', name: 'secret', privacy: 'private' },
          ],
          events: [
            { name: 'settings-change', type: { text: 'SettingsChangeEvent' }, description: 'Settings changed.' },
            { name: 'settings-reset', type: { text: 'Mystery' } },
          ],
        },
        { kind: 'class', name: 'SettingsChangeEvent' },
      ],
      exports: [],
    },
  ],
};

const declarations = `export type Theme = 'light' | 'dark';
export declare class SettingsChangeEvent extends Event {
  readonly changed: string[];
}
export declare class PageSettings extends HTMLElement {
  theme: Theme;
  counterEndpoint: string;
  protected langAttribute?: string;
  readonly applied: number;
}
`;

before(() => {
  mkdirSync(path.join(repo, '.test-results'), { recursive: true });
  // Inside the repository, so that the generated types find react, vue and svelte in its node_modules.
  work = mkdtempSync(path.join(repo, '.test-results', 'integrations-'));
  dist = path.join(work, 'dist');
  mkdirSync(path.join(dist, 'page-settings'), { recursive: true });
  writeFileSync(path.join(dist, 'page-settings/page-settings.d.ts'), declarations);
  writeFileSync(
    path.join(dist, 'page-settings/page-settings.js'),
    'export class PageSettings extends HTMLElement {}\n',
  );
  writeFileSync(path.join(dist, 'define.js'), '');
  writeFileSync(path.join(dist, 'define.d.ts'), 'export {};\n');
  manifestFile = path.join(work, 'custom-elements.json');
  writeFileSync(manifestFile, JSON.stringify(manifest));
  generateIntegrations(manifestFile, dist);
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const read = (file) => readFileSync(path.join(dist, file), 'utf8');

test('reads attributes, writable properties and events, and skips private, protected and read-only fields', () => {
  const [el] = readElements(manifest);
  assert.equal(el.tag, 'page-settings');
  assert.deepEqual(
    el.attributes.map((a) => [a.name, a.type]),
    [
      ['theme', 'PageSettings["theme"]'],
      ['counter-endpoint', 'PageSettings["counterEndpoint"]'],
      ['lang', 'string | undefined'],
    ],
  );
  assert.deepEqual(
    el.properties.map((p) => p.name),
    ['theme', 'counterEndpoint'],
  );
  assert.deepEqual(
    el.events.map((e) => [e.name, e.type]),
    [
      ['settings-change', 'SettingsChangeEvent'],
      ['settings-reset', 'Event'],
    ],
  );
  assert.equal(distModule('src/page-settings/page-settings.ts'), 'page-settings/page-settings.js');
  assert.equal(pascal('settings-change'), 'SettingsChange');
});

test('writes the alias a type names into the manifest as expandedType, in the order it is written', () => {
  const written = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const [decl] = written.modules[0].declarations;
  assert.equal(decl.attributes[0].expandedType.text, "'light' | 'dark'");
  assert.equal(decl.members[0].expandedType.text, "'light' | 'dark'");
});

test('a new element gets React, Preact, Vue and Svelte types and a React component', () => {
  assert.match(read('types/react.d.ts'), /"page-settings": ReactElementProps<"page-settings">/);
  assert.match(read('types/preact.d.ts'), /"page-settings": PreactElementProps<"page-settings">/);
  assert.match(read('types/vue.d.ts'), /"page-settings": DefineComponent<VueElementProps<"page-settings">>/);
  assert.match(read('types/svelte.d.ts'), /"page-settings": SvelteElementProps<"page-settings">/);
  const wrapper = read('react/index.js');
  assert.match(wrapper, /tagName: "page-settings"/);
  assert.match(wrapper, /onSettingsChange: "settings-change", onSettingsReset: "settings-reset"/);
  assert.match(read('react/index.d.ts'), /onSettingsChange: EventName<SettingsChangeEvent>/);
});

test("a new element's generated types type-check in React, with its alias, event class and unknown event", () => {
  writeFileSync(
    path.join(work, 'app.tsx'),
    `import './dist/types/react.js';
import { PageSettings } from './dist/react/index.js';
export const ok = (
  <>
    <page-settings theme="dark" counter-endpoint="/" onsettings-change={(e) => e.changed.join()} />
    <PageSettings theme="light" onSettingsChange={(e) => e.changed.join()} onSettingsReset={(e) => e.type} />
  </>
);
// @ts-expect-error: not a theme
export const bad = <page-settings theme="blue" />;
// @ts-expect-error: read-only
export const readOnly = <page-settings applied={1} />;
`,
  );
  writeFileSync(
    path.join(work, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        jsx: 'react-jsx',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        lib: ['ES2022', 'DOM'],
        types: [],
      },
      files: ['app.tsx'],
    }),
  );
  const result = spawnSync(process.execPath, [path.join(repo, 'node_modules/typescript/bin/tsc'), '-p', work], {
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, result.stdout + result.stderr);
});

test('editors are offered the new element, its attributes and the values of its alias', () => {
  const vscode = JSON.parse(read('editors/vscode.html-custom-data.json'));
  const tag = vscode.tags.find((t) => t.name === 'page-settings');
  assert.ok(tag, 'VS Code custom data lacks <page-settings>');
  const theme = tag.attributes.find((a) => a.name === 'theme');
  assert.deepEqual(
    theme.values.map((v) => v.name),
    ['light', 'dark'],
  );
  const webTypes = JSON.parse(read('editors/web-types.json'));
  const element = webTypes.contributions.html.elements.find((e) => e.name === 'page-settings');
  assert.ok(element, 'web-types lack <page-settings>');
  assert.deepEqual(
    element.attributes.map((a) => a.name),
    ['theme', 'counter-endpoint', 'lang'],
  );
  assert.deepEqual(
    element.events.map((e) => e.name),
    ['settings-change', 'settings-reset'],
  );
});
