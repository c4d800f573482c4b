/** The feed lifecycle every element shares: load, abort, retry, stored copies, refresh, and one explicit state. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { feedCache } from '../feed/feed-cache.js';
import { FeedError } from '../feed/feed-error.js';
import { mergeFeeds } from '../feed/select.js';
import type { NewsFeed } from '../feed/types.js';
import { NewsLoadEvent, reportError } from '../events.js';
import type { RefreshController } from './refresh-controller.js';
import { langOf } from '../format/locale.js';

/**
 * Where an element's feed stands. Content, when there is some, is in `feed`; a request may be under way in any
 * state (`FeedController.busy`) without the content leaving the screen.
 * - `idle`: nothing to load (the element was given its data as a property).
 * - `loading`: the first load, with nothing to show yet.
 * - `ready`: the feed (or the merged feeds) loaded.
 * - `partial`: several feeds, some of which failed: the others show, with a notice.
 * - `stale`: the last good content shows, but the latest load failed.
 * - `failed`: nothing to show: the load failed, or the element has no usable address (`config`).
 */
export type FeedState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly feed: NewsFeed }
  | { readonly status: 'partial'; readonly feed: NewsFeed; readonly errors: readonly FeedError[] }
  | { readonly status: 'stale'; readonly feed: NewsFeed; readonly error: FeedError }
  | { readonly status: 'failed'; readonly error: FeedError };

export type FeedStatus = FeedState['status'];

/** The feed of a state, if it has one. */
export const feedOf = (state: FeedState): NewsFeed | undefined => ('feed' in state ? state.feed : undefined);

type Host = ReactiveControllerHost & HTMLElement;

/** One address of a `src`: absolute, and its template when it holds `{lang}` (see `feed-languages.ts`). */
interface Source {
  url: string;
  template?: string;
}

/** A `src` read into absolute addresses (`{lang}` standing for `lang`), or the reason it can't be. */
function addresses(src: string, lang: string): Source[] | FeedError {
  const parts = src.trim().split(/\s+/).filter(Boolean);
  if (!parts.length) {
    return new FeedError('config', 'No feed address: set the src attribute (or give the data as a property)');
  }
  const urls: Source[] = [];
  for (const part of parts) {
    const template = part.includes('{lang}') ? part : undefined;
    let url: URL;
    try {
      url = new URL(part.split('{lang}').join(encodeURIComponent(lang)), document.baseURI);
    } catch {
      return new FeedError('config', `"${part}" is not a valid feed address`, { url: part });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return new FeedError('config', `"${part}" is not a web address (http or https)`, { url: part });
    }
    if (!urls.some((seen) => seen.url === url.href)) urls.push({ url: url.href, template });
  }
  return urls;
}

export class FeedController implements ReactiveController {
  /** Where the feed stands: the one value the element renders from. */
  state: FeedState = { status: 'idle' };
  /** A request is under way. */
  get busy(): boolean {
    return !!this.request;
  }

  /** Loaded with its module only when the element asks for refreshes: most lists never do. */
  private refresher?: RefreshController;
  private refreshSeconds = 0;
  private key?: string;
  private urls: Source[] = [];
  /** The element's language, when an address holds `{lang}`. */
  private lang = '';
  private timeZone?: string;
  private request?: AbortController;
  /** A load was cut short by a disconnect: it starts again on reconnection. */
  private interrupted = false;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  /** Seconds between refreshes while the element is visible (at least 10); 0 never refreshes. */
  set refresh(seconds: number) {
    if (seconds === this.refreshSeconds) return;
    this.refreshSeconds = seconds;
    if (this.refresher) this.refresher.interval = seconds;
    else if (seconds > 0) {
      void import('./refresh-controller.js').then(({ RefreshController }) => {
        this.refresher ??= new RefreshController(this.host, async () => (await this.load(true)) !== false);
        this.refresher.interval = this.refreshSeconds;
      });
    }
  }

  /**
   * Points the controller at `src` (space-separated addresses), read in `timeZone`; `undefined` means the element
   * has its data already and loads nothing. `{lang}` in an address stands for the element's language, and missing
   * feeds (404) are looked for down the language fallback chain. Call it before every render: only a change (of
   * `src`, or of the language it names) starts a load.
   */
  setSource(src: string | undefined, timeZone?: string): void {
    const lang = src?.includes('{lang}') ? langOf(this.host) : '';
    const key = src === undefined ? undefined : `${src.trim()} ${timeZone ?? ''} ${lang}`;
    if (key === this.key) return;
    this.key = key;
    this.abort();
    this.timeZone = timeZone;
    this.urls = [];
    if (src === undefined) {
      this.state = { status: 'idle' };
      return;
    }
    this.lang = lang;
    const urls = addresses(src, lang);
    if (urls instanceof FeedError) {
      this.state = { status: 'failed', error: urls };
      // An editor's mistake: say it where the editor looks, and to the host page.
      reportError(this.host, urls, this.host);
      return;
    }
    this.urls = urls;
    // Stored copies (this page's, or an earlier visit's) show at once while the feeds are fetched again.
    const stored = urls.map(({ url }) => feedCache.peek(url, timeZone));
    this.state = stored.every(Boolean)
      ? { status: 'ready', feed: mergeFeeds(stored as NewsFeed[]) }
      : { status: 'loading' };
    if (this.host.isConnected) void this.loadAndSchedule();
  }

  /** Fetches again now (otherwise feeds are shared with other elements on the page); resolves when settled. */
  reload(): Promise<void> {
    return this.loadAndSchedule(true);
  }

  hostConnected(): void {
    // Reconnected after a move in the DOM: a load cut short by the disconnect starts again.
    if (this.interrupted) {
      this.interrupted = false;
      void this.loadAndSchedule();
    }
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.onOnline);
    this.interrupted = this.busy;
    this.abort();
  }

  /** A load outside the refresh schedule; its outcome sets the next refresh (failures back off). */
  private async loadAndSchedule(force = false): Promise<void> {
    const ok = await this.load(force);
    if (ok !== undefined) this.refresher?.settled(ok);
  }

  /** Readers who were offline are told the news loads when they are back: it does. */
  private readonly onOnline = () => void this.loadAndSchedule();

  private abort(): void {
    this.request?.abort();
    this.request = undefined;
  }

  /** One load of every address; resolves to whether all of them succeeded, or undefined when cancelled. */
  private async load(force = false): Promise<boolean | undefined> {
    const urls = this.urls;
    if (!urls.length) return undefined;
    this.request?.abort();
    const request = new AbortController();
    this.request = request;
    this.host.requestUpdate();
    const { signal } = request;
    const load = (url: string) => feedCache.load(url, { signal, force, timeZone: this.timeZone });
    const results = await Promise.allSettled(
      urls.map(({ url, template }) =>
        template
          ? import('./feed-languages.js').then((feeds) => feeds.loadInLanguage(template, this.lang, load))
          : load(url),
      ),
    );
    if (signal.aborted || this.request !== request) return undefined;
    this.request = undefined;
    const feeds = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const errors = results.flatMap((r) => (r.status === 'rejected' ? [FeedError.from(r.reason)] : []));
    const shown = feedOf(this.state);
    if (feeds.length) {
      const feed = mergeFeeds(feeds);
      this.state = errors.length ? { status: 'partial', feed, errors } : { status: 'ready', feed };
    } else {
      this.state = shown ? { status: 'stale', feed: shown, error: errors[0] } : { status: 'failed', error: errors[0] };
    }
    this.host.requestUpdate();
    if (feeds.length) this.host.dispatchEvent(new NewsLoadEvent(feedOf(this.state)!));
    if (errors.length && navigator.onLine === false) window.addEventListener('online', this.onOnline, { once: true });
    for (const error of errors) {
      // Readers see one short sentence; the editor's detail (cause, address) goes where editors look.
      reportError(this.host, error, error.url ?? '', this.host);
    }
    return !errors.length;
  }
}
