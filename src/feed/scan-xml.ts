/** Reads XML into a small element tree with namespaces resolved: no DOM, the same result in every engine. */
import { FeedError } from './feed-error.js';
import { namedEntity } from './entities.js';
import { codePointText } from './text.js';

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
  /** Where the content starts and ends in the source. */
  start: number;
  end: number;
  /** The whole document, on the root element only. */
  source?: string;
}

const ITUNES = 'http://www.itunes.com/dtds/podcast-1.0.dtd';
/** Prefixes CMS templates use without declaring them; a prefix nobody knows gets a namespace of its own. */
const KNOWN: Scope = Object.assign(Object.create(null) as Scope, {
  xml: 'http://www.w3.org/XML/1998/namespace',
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  itunes: ITUNES,
  media: 'http://search.yahoo.com/mrss/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
});

/** Characters all entity references of a document may expand to, together: a bound on "billion laughs". */
const EXPANSION_LIMIT = 1 << 20;
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({});
/** Deeper trees are no feed, and walking them would exhaust the stack. */
const DEPTH_LIMIT = 512;

// One token at a time: comment, CDATA, processing instruction, DOCTYPE (internal subset), end tag, start tag
// (attributes; unquoted and valueless ones too, as HTML writes them), or text (from a "<" that starts no markup).
const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE\s(?:[^[>"']|"[^"]*"|'[^']*')*(?:\[((?:[^\]"']|"[^"]*"|'[^']*')*)\]\s*)?>|<\/([^\s>]+)\s*>|<([A-Za-z_:\u0080-\uffff][^\s/>]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*(\/?)>|(?:<(?![!?/A-Za-z_:\u0080-\uffff]))?[^<]+|<(?![!?/A-Za-z_:\u0080-\uffff])/y;
const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
const ENTITY = /<!ENTITY\s+(%\s+)?(\S+)\s+(?:"([^"]*)"|'([^']*)')/g;
const REFERENCE = /&(?:#(\d{1,8})|#[xX]([\da-fA-F]{1,8})|([A-Za-z_:][\w.:-]*));|&/g;

/**
 * Parses a whole document and returns its root element. Beyond XML, it reads what feeds get wrong: HTML
 * named entities, bare `&`, a stray `<` in text, unquoted or valueless attributes, undeclared prefixes and
 * anything after the root element. Entities declared in the DOCTYPE expand up to a fixed limit; parameter
 * entities and external DTDs are never read.
 * @throws {FeedError} `parse`, with the line and column, for markup it cannot recover from.
 */
export function scanXml(src: string): XmlElement {
  let current: XmlElement | undefined;
  let root: XmlElement | undefined;
  let declared: Map<string, string> | undefined;
  let budget = EXPANSION_LIMIT;
  let depth = 0;
  let pos = 0;
  let m: RegExpExecArray | null = null;

  const fail = (message: string, at = pos): never => {
    const lines = src.slice(0, at).split('\n');
    throw new FeedError(
      'parse',
      `Broken XML at line ${lines.length}, column ${lines[lines.length - 1].length + 1}: ${message}`,
    );
  };

  const decode = (text: string, nesting = 0): string =>
    text.replace(REFERENCE, (ref, dec?: string, hex?: string, name?: string) => {
      if (dec || hex) return codePointText(dec ? +dec : parseInt(hex!, 16));
      // A bare "&" is a CMS's unescaped ampersand.
      if (!name) return '&';
      const value = declared?.get(name);
      if (value === undefined) return namedEntity(name) ?? ref;
      const expanded = nesting < 8 ? decode(value, nesting + 1) : '';
      if ((budget -= expanded.length) < 0 || nesting >= 8) fail('entity expansion limit');
      return expanded;
    });

  // A regular expression's backtracking stack overflows on a tag of a million attributes: no feed has one.
  const next = (): RegExpExecArray | null => {
    try {
      return TOKEN.exec(src);
    } catch {
      return fail('markup too complex');
    }
  };

  TOKEN.lastIndex = 0;
  while (pos < src.length && (m = next())) {
    const [token, cdata, subset, end, name, attributes, selfClosing] = m;
    if (end !== undefined) {
      if (end !== current?.name) fail(`</${end}> where ${current ? `</${current.name}>` : 'nothing'} was expected`);
      current!.end = pos;
      current = current!.parent;
      depth--;
      // Whatever follows the root element (a CMS's debug output, say) is not part of the feed.
      if (!current) break;
    } else if (name) {
      if (!current && root) break;
      const attrs: Record<string, string> = attributes ? {} : NO_ATTRIBUTES;
      let scope = current?.scope ?? KNOWN;
      for (const [, attr, dq, sq, bare] of attributes ? attributes.matchAll(ATTRIBUTE) : []) {
        // Attribute-value normalisation comes before references, so "&#10;" survives as a line break.
        let value = (dq ?? sq ?? bare ?? '').replace(/[\t\n\r]/g, ' ');
        if (value.includes('&')) value = decode(value);
        if (!Object.hasOwn(attrs, attr)) attrs[attr] = value;
        if (/^xmlns(:|$)/.test(attr)) {
          if (scope === (current?.scope ?? KNOWN)) scope = Object.create(scope) as Scope;
          // The iTunes namespace is spelled with capitals ("DTDs/PodCast") as often as without.
          scope[attr.slice(6)] = value.toLowerCase() === ITUNES ? ITUNES : value;
        }
      }
      const colon = name.indexOf(':');
      const prefix = colon < 0 ? '' : name.slice(0, colon);
      const el: XmlElement = {
        name,
        local: name.slice(colon + 1),
        ns: scope[prefix] || (prefix ? `urn:x-undeclared:${prefix}` : null),
        attrs,
        children: [],
        parent: current,
        scope,
        start: TOKEN.lastIndex,
        end: TOKEN.lastIndex,
      };
      if (current) current.children.push(el);
      root ??= Object.assign(el, { source: src });
      if (!selfClosing) {
        current = el;
        if (++depth > DEPTH_LIMIT) fail('nesting limit');
      }
      if (!current) break;
    } else if (cdata !== undefined || (token[1] !== '!' && token[1] !== '?') || token[0] !== '<') {
      // Text, CDATA, or a "<" that starts no markup ("a < b"), which is text as an HTML reader takes it.
      if (current) {
        const text = cdata ?? (token.includes('&') ? decode(token) : token);
        const list = current.children;
        // One string per run of text, however many pieces it came in.
        if (typeof list[list.length - 1] === 'string') list[list.length - 1] += text;
        else list.push(text);
      } else if (cdata !== undefined || /[^\s\uFEFF]/.test(token)) fail('text outside the root');
    } else if (subset !== undefined && !root) {
      for (const [, parameter, entity, dq, sq] of subset.replace(/<!--[\s\S]*?-->/g, '').matchAll(ENTITY)) {
        // Parameter entities only pull in other declarations (often HTML's, which we know anyway).
        if (!parameter && !declared?.has(entity)) (declared ??= new Map()).set(entity, dq ?? sq);
      }
    }
    pos = TOKEN.lastIndex;
  }
  if (pos < src.length && !m) fail(`broken markup ${src.slice(pos, pos + 12)}`);
  if (current) fail(`<${current.name}> never closed`, src.length);
  return root ?? fail('no root element');
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

/** The markup inside an element as written (entities and all), without XHTML namespace declarations. */
export function innerHtml(el: XmlElement): string {
  let root = el;
  while (root.parent) root = root.parent;
  return root.source!.slice(el.start, el.end).replace(/ xmlns="http:\/\/www\.w3\.org\/1999\/xhtml"/g, '');
}
