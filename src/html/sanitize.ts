/** Feed HTML made safe to show: the browser's Sanitizer where it has one, DOMPurify (loaded lazily) elsewhere. */
import { safeImageUrl, safeLinkUrl } from './url-policy.js';

/** Elements an article may keep: text structure, lists, quotes, figures, tables, code and images. */
const ELEMENTS = [
  'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'blockquote', 'q', 'cite', 'figure', 'figcaption', 'img', 'a', 'strong', 'b', 'em', 'i', 'u', 's',
  'del', 'ins', 'mark', 'small', 'sub', 'sup', 'code', 'pre', 'kbd', 'samp', 'var', 'abbr', 'time',
  'span', 'div', 'section', 'article', 'header', 'footer', 'aside', 'address', 'table', 'caption',
  'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'colgroup', 'col', 'wbr',
]; // prettier-ignore

/** Attributes they may keep. No `style`, `class`, `id`, `srcset`, `ping`, and never an event handler. */
const ATTRIBUTES = [
  'href', 'src', 'alt', 'title', 'width', 'height', 'colspan', 'rowspan', 'scope', 'headers', 'lang',
  'dir', 'datetime', 'cite', 'start', 'reversed', 'type', 'abbr', 'span', 'value',
]; // prettier-ignore

/** Removed with their content whatever the sanitiser decided: they can change the page, not the article. */
const FORBIDDEN =
  'script,style,base,meta,link,iframe,frame,frameset,object,embed,applet,form,input,button,select,textarea,option,svg,math,template,noscript';

export interface SanitizeOptions {
  /** Address the article's relative links and images resolve against (the item's link, then the feed's). */
  baseUrl?: string;
  /** Use DOMPurify even where the browser has `Element.setHTML` (for tests, and for browsers whose Sanitizer misbehaves). */
  forceFallback?: boolean;
  /**
   * Called when the sanitiser gives up on the HTML (DOMPurify returns nothing for some hostile documents) or
   * cannot load: the result is then an empty fragment, never the unsanitised HTML and never a rejection.
   */
  onError?: (error: unknown) => void;
}

/** Whether the browser can sanitise by itself (`Element.setHTML`). */
export const hasNativeSanitizer = (): boolean =>
  typeof (Element.prototype as { setHTML?: unknown }).setHTML === 'function';

type SetHTML = (html: string, options: { sanitizer: { elements: string[]; attributes: string[] } }) => void;

/**
 * Parses untrusted HTML into an inert fragment with only safe elements, attributes and URLs; insert the
 * fragment itself (never re-serialise it to a string: re-parsing is how mutation XSS gets in).
 */
export async function sanitizeHtml(html: string, options: SanitizeOptions = {}): Promise<DocumentFragment> {
  let fragment: DocumentFragment;
  try {
    if (hasNativeSanitizer() && !options.forceFallback) {
      // Parsed in a document of its own, which is inert: nothing loads or runs while the nodes are checked.
      const holder = document.implementation.createHTMLDocument('').createElement('div');
      (holder as unknown as { setHTML: SetHTML }).setHTML(html, {
        sanitizer: { elements: ELEMENTS, attributes: ATTRIBUTES },
      });
      fragment = holder.ownerDocument.createDocumentFragment();
      fragment.append(...Array.from(holder.childNodes));
    } else {
      const { default: DOMPurify } = await import('dompurify');
      const result: unknown = DOMPurify.sanitize(html, {
        USE_PROFILES: { html: true },
        FORBID_TAGS: FORBIDDEN.split(','),
        FORBID_ATTR: ['style', 'srcset', 'ping', 'class', 'id'],
        ALLOW_DATA_ATTR: false,
        RETURN_DOM_FRAGMENT: true,
      });
      // A document such as <frameset onload=...> leaves DOMPurify with nothing to return.
      if (!result || (result as Node).nodeType !== Node.DOCUMENT_FRAGMENT_NODE) {
        throw new Error('The sanitiser returned no content for this HTML');
      }
      fragment = result as DocumentFragment;
    }
    finish(fragment, options.baseUrl ?? document.baseURI);
  } catch (error) {
    options.onError?.(error);
    return document.createDocumentFragment();
  }
  return fragment;
}

/** The pass after either sanitiser: our own rules for URLs, links and images, whatever the sanitiser allowed. */
function finish(root: DocumentFragment, baseUrl: string): void {
  root.querySelectorAll(FORBIDDEN).forEach((el) => el.remove());
  for (const el of Array.from(root.querySelectorAll('*'))) {
    // The same allow-list on both paths: an element outside it gives way to its content.
    if (!ELEMENTS.includes(el.localName)) {
      el.replaceWith(...Array.from(el.childNodes));
      continue;
    }
    for (const { name } of Array.from(el.attributes)) {
      if (!ATTRIBUTES.includes(name.toLowerCase())) el.removeAttribute(name);
    }
    for (const name of ['href', 'src', 'cite']) {
      const value = el.getAttribute(name);
      if (value === null) continue;
      const url = name === 'src' ? safeImageUrl(value, baseUrl) : safeLinkUrl(value, baseUrl);
      if (url) el.setAttribute(name, url);
      else el.removeAttribute(name);
    }
    if (el.localName === 'a' && el.hasAttribute('href')) {
      el.setAttribute('rel', 'noopener noreferrer nofollow ugc');
    } else if (el.localName === 'img') {
      if (!el.hasAttribute('src')) {
        el.remove();
        continue;
      }
      el.setAttribute('loading', 'lazy');
      el.setAttribute('decoding', 'async');
      el.setAttribute('referrerpolicy', 'no-referrer');
    }
  }
}
