/** Reads XML into a small element tree with namespaces resolved: no DOM, the same result in every engine. */
import { FeedError } from './feed-error.js';
import { codePointText, namedEntity } from './entities.js';

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Prefix → namespace URI; inner scopes inherit from outer ones through the prototype chain. */
type Scope = Record<string, string>;

/** One element: its name, resolved namespace, attributes as written, and children (elements and text). */
export interface XmlElement {
  /** The qualified name as written (`media:content`). */
  name: string;
  local: string;
  /** Namespace URI, or null for none. */
  ns: string | null;
  /** Attribute values by qualified name, entities decoded. */
  attrs: Record<string, string>;
  children: (XmlElement | string)[];
  parent: XmlElement | undefined;
  scope: Scope;
}

/** Prefixes CMS templates use without declaring them; a prefix nobody knows gets a namespace of its own. */
const KNOWN_PREFIXES: Record<string, string> = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  media: 'http://search.yahoo.com/mrss/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
};

/** Namespaces spelled more than one way in the wild, by their lower-case spelling. */
const CANONICAL: Record<string, string> = {
  'http://www.itunes.com/dtds/podcast-1.0.dtd': KNOWN_PREFIXES.itunes,
};

/** Characters all entity references of a document may expand to, together: a bound on "billion laughs". */
const EXPANSION_LIMIT = 1 << 20;
const NESTING_LIMIT = 16;
/** Deeper trees are no feed, and walking them would exhaust the stack. */
const DEPTH_LIMIT = 512;
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

const isNameStart = (c: number): boolean =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a || c > 0x7f;
const isNameChar = (c: number): boolean => isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e;
const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;

const REFERENCE = /&(?:#(\d{1,8})|#[xX]([\da-fA-F]{1,8})|([A-Za-z_:][\w.:-]*));|&/g;
const DECLARATION = /<!ENTITY\s+(%\s+)?([^\s%]+)\s+(?:"([^"]*)"|'([^']*)')/g;

/**
 * Parses a whole document and returns its root element. Beyond XML, it reads what feeds get wrong: HTML
 * named entities, bare `&`, a stray `<` in text, unquoted or valueless attributes, undeclared prefixes and
 * anything after the root element. Entities declared in the DOCTYPE expand up to a fixed limit; parameter
 * entities and external DTDs are never read.
 * @throws {FeedError} `parse`, with the line and column, for markup it cannot recover from.
 */
export function scanXml(src: string): XmlElement {
  const len = src.length;
  let pos = 0;
  let current: XmlElement | undefined;
  let root: XmlElement | undefined;
  let declared: Map<string, string> | undefined;
  let budget = EXPANSION_LIMIT;
  let depth = 0;
  const rootScope: Scope = Object.assign(Object.create(null) as Scope, { xml: XML_NS });

  const fail = (message: string, at: number): never => {
    let line = 1;
    let lineStart = 0;
    for (let i = src.indexOf('\n'); i >= 0 && i < at; i = src.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    throw new FeedError('parse', `Broken XML at line ${line}, column ${at - lineStart + 1}: ${message}`);
  };

  const decode = (text: string, at: number, depth = 0): string =>
    text.replace(REFERENCE, (m, dec?: string, hex?: string, name?: string) => {
      if (dec || hex) return codePointText(dec ? +dec : parseInt(hex!, 16));
      // A bare "&" is a CMS's unescaped ampersand.
      if (!name) return '&';
      const value = declared?.get(name);
      if (value !== undefined) {
        if (depth >= NESTING_LIMIT) fail(`Entities nest too deeply at &${name};`, at);
        const expanded = decode(value, at, depth + 1);
        budget -= expanded.length;
        if (budget < 0) fail('Entities expand to more text than a feed can hold', at);
        return expanded;
      }
      // An entity nobody defined stays as written, the way browsers show it.
      return namedEntity(name) ?? m;
    });

  const addText = (from: number, to: number): void => {
    if (current) {
      const text = src.slice(from, to);
      current.children.push(text.includes('&') ? decode(text, from) : text);
      return;
    }
    for (let i = from; i < to; i++) {
      if (!isSpace(src.charCodeAt(i)) && src.charCodeAt(i) !== 0xfeff) fail('Text outside the root element', i);
    }
  };

  const doctype = (start: number): number => {
    let p = start + 9;
    let quote = 0;
    let subsetStart = -1;
    for (; p < len; p++) {
      const c = src.charCodeAt(p);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 0x22 || c === 0x27) {
        quote = c;
      } else if (c === 0x5b && subsetStart < 0) {
        subsetStart = p + 1;
      } else if (c === 0x5d && subsetStart >= 0) {
        const subset = src.slice(subsetStart, p).replace(/<!--[\s\S]*?-->/g, '');
        for (const [, parameter, name, dq, sq] of subset.matchAll(DECLARATION)) {
          // Parameter entities only pull in other declarations (often HTML's, which we know anyway).
          if (parameter) continue;
          declared ??= new Map();
          if (!declared.has(name)) declared.set(name, dq ?? sq ?? '');
        }
        subsetStart = len;
      } else if (c === 0x3e && (subsetStart < 0 || subsetStart === len)) {
        return p + 1;
      }
    }
    return fail('The DOCTYPE is never closed', start);
  };

  const startTag = (lt: number): number => {
    let p = lt + 1;
    while (p < len && isNameChar(src.charCodeAt(p))) p++;
    const name = src.slice(lt + 1, p);
    let attrs = NO_ATTRIBUTES;
    let scope = current ? current.scope : rootScope;
    let selfClosing = false;
    for (;;) {
      while (p < len && isSpace(src.charCodeAt(p))) p++;
      const c = src.charCodeAt(p);
      if (c === 0x3e) {
        p++;
        break;
      }
      if (c === 0x2f && src.charCodeAt(p + 1) === 0x3e) {
        p += 2;
        selfClosing = true;
        break;
      }
      if (p >= len) fail(`The tag <${name}> is never closed`, lt);
      const nameStart = p;
      while (p < len && isNameChar(src.charCodeAt(p))) p++;
      if (p === nameStart) fail(`Unexpected "${src[p]}" in the tag <${name}>`, p);
      const attr = src.slice(nameStart, p);
      while (p < len && isSpace(src.charCodeAt(p))) p++;
      let value = '';
      if (src.charCodeAt(p) === 0x3d) {
        p++;
        while (p < len && isSpace(src.charCodeAt(p))) p++;
        const q = src.charCodeAt(p);
        if (q === 0x22 || q === 0x27) {
          const close = src.indexOf(q === 0x22 ? '"' : "'", p + 1);
          if (close < 0) fail(`An attribute of <${name}> is never closed`, p);
          value = src.slice(p + 1, close);
          p = close + 1;
        } else {
          // Unquoted, as in HTML.
          const from = p;
          while (p < len && !isSpace(src.charCodeAt(p)) && src.charCodeAt(p) !== 0x3e) p++;
          value = src.slice(from, p);
        }
        // Attribute-value normalisation comes before references, so "&#10;" survives as a line break.
        if (/[\t\n\r]/.test(value)) value = value.replace(/[\t\n\r]/g, ' ');
        if (value.includes('&')) value = decode(value, nameStart);
      }
      if (attrs === NO_ATTRIBUTES) attrs = {};
      if (!(attr in attrs)) attrs[attr] = value;
      if (attr === 'xmlns' || attr.startsWith('xmlns:')) {
        if (scope === (current ? current.scope : rootScope)) scope = Object.create(scope) as Scope;
        scope[attr.length > 5 ? attr.slice(6) : ''] = CANONICAL[value.toLowerCase()] ?? value;
      }
    }
    const colon = name.indexOf(':');
    const prefix = colon < 0 ? '' : name.slice(0, colon);
    let ns: string | null | undefined = scope[prefix];
    if (ns === undefined) ns = prefix ? (KNOWN_PREFIXES[prefix] ?? `urn:x-undeclared:${prefix}`) : null;
    const el: XmlElement = {
      name,
      local: colon < 0 ? name : name.slice(colon + 1),
      ns: ns || null,
      attrs,
      children: [],
      parent: current,
      scope,
    };
    if (current) current.children.push(el);
    else root = el;
    if (!selfClosing) {
      current = el;
      if (++depth > DEPTH_LIMIT) fail(`Elements nest more than ${DEPTH_LIMIT} deep`, lt);
    }
    return p;
  };

  while (pos < len) {
    const lt = src.indexOf('<', pos);
    const end = lt < 0 ? len : lt;
    if (end > pos) addText(pos, end);
    if (lt < 0) break;
    const c = src.charCodeAt(lt + 1);
    if (c === 0x2f) {
      let p = lt + 2;
      while (p < len && isNameChar(src.charCodeAt(p))) p++;
      const name = src.slice(lt + 2, p);
      while (p < len && isSpace(src.charCodeAt(p))) p++;
      if (src.charCodeAt(p) !== 0x3e) fail(`The end tag </${name}> is never closed`, lt);
      if (!current) fail(`</${name}> closes nothing`, lt);
      if (current!.name !== name) fail(`</${name}> where </${current!.name}> was expected`, lt);
      current = current!.parent;
      depth--;
      pos = p + 1;
      // Whatever follows the root element (a CMS's debug output, say) is not part of the feed.
      if (!current) break;
    } else if (c === 0x21) {
      if (src.startsWith('<!--', lt)) {
        const close = src.indexOf('-->', lt + 4);
        if (close < 0) fail('A comment is never closed', lt);
        pos = close + 3;
      } else if (src.startsWith('<![CDATA[', lt)) {
        const close = src.indexOf(']]>', lt + 9);
        if (close < 0) fail('A CDATA section is never closed', lt);
        if (!current) fail('A CDATA section outside the root element', lt);
        current!.children.push(src.slice(lt + 9, close));
        pos = close + 3;
      } else if (!root && /^<!DOCTYPE/i.test(src.slice(lt, lt + 9))) {
        pos = doctype(lt);
      } else {
        fail(`Unexpected markup "${src.slice(lt, lt + 9)}"`, lt);
      }
    } else if (c === 0x3f) {
      const close = src.indexOf('?>', lt + 2);
      if (close < 0) fail('A processing instruction is never closed', lt);
      pos = close + 2;
    } else if (isNameStart(c)) {
      if (!current && root) break;
      pos = startTag(lt);
      if (!current) break;
    } else {
      // A "<" that starts no markup is text ("a < b"), as an HTML reader would take it.
      if (!current) fail('Text outside the root element', lt);
      current!.children.push('<');
      pos = lt + 1;
    }
  }
  if (current) fail(`<${current.name}> is never closed`, len);
  if (!root) fail('There is no root element', len);
  return root!;
}

// ---- Reading the tree

/** The first child element with this namespace and local name. */
export function child(el: XmlElement, ns: string | null, local: string): XmlElement | undefined {
  for (const c of el.children) if (typeof c !== 'string' && c.local === local && c.ns === ns) return c;
  return undefined;
}

/** Every child element with this namespace and local name. */
export function children(el: XmlElement, ns: string | null, local: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== 'string' && c.local === local && c.ns === ns) out.push(c);
  return out;
}

/** Every descendant element with this namespace and local name, in document order. */
export function descendants(el: XmlElement, ns: string | null, local: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.local === local && c.ns === ns) out.push(c);
    descendants(c, ns, local, out);
  }
  return out;
}

/** All the text inside an element, as the DOM's textContent. */
export function textOf(el: XmlElement): string {
  const list = el.children;
  if (list.length === 1 && typeof list[0] === 'string') return list[0];
  let out = '';
  for (const c of list) out += typeof c === 'string' ? c : textOf(c);
  return out;
}

/** An attribute in a namespace (`xml:base`, `rdf:about`), whatever prefix the document gave it. */
export function attrNS(el: XmlElement, ns: string, local: string): string | undefined {
  for (const name in el.attrs) {
    const colon = name.indexOf(':');
    if (colon > 0 && name.slice(colon + 1) === local && el.scope[name.slice(0, colon)] === ns) return el.attrs[name];
  }
  return undefined;
}

const VOID = /^(?:area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr)$/;
const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** The markup inside an element, as HTML: XHTML elements lose their prefix and namespace declarations. */
export function innerHtml(el: XmlElement, xhtml: string): string {
  let out = '';
  for (const c of el.children) {
    if (typeof c === 'string') {
      out += escapeText(c);
      continue;
    }
    const name = c.ns === xhtml ? c.local : c.name;
    out += `<${name}`;
    for (const attr in c.attrs) {
      if (c.ns === xhtml && (attr === 'xmlns' || attr.startsWith('xmlns:')) && c.attrs[attr] === xhtml) continue;
      out += ` ${attr}="${escapeAttr(c.attrs[attr])}"`;
    }
    out += VOID.test(name) ? '>' : `>${innerHtml(c, xhtml)}</${name}>`;
  }
  return out;
}
