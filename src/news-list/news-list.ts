/** <news-list>: a feed's latest items as a list, a grid of cards or a compact list, with every state a reader meets. */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { NewsElement } from '../news-element.js';
import { newsListStyles } from './news-list.styles.js';
import { feedCache } from '../feed/feed-cache.js';
import { FeedError } from '../feed/feed-error.js';
import { resolveUrl } from '../feed/urls.js';
import { truncate } from '../feed/text.js';
import { DEFAULT_TIME_ZONE } from '../feed/dates.js';
import type { NewsFeed, NewsItem } from '../feed/types.js';
import { NewsErrorEvent, NewsLoadEvent, NewsSelectEvent } from '../events.js';
import { LocaleController } from '../format/locale-controller.js';
import { describeError } from '../format/errors.js';
import { formatNewsDate, isLive, onMinute, type DateStyle } from '../format/dates.js';
import type { Messages } from '../format/messages.js';

export type NewsListLayout = 'list' | 'grid' | 'compact';

const layouts: readonly NewsListLayout[] = ['list', 'grid', 'compact'];
const dateStyles: readonly DateStyle[] = ['relative', 'short', 'long'];

/**
 * Shows the latest items of an RSS, Atom or JSON feed: titles, dates, summaries and thumbnails.
 *
 * @summary A news feed as a list, a grid of cards or a compact list.
 * @tag news-list
 *
 * @slot - Fallback markup, such as a link to the news page: shown before the list renders, while it loads, and
 *   under the error message when the feed cannot be read.
 *
 * @fires {NewsLoadEvent} news-load - The feed was fetched and shown. `event.feed` is the `NewsFeed`.
 * @fires {NewsErrorEvent} news-error - The feed could not be fetched or read. `event.error` is a `FeedError` with a `code`.
 * @fires {NewsSelectEvent} news-select - The reader chose an item (`event.item`, `event.href`). Cancelable: call
 *   `preventDefault()` to show the article in-page instead of following the link.
 *
 * @csspart list - The `<ul>` holding the items.
 * @csspart item - One news item (`<li>`).
 * @csspart image - The item's thumbnail `<img>`.
 * @csspart title - The item's title: a link (`<a>`) when the item has an address.
 * @csspart date - The item's date: a `<time datetime>`.
 * @csspart summary - The item's summary paragraph.
 * @csspart status - The empty, error and stale-content messages.
 * @csspart button - The "More" and "Retry" buttons.
 * @csspart counter - The item's `<click-counter>`, with `show-clicks`.
 *
 * @cssprop [--news-font-family=inherit] - Font of the whole widget.
 * @cssprop [--news-color-text=inherit] - Text colour.
 * @cssprop [--news-color-muted=currentColor at 70%] - Colour of dates and summaries.
 * @cssprop [--news-color-accent=#1a56db] - Colour of links on hover, buttons and focus rings.
 * @cssprop [--news-color-surface=transparent] - Background of cards and messages.
 * @cssprop [--news-color-border=currentColor at 14%] - Borders, separators and loading placeholders.
 * @cssprop [--news-radius=8px] - Corner radius of cards, images, buttons and messages.
 * @cssprop [--news-space=1rem] - Base spacing unit.
 * @cssprop [--news-list-gap=var(--news-space)] - Space between items.
 * @cssprop [--news-list-columns-min=16rem] - Narrowest column of the `grid` layout.
 * @cssprop [--news-list-image-ratio=16 / 9] - Aspect ratio of thumbnails.
 * @cssprop [--news-list-image-width=8rem] - Width of thumbnails in the `list` layout.
 */
export class NewsList extends NewsElement {
  static override defaultTag = 'news-list';
  static override styles = [NewsElement.styles, newsListStyles];

  /**
   * Address of the feed (RSS 2.0, RSS 1.0, Atom or JSON Feed), absolute or relative to the page. Several
   * addresses, separated by spaces, show as one list: newest first, each item once.
   */
  @property() src = '';

  /** Most items to show. */
  @property({ type: Number }) limit = 10;

  /** `list` (thumbnail beside text), `grid` (cards) or `compact` (one line per item). */
  @property() layout: NewsListLayout = 'list';

  /** How dates read: `relative` ("3 hours ago", for the last 30 days), `short` or `long`. */
  @property({ attribute: 'date-style' }) dateStyle: DateStyle = 'short';

  /**
   * Link of each item, as a template: `{id}` and `{url}` are replaced by the item's id and link (URL-encoded),
   * e.g. `article.html?id={id}`. Without it, items link to their own address.
   */
  @property({ attribute: 'article-href' }) articleHref = '';

  /** Shows only items in this category (compared without regard to case). */
  @property() category = '';

  /** Items per page: the first page shows this many and a "More" button shows the next. 0 shows all at once. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 0;

  /**
   * Re-fetches the feed every this many seconds (at least 10) while the list is on screen and the page visible;
   * after failures the wait doubles, up to 16 times. 0 never does.
   */
  @property({ type: Number }) refresh = 0;

  /** Longest summary, in characters: longer ones are cut at a word boundary with "…". */
  @property({ type: Number, attribute: 'summary-length' }) summaryLength = 160;

  /** Time zone of feed dates that carry none, as an offset such as `+03:00`. Default `+08:00`. */
  @property({ attribute: 'time-zone' }) timeZone = DEFAULT_TIME_ZONE;

  /** Shows each item's view count (a `<click-counter>`) from the counter server at `counter-endpoint`. */
  @property({ type: Boolean, attribute: 'show-clicks' }) showClicks = false;

  /** Base URL of the counter server for `show-clicks`. */
  @property({ attribute: 'counter-endpoint' }) counterEndpoint = '';

  /** A feed to show instead of fetching `src`. */
  @property({ attribute: false }) feed?: NewsFeed;

  /** Items to show instead of fetching `src`; takes precedence over `feed`. */
  @property({ attribute: false }) items?: NewsItem[];

  @state() private fetched?: NewsFeed;
  @state() private error?: FeedError;
  /** Feeds of a several-feed `src` that failed while others loaded. */
  @state() private partialErrors: FeedError[] = [];
  @state() private loading = false;
  @state() private pages = 1;
  @state() private failedImages = new Set<string>();

  private readonly locale = new LocaleController(this);
  private controller?: AbortController;
  private refreshTimer?: ReturnType<typeof setTimeout>;
  /** Failed loads in a row: each doubles the refresh interval. */
  private failures = 0;
  /** A refresh fell due while the list was hidden: it runs when the list shows again. */
  private refreshDue = false;
  private onScreen = true;
  private observer?: IntersectionObserver;
  private readonly onVisibility = () => this.refreshIfDue();
  private stopClock?: () => void;
  private focusIndex = -1;

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected after a move in the DOM: the load aborted on disconnect starts again.
    if (this.hasUpdated && !this.fetched && this.src) this.load();
    this.startRefresh();
    document.addEventListener('visibilitychange', this.onVisibility);
    if (typeof IntersectionObserver === 'function') {
      this.observer = new IntersectionObserver((entries) => {
        this.onScreen = entries[entries.length - 1].isIntersecting;
        this.refreshIfDue();
      });
      this.observer.observe(this);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
    this.controller = undefined;
    this.loading = false;
    this.stopRefresh();
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.observer?.disconnect();
    this.observer = undefined;
    this.stopClock?.();
    this.stopClock = undefined;
  }

  /** Fetches the feed again now (it is otherwise shared with other lists of the same feed on the page). */
  reload(): Promise<void> {
    return this.load(true);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Pages that load only the list bundle get the counter element when they ask for counts.
    if (this.showClicks && !customElements.get('click-counter')) {
      import('../click-counter/click-counter.js').then(({ ClickCounter }) => ClickCounter.define());
    }
    if (changed.has('src') || changed.has('timeZone')) {
      // Stored copies (this page's, or an earlier visit's) show at once while the feeds are fetched.
      const stored = this.sources().map((url) => feedCache.peek(url, this.timeZone));
      this.fetched = stored.every(Boolean) && stored.length ? mergeFeeds(stored as NewsFeed[]) : undefined;
      this.error = undefined;
      this.partialErrors = [];
      this.pages = 1;
      this.load();
    }
    if (changed.has('category') || changed.has('pageSize') || changed.has('limit')) this.pages = 1;
    if (changed.has('refresh')) this.startRefresh();
    this.updateClock();
  }

  protected override updated(): void {
    if (this.focusIndex >= 0) {
      this.renderRoot.querySelector<HTMLElement>(`[data-index="${this.focusIndex}"] [part~="title"]`)?.focus();
      this.focusIndex = -1;
    }
  }

  /** The absolute addresses in `src`. */
  private sources(): string[] {
    const urls = (this.src ?? '').trim().split(/\s+/).filter(Boolean);
    return [...new Set(urls.map((src) => new URL(src, document.baseURI).href))];
  }

  private async load(force = false): Promise<void> {
    this.controller?.abort();
    const urls = this.sources();
    if (!urls.length || !this.isConnected) return;
    const controller = new AbortController();
    this.controller = controller;
    this.loading = true;
    try {
      const { signal } = controller;
      const results = await Promise.allSettled(
        urls.map((url) => feedCache.load(url, { signal, force, timeZone: this.timeZone })),
      );
      if (signal.aborted) return;
      const feeds = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      const errors = results.flatMap((r) => (r.status === 'rejected' ? [FeedError.from(r.reason)] : []));
      this.failures = errors.length ? this.failures + 1 : 0;
      if (feeds.length) {
        // One failing feed among several shows a notice; the others still show.
        this.fetched = mergeFeeds(feeds);
        this.error = undefined;
        this.partialErrors = errors;
        this.emit(new NewsLoadEvent(this.fetched));
        for (const error of errors) this.emit(new NewsErrorEvent(error));
      } else {
        this.error = errors[0];
        this.emit(new NewsErrorEvent(this.error));
      }
    } finally {
      if (this.controller === controller) {
        this.loading = false;
        this.controller = undefined;
      }
    }
  }

  /** Schedules the next refresh: the interval, doubled for each failure in a row (at most ×16). */
  private startRefresh(): void {
    this.stopRefresh();
    if (this.refresh > 0 && this.isConnected) {
      const delay = Math.max(10, this.refresh) * 1000 * 2 ** Math.min(this.failures, 4);
      this.refreshTimer = setTimeout(() => {
        this.refreshDue = true;
        this.refreshIfDue();
      }, delay);
    }
  }

  /** Refreshes when one is due and the reader can see the list: hidden tabs and off-screen lists cost nothing. */
  private refreshIfDue(): void {
    if (!this.refreshDue || document.visibilityState !== 'visible' || !this.onScreen || this.loading) return;
    this.refreshDue = false;
    this.load(true).then(() => this.startRefresh());
  }

  private stopRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    this.refreshDue = false;
  }

  // Relative dates change as time passes: one shared timer re-renders them once a minute.
  private updateClock(): void {
    const live = this.dateStyle === 'relative' && this.isConnected;
    if (live && !this.stopClock) this.stopClock = onMinute(() => this.requestUpdate());
    if (!live && this.stopClock) {
      this.stopClock();
      this.stopClock = undefined;
    }
  }

  /** The items that pass `category` and `limit`, before paging. */
  private selectedItems(): NewsItem[] {
    const items = this.items ?? this.feed?.items ?? this.fetched?.items ?? [];
    const category = (this.category ?? '').trim().toLowerCase();
    const filtered = category
      ? items.filter((item) => item.categories.some((c) => c.trim().toLowerCase() === category))
      : items;
    return this.limit > 0 ? filtered.slice(0, this.limit) : filtered;
  }

  private get hasData(): boolean {
    return Boolean(this.items ?? this.feed ?? this.fetched);
  }

  private get layoutName(): NewsListLayout {
    return layouts.includes(this.layout) ? this.layout : 'list';
  }

  private get dateStyleName(): DateStyle {
    return dateStyles.includes(this.dateStyle) ? this.dateStyle : 'short';
  }

  private hrefFor(item: NewsItem): string | undefined {
    if (!this.articleHref) return item.url;
    const href = this.articleHref.replace(/\{(id|url)\}/g, (_, key: string) =>
      encodeURIComponent((key === 'id' ? item.id : item.url) ?? ''),
    );
    return resolveUrl(href, document.baseURI);
  }

  protected override render(): TemplateResult {
    const m = this.locale.data.messages;
    const layout = this.layoutName;
    const ready = this.hasData && this.locale.ready;
    let body: unknown;
    let announce = '';
    if (!ready && this.error) {
      body = this.renderError(m, this.error);
    } else if (!ready) {
      announce = m.loading;
      body = this.hasFallback() ? html`<slot></slot>` : this.renderSkeleton();
    } else {
      const all = this.selectedItems();
      body = this.renderItems(m, all);
      if (!this.loading) announce = m.loaded(all.length);
    }
    return html`<div class=${layout} lang=${this.locale.data.lang}>
      <div class="visually-hidden" role="status">${announce}</div>
      ${body}
    </div>`;
  }

  private hasFallback(): boolean {
    return Array.from(this.childNodes).some(
      (node) => node.nodeType === Node.ELEMENT_NODE || (node.nodeType === Node.TEXT_NODE && node.textContent!.trim()),
    );
  }

  private renderSkeleton(): TemplateResult {
    const count = Math.max(
      1,
      this.pageSize > 0 ? Math.min(this.pageSize, this.limit || this.pageSize) : this.limit || 10,
    );
    const compact = this.layoutName === 'compact';
    const row = html`<li class="item skeleton">
      ${compact ? nothing : html`<div class="thumb"></div>`}
      <div class="text">
        <span class="bar title"></span>
        ${compact ? nothing : html`<span class="bar short"></span><span class="bar"></span><span class="bar"></span>`}
      </div>
    </li>`;
    return html`<ul part="list" aria-hidden="true">
      ${Array.from({ length: count }, () => row)}
    </ul>`;
  }

  private renderError(m: Messages, error: FeedError): TemplateResult {
    return html`<div part="status" class="error" role="alert">
        <p class="headline">${m.errorTitle}</p>
        <p>${describeError(m, error)}</p>
        <button part="button" type="button" @click=${() => this.load(true)}>${m.retry}</button>
      </div>
      <slot></slot>`;
  }

  // Safari drops list semantics from a list without bullets unless the role is explicit.
  /* eslint-disable lit-a11y/no-redundant-role */
  private renderItems(m: Messages, all: NewsItem[]): TemplateResult {
    if (all.length === 0) {
      return html`<p part="status" class="empty">${m.empty}</p>`;
    }
    const perPage = this.pageSize > 0 ? this.pageSize : all.length;
    const shown = all.slice(0, perPage * this.pages);
    const withImages = this.layoutName !== 'compact' && all.some((item) => item.image);
    const title = this.feed?.title ?? this.fetched?.title;
    return html`${
        this.error
          ? html`<div part="status" class="error" role="status">
              <p>${m.staleNotice}</p>
              <button part="button" type="button" @click=${() => this.load(true)}>${m.retry}</button>
            </div>`
          : this.partialErrors.length
            ? html`<p part="status" class="error" role="status">${m.partialNotice(this.partialErrors.length)}</p>`
            : nothing
      }
      <ul part="list" role="list" aria-label=${title || m.news}>
        ${shown.map((item, index) => this.renderItem(item, index, withImages))}
      </ul>
      ${
        shown.length < all.length
          ? html`<button part="button" class="more" type="button" @click=${() => this.showMore(shown.length)}>
              ${m.more}
            </button>`
          : nothing
      }`;
  }

  /* eslint-enable lit-a11y/no-redundant-role */

  private renderItem(item: NewsItem, index: number, withImages: boolean): TemplateResult {
    const href = this.hrefFor(item);
    const image = item.image && !this.failedImages.has(item.image.url) ? item.image : undefined;
    const date = item.published ?? item.updated;
    const style = this.dateStyleName;
    const compact = this.layoutName === 'compact';
    return html`<li part="item" class="item ${withImages ? '' : 'text-only'}" data-index=${index}>
      ${
        withImages
          ? html`<div class="thumb">
              ${
                image
                  ? html`<img
                      part="image"
                      src=${image.url}
                      alt=${image.alt ?? ''}
                      loading="lazy"
                      decoding="async"
                      referrerpolicy="no-referrer"
                      @error=${() => this.imageFailed(image.url)}
                    />`
                  : nothing
              }
            </div>`
          : nothing
      }
      <div class="text">
        <div class="title">
          ${
            href
              ? html`<a part="title" href=${href} @click=${(event: MouseEvent) => this.select(event, item, href)}
                  >${item.title}</a
                >`
              : html`<span part="title">${item.title}</span>`
          }
        </div>
        <div class="meta">
          ${
            date
              ? html`<time
                  part="date"
                  datetime=${date.toISOString()}
                  title=${isLive(date, style) ? formatNewsDate(date, 'long', this.locale.data.dates) : ''}
                  >${formatNewsDate(date, style, this.locale.data.dates)}</time
                >`
              : nothing
          }
          ${
            this.showClicks && this.counterEndpoint
              ? html`<click-counter
                  part="counter"
                  article-id=${item.id}
                  endpoint=${this.counterEndpoint}
                  lang=${this.locale.data.lang}
                ></click-counter>`
              : nothing
          }
        </div>
        ${
          item.summary && !compact
            ? html`<p part="summary">${truncate(item.summary, Math.max(1, this.summaryLength))}</p>`
            : nothing
        }
      </div>
    </li>`;
  }

  private imageFailed(url: string): void {
    this.failedImages = new Set(this.failedImages).add(url);
  }

  private showMore(firstNew: number): void {
    this.pages += 1;
    // Keyboard and screen-reader users land on the first new item rather than at the top of the page.
    this.focusIndex = firstNew;
  }

  private select(event: MouseEvent, item: NewsItem, href: string): void {
    // Modified and middle clicks open tabs as the reader asked; only plain clicks are offered to the host.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (!this.emit(new NewsSelectEvent(item, href))) event.preventDefault();
  }
}

/** Several feeds as one: newest first (undated items last), each item once by id or link. */
export function mergeFeeds(feeds: NewsFeed[]): NewsFeed {
  if (feeds.length === 1) return feeds[0];
  const seen = new Set<string>();
  const items: NewsItem[] = [];
  for (const item of feeds.flatMap((f) => f.items)) {
    const keys = [`id:${item.id}`, item.url && `url:${item.url}`].filter((k): k is string => !!k);
    if (keys.some((k) => seen.has(k))) continue;
    keys.forEach((k) => seen.add(k));
    items.push(item);
  }
  const time = (item: NewsItem) => (item.published ?? item.updated)?.getTime() ?? -Infinity;
  // Array.prototype.sort is stable: items of equal date keep their feed order.
  items.sort((a, b) => time(b) - time(a));
  return {
    title: feeds
      .map((f) => f.title)
      .filter(Boolean)
      .join(' · '),
    items,
  };
}
