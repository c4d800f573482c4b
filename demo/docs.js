// The docs page: a reference and a live playground for every element in custom-elements.json, and the recipes' code.
//
// Nothing here names an element: whatever the manifest declares is documented, so a new element (or attribute,
// event, part or custom property) appears without a change to this page.

const manifestUrl = new URL('../custom-elements.json', import.meta.url);

/**
 * Values the playground starts from, by attribute name, so that each element shows something real from the demo's
 * feeds and counter server. Attributes not listed start unset (the element's default).
 */
const samples = {
  src: 'feeds/college-en.xml',
  'article-id': 'lw-2026-012',
  endpoint: '/',
  'counter-endpoint': '/',
  limit: '3',
  // Under the section's h2 and the playground's h3s, a heading level of 1 would break the page's outline.
  'heading-level': '4',
};

/** Choices offered for free-text attributes, by name (any value may still be typed). */
const suggestions = {
  src: ['feeds/college-en.xml', 'feeds/college-ru.atom', 'feeds/college-kk.json', 'feeds/college-zh.xml'],
  lang: ['en', 'zh-CN', 'ru', 'kk'],
  'time-zone': ['+08:00', '+05:00', '+03:00', 'Z'],
};

const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** The manifest's Markdown, as far as it goes in descriptions: `code`, **strong** and line breaks. */
function inline(markdown = '') {
  return escapeHtml(markdown)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\s*\n\s*/g, ' ');
}

const slug = (text) =>
  text
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

/** Element declarations of the manifest, in tag order. */
export function elementsOf(manifest) {
  return (manifest.modules ?? [])
    .flatMap((mod) => (mod.declarations ?? []).map((decl) => ({ ...decl, module: mod.path })))
    .filter((decl) => decl.customElement && decl.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
}

const isPublic = (member) => !member.privacy || member.privacy === 'public';

/**
 * How an attribute is edited: `'a' | 'b'` is a choice, numbers and booleans have their own inputs. An alias such as
 * `NewsListLayout` is read from `expandedType`, which the build adds to the manifest.
 */
export function controlKind(attribute, field) {
  const text =
    attribute.expandedType?.text ?? attribute.type?.text ?? field?.expandedType?.text ?? field?.type?.text ?? 'string';
  const type = text.replace(/\s*\|\s*(undefined|null)\b/g, '').trim();
  const literals = type.split('|').map((part) => part.trim());
  if (literals.length > 1 && literals.every((part) => /^'[^']*'$|^"[^"]*"$/.test(part))) {
    return { kind: 'choice', options: literals.map((part) => part.slice(1, -1)) };
  }
  if (type === 'number') return { kind: 'number' };
  if (type === 'boolean') return { kind: 'boolean' };
  return { kind: 'text', options: suggestions[attribute.name] ?? [] };
}

/** The type a reader needs: an alias with its values (`NewsListLayout: 'list' | 'grid'`), else as declared. */
function typeText(entry) {
  const declared = entry?.type?.text ?? '';
  const expanded = entry?.expandedType?.text;
  return expanded && /^[A-Z]\w*$/.test(declared) ? `${declared}: ${expanded}` : declared || expanded || '';
}

function table(caption, headings, rows) {
  if (rows.length === 0) return '';
  return `<div class="table-scroll"><table>
    <caption>${caption}</caption>
    <thead><tr>${headings.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>
    <tbody>${rows.map((cells) => `<tr>${cells.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`).join('')}</tbody>
  </table></div>`;
}

const code = (text) => (text ? `<code>${escapeHtml(text)}</code>` : '');

/** The reference part of an element's section: every public piece of its API, from the manifest. */
function reference(decl) {
  const fields = new Map((decl.members ?? []).map((m) => [m.name, m]));
  const attributes = decl.attributes ?? [];
  const attributeFields = new Set(attributes.map((a) => a.fieldName));
  const properties = (decl.members ?? []).filter(
    (m) => m.kind === 'field' && !m.static && isPublic(m) && !attributeFields.has(m.name),
  );
  const methods = (decl.members ?? []).filter((m) => m.kind === 'method' && !m.static && isPublic(m));
  const name = decl.tagName;
  return [
    table(
      `Attributes of <code>&lt;${name}&gt;</code>`,
      ['Attribute', 'Property', 'Type', 'Default', 'Description'],
      attributes.map((a) => {
        const field = fields.get(a.fieldName);
        return [
          code(a.name),
          field && isPublic(field) ? code(a.fieldName) : '',
          code(typeText(a.type ? a : field)),
          code(a.default ?? field?.default ?? ''),
          inline(a.description),
        ];
      }),
    ),
    table(
      `Properties of <code>&lt;${name}&gt;</code> (no attribute)`,
      ['Property', 'Type', 'Description'],
      properties.map((p) => [
        code(p.name),
        code(typeText(p)),
        `${p.readonly ? '<em>Read-only.</em> ' : ''}${inline(p.description)}`,
      ]),
    ),
    table(
      `Methods of <code>&lt;${name}&gt;</code>`,
      ['Method', 'Returns', 'Description'],
      methods.map((m) => [
        code(`${m.name}(${(m.parameters ?? []).map((p) => p.name).join(', ')})`),
        code(m.return?.type?.text ?? 'void'),
        inline(m.description),
      ]),
    ),
    table(
      `Events of <code>&lt;${name}&gt;</code> (they bubble and cross shadow roots)`,
      ['Event', 'Type', 'Description'],
      (decl.events ?? []).map((e) => [code(e.name), code(e.type?.text ?? 'Event'), inline(e.description)]),
    ),
    table(
      `Slots of <code>&lt;${name}&gt;</code>`,
      ['Slot', 'Description'],
      (decl.slots ?? []).map((s) => [s.name ? code(s.name) : '<em>default</em>', inline(s.description)]),
    ),
    table(
      `Parts of <code>&lt;${name}&gt;</code>, for <code>::part()</code>`,
      ['Part', 'Description'],
      (decl.cssParts ?? []).map((p) => [code(p.name), inline(p.description)]),
    ),
    table(
      `Custom properties of <code>&lt;${name}&gt;</code>`,
      ['Property', 'Default', 'Description'],
      (decl.cssProperties ?? []).map((p) => [code(p.name), code(p.default ?? ''), inline(p.description)]),
    ),
  ].join('');
}

/** The markup a page would need for the element as the playground has it now. */
export function snippet(element) {
  const attrs = [...element.attributes]
    .map((a) => (a.value === '' ? ` ${a.name}` : ` ${a.name}="${escapeHtml(a.value)}"`))
    .join('');
  const inside = [...element.children].map((child) => `\n  ${snippet(child)}\n`).join('');
  return `<${element.localName}${attrs}>${inside}</${element.localName}>`;
}

/**
 * What an element with nothing of its own to show (no parts, only a default slot: settings for the elements inside
 * it) wraps in the playground: the first element that lists a feed, with the sample values.
 */
function sampleInside(decl, elements) {
  if (decl.cssParts?.length || !decl.slots?.some((s) => !s.name)) return undefined;
  const sampled = ['src', 'limit'];
  const shown = elements.find((other) => sampled.every((name) => other.attributes?.some((a) => a.name === name)));
  if (!shown) return undefined;
  const child = document.createElement(shown.tagName);
  for (const name of sampled) child.setAttribute(name, samples[name]);
  return child;
}

/** A form with one control per attribute, a live element that follows it, its markup and its events. */
function playground(decl, section, elements) {
  const tag = decl.tagName;
  const id = slug(tag);
  const fields = new Map((decl.members ?? []).map((m) => [m.name, m]));
  const form = section.querySelector('form');
  const stage = section.querySelector('.stage');
  const output = section.querySelector('.snippet code');
  const log = section.querySelector('.events');
  form.addEventListener('submit', (event) => event.preventDefault());

  const element = document.createElement(tag);
  for (const attribute of decl.attributes ?? []) {
    if (attribute.name in samples) element.setAttribute(attribute.name, samples[attribute.name]);
  }
  const inside = sampleInside(decl, elements);
  if (inside) element.append(inside);
  stage.append(element);

  for (const attribute of decl.attributes ?? []) {
    const control = controlKind(attribute, fields.get(attribute.fieldName));
    const controlId = `${id}-${slug(attribute.name)}`;
    const row = document.createElement('div');
    row.className = 'control';
    const current = element.getAttribute(attribute.name);
    let input;
    if (control.kind === 'boolean') {
      input = document.createElement('input');
      input.type = 'checkbox';
      input.checked = current !== null;
    } else if (control.kind === 'choice') {
      input = document.createElement('select');
      input.append(new Option('(default)', ''), ...control.options.map((o) => new Option(o, o)));
      input.value = current ?? '';
    } else {
      input = document.createElement('input');
      input.type = control.kind === 'number' ? 'number' : 'text';
      input.value = current ?? '';
      // Only a literal default makes a placeholder; a constant's name would mean nothing to a reader.
      const literal = /^'(.*)'$|^(-?\d[\d.]*)$/.exec(attribute.default ?? '');
      if (literal?.[1] || literal?.[2]) input.placeholder = literal[1] ?? literal[2];
      if (control.options?.length) {
        const list = document.createElement('datalist');
        list.id = `${controlId}-options`;
        list.append(...control.options.map((o) => new Option(o, o)));
        row.append(list);
        input.setAttribute('list', list.id);
      }
    }
    input.id = controlId;
    input.name = attribute.name;
    const label = document.createElement('label');
    label.htmlFor = controlId;
    label.innerHTML = code(attribute.name);
    row.prepend(label, input);
    form.append(row);

    const apply = () => {
      if (input.type === 'checkbox') element.toggleAttribute(attribute.name, input.checked);
      else if (input.value === '') element.removeAttribute(attribute.name);
      else element.setAttribute(attribute.name, input.value);
      output.textContent = snippet(element);
    };
    if (input.tagName === 'SELECT' || input.type === 'checkbox') {
      input.addEventListener('change', apply);
    } else {
      // Typed values apply once typing pauses: a feed address is not fetched once per keystroke.
      let timer;
      input.addEventListener('input', () => {
        clearTimeout(timer);
        timer = setTimeout(apply, 300);
      });
      input.addEventListener('change', () => {
        clearTimeout(timer);
        apply();
      });
    }
  }
  output.textContent = snippet(element);

  for (const event of decl.events ?? []) {
    element.addEventListener(event.name, (e) => {
      // The playground stays on this page: a chosen item is logged, not followed.
      if (e.cancelable) e.preventDefault();
      const fields = Object.keys(e).filter((key) => key !== 'isTrusted');
      const entry = document.createElement('li');
      entry.innerHTML = `${code(e.type)} ${fields.map((key) => code(key)).join(' ')}`;
      log.prepend(entry);
      while (log.children.length > 5) log.lastElementChild.remove();
    });
  }
}

function section(decl) {
  const id = slug(decl.tagName);
  const el = document.createElement('section');
  el.className = 'element';
  el.id = id;
  el.setAttribute('aria-labelledby', `${id}-title`);
  el.innerHTML = `
    <h2 id="${id}-title"><code>&lt;${escapeHtml(decl.tagName)}&gt;</code></h2>
    ${decl.summary ? `<p class="summary">${inline(decl.summary)}</p>` : ''}
    ${decl.description ? `<p>${inline(decl.description)}</p>` : ''}
    <div class="playground">
      <form aria-label="Attributes of the ${escapeHtml(decl.tagName)} playground"></form>
      <div class="preview">
        <h3>Live</h3>
        <div class="stage"></div>
        <h3>Markup</h3>
        <pre class="snippet"><code></code></pre>
        <h3>Events</h3>
        <ol class="events" aria-live="polite"></ol>
      </div>
    </div>
    ${reference(decl)}`;
  return el;
}

async function showRecipes() {
  await Promise.all(
    [...document.querySelectorAll('pre[data-recipe]')].map(async (pre) => {
      const response = await fetch(new URL(pre.dataset.recipe, location.href));
      pre.querySelector('code').textContent = response.ok
        ? (await response.text()).trimEnd()
        : `Could not load ${pre.dataset.recipe} (${response.status}).`;
    }),
  );
}

async function main() {
  const recipes = showRecipes();
  const host = document.getElementById('elements');
  try {
    const response = await fetch(manifestUrl);
    if (!response.ok) throw new Error(`${manifestUrl.pathname}: HTTP ${response.status} (run npm run build)`);
    const elements = elementsOf(await response.json());
    host.replaceChildren(...elements.map(section));
    for (const decl of elements) playground(decl, document.getElementById(slug(decl.tagName)), elements);
    const toc = document.querySelector('#toc ul');
    toc.prepend(
      ...elements.map((decl) => {
        const item = document.createElement('li');
        item.innerHTML = `<a href="#${slug(decl.tagName)}">${code(`<${decl.tagName}>`)}</a>`;
        return item;
      }),
    );
    document.documentElement.dataset.docs = 'ready';
  } catch (error) {
    host.innerHTML = `<p class="loading" role="alert">The manifest could not be read: ${escapeHtml(error.message)}</p>`;
    document.documentElement.dataset.docs = 'failed';
  }
  await recipes;
}

main();
