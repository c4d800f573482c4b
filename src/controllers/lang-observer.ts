/** One observer per document for changes of any `lang` attribute, `<html lang>` included, shared by every element. */

type Listener = () => void;
const listeners = new Set<Listener>();
let observer: MutationObserver | undefined;

/**
 * Calls `listener` after any `lang` attribute in the document changes (a language switcher on the page, a CMS
 * that sets `<html lang>` late). Returns the unsubscribe function; the observer stops with the last listener.
 */
export function observeLang(listener: Listener): () => void {
  listeners.add(listener);
  if (!observer && typeof MutationObserver === 'function') {
    observer = new MutationObserver(() => listeners.forEach((l) => l()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  return () => {
    listeners.delete(listener);
    if (!listeners.size) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}
