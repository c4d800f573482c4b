/**
 * `cdn/news-widgets.js`, the file the README's snippet loads: `<news-list>` with everything it needs in one file,
 * and the other elements (`<news-article>`, `<click-counter>`) in one lazy chunk beside it, fetched when the page
 * has such a tag, now or when a script adds one later. A list page fetches one file: no loader to wait for first.
 * `<news-config>` is a small file of its own (no Lit, no element code), fetched only by pages that have one.
 */
export * from './cdn-list.js';
// A promise of the public API: page scripts and tests import the synchronous parser from the snippet's file. It
// carries every reader, so feeds of any format show from this file without another fetch.
export { parseFeed } from './feed/parse-feed.js';

const NEEDS_REST = 'news-article,click-counter';

let rest: Promise<unknown> | undefined;
let config: Promise<unknown> | undefined;
const has = (root: ParentNode, tags: string) => (root as Element).matches?.(tags) || root.querySelector(tags);

/**
 * Loads what `root` (the document by default) uses. Elements inside other shadow roots (an app's own components)
 * are out of sight of the page-wide observer: call this with that shadow root.
 */
export function discover(root: ParentNode = document): Promise<void> {
  if (has(root, NEEDS_REST)) rest ??= import('./cdn-rest.js');
  // The self-contained cdn/news-config.js, also for pages that load the other files directly; a computed address
  // keeps the bundler from copying it into a chunk.
  if (has(root, 'news-config')) config ??= import(new URL('./news-config.js', import.meta.url).href);
  return Promise.all([rest, config]).then(() => undefined);
}

// A module script runs once the page is parsed, so the tags it has are known now.
void discover();
if (!rest || !config) {
  // An article, a counter or a config that a CMS, a framework or a script adds later.
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of Array.from(record.addedNodes)) if (node.nodeType === 1) void discover(node as Element);
    }
    if (rest && config) observer.disconnect();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}
