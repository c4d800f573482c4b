/**
 * `cdn/news-widgets.js`, the file the README's snippet loads: `<news-list>` with everything it needs in one file,
 * and the other elements (`<news-article>`, `<click-counter>`) in one lazy chunk beside it, fetched when the page
 * has such a tag, now or when a script adds one later. A list page fetches one file: no loader to wait for first.
 */
export * from './cdn-list.js';

const NEEDS_REST = 'news-article,click-counter';

let rest: Promise<unknown> | undefined;

/**
 * Loads what `root` (the document by default) uses. Elements inside other shadow roots (an app's own components)
 * are out of sight of the page-wide observer: call this with that shadow root.
 */
export function discover(root: ParentNode = document): Promise<void> {
  const wanted = (root as Element).matches?.(NEEDS_REST) || root.querySelector(NEEDS_REST);
  return wanted ? (rest ??= import('./cdn-rest.js')).then(() => undefined) : Promise.resolve();
}

// A module script runs once the page is parsed, so the tags it has are known now.
void discover();
if (!rest) {
  // An article or a counter that a CMS, a framework or a script adds later.
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of Array.from(record.addedNodes)) if (node.nodeType === 1) void discover(node as Element);
    }
    if (rest) observer.disconnect();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}
