import { expect } from '@open-wc/testing';
import { parseFeed } from '../../src/feed/parse-feed.js';
import { sanitizeHtml } from '../../src/html/sanitize.js';
import type { NewsList } from '../../src/news-list/news-list.js';
import type { NewsArticle } from '../../src/news-article/news-article.js';
import '../../src/define.js';

const corpusDir = 'feedparser/tests/wellformed/sanitize';
const FORBIDDEN =
  'script, style, iframe, frame, object, embed, applet, base, meta, link, form, input, select, textarea, svg, math, template';
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'cite'];

/** Everything a hostile feed must not leave in our DOM; returns what it found. */
function findActiveContent(root: ParentNode, where: string): string[] {
  const found: string[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (el.matches(FORBIDDEN)) found.push(`${where}: <${el.localName}>`);
    if (el.localName === 'button' && !el.hasAttribute('part')) found.push(`${where}: <button> from the feed`);
    for (const name of el.getAttributeNames()) {
      const value = el.getAttribute(name) ?? '';
      if (name.startsWith('on')) found.push(`${where}: ${name} on <${el.localName}>`);
      if (name === 'style' || name === 'srcset' || name === 'ping') found.push(`${where}: ${name}=`);
      if (URL_ATTRIBUTES.includes(name) && !/^(https?:|mailto:)/i.test(value.trim())) {
        found.push(`${where}: ${name}="${value.slice(0, 40)}"`);
      }
    }
  }
  return found;
}

describe('hostile feeds', () => {
  it('are caught by the checker when left unsanitised (so a pass means something)', async () => {
    const xml = await (await fetch('/test-api/feed?file=hostile/vectors.xml')).text();
    const raw = document.createElement('template');
    raw.innerHTML = parseFeed(xml)
      .items.map((item) => item.contentHtml)
      .join('');
    const found = findActiveContent(raw.content, 'raw').join(' ');
    for (const sign of [
      '<script>',
      'onerror',
      '<iframe>',
      '<base>',
      '<meta>',
      'style=',
      'href="javascript:',
      '<svg>',
    ]) {
      expect(found).to.contain(sign);
    }
  });

  it('execute nothing and leave no active content in <news-list> or <news-article>', async function () {
    this.timeout(120_000);
    const calls: string[] = [];
    const w = window as unknown as Record<string, unknown>;
    const saved = { alert: w.alert, confirm: w.confirm, prompt: w.prompt };
    w.alert = w.confirm = w.prompt = (...args: unknown[]) => calls.push(`dialog ${String(args[0])}`);
    Object.defineProperty(window, '__pwned', {
      configurable: true,
      set: (v) => calls.push(`__pwned=${v}`),
      get: () => undefined,
    });

    const names: string[] = await (await fetch(`/test-api/corpus/list?dir=${corpusDir}`)).json();
    const sources = names.map((name) => ({ name, url: `/test-api/corpus/file?path=${corpusDir}/${name}` }));
    sources.push({ name: 'own vectors', url: '/test-api/feed?file=hostile/vectors.xml' });

    const list = document.createElement('news-list') as NewsList;
    list.limit = 50;
    const article = document.createElement('news-article') as NewsArticle;
    document.body.append(list, article);
    const problems: string[] = [];
    let feeds = 0;
    let bodies = 0;
    try {
      for (const { name, url } of sources) {
        const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
        let feed;
        try {
          feed = parseFeed(bytes, { url: `https://feeds.example/sanitize/${name}` });
        } catch {
          continue; // not a feed we can read: nothing to render
        }
        feeds += 1;
        list.feed = feed;
        await list.updateComplete;
        problems.push(...findActiveContent(list.shadowRoot!, `${name} list`));
        for (const item of feed.items) {
          article.item = item;
          await article.contentComplete;
          problems.push(...findActiveContent(article.shadowRoot!, `${name} article`));
          if (item.contentHtml) {
            bodies += 1;
            const fallback = await sanitizeHtml(item.contentHtml, { baseUrl: item.url, forceFallback: true });
            problems.push(...findActiveContent(fallback, `${name} DOMPurify`));
          }
        }
      }
      // Handlers such as onerror would fire once images fail: give them the time to.
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      list.remove();
      article.remove();
      Object.assign(w, saved);
      delete w.__pwned;
    }
    console.log(
      `hostile feeds: ${sources.length} files tried, ${feeds} rendered, ${bodies} article bodies through both sanitisers; ${problems.length} problems, ${calls.length} script runs`,
    );
    expect(sources.length).to.be.greaterThan(700);
    expect(feeds).to.be.greaterThan(700);
    expect(problems).to.deep.equal([]);
    expect(calls).to.deep.equal([]);
  });
});
