/** <news-list>: a feed's latest items as a list, a grid of cards or a compact list, with every state a reader meets. */
import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { NewsElement } from '../news-element.js';
import type * as HostData from '../html/host-data.js';
import { newsListStyles } from './news-list.styles.js';
import { resolveUrl } from '../feed/urls.js';
import { safeLinkUrl } from '../html/url-policy.js';
import { DEFAULT_TIME_ZONE } from '../feed/dates.js';
import { firstPages, selectItems } from '../feed/select.js';
import type { NewsFeed, NewsItem } from '../feed/types.js';
import { NewsSelectEvent } from '../events.js';
import { LocaleController } from '../format/locale-controller.js';
import type { DateStyle } from '../format/dates.js';
import { FeedController, feedOf, type FeedState } from '../controllers/feed-controller.js';
import type { ClockController } from '../controllers/clock-controller.js';
import { errorState, itemList, skeleton, statusNotice, type ItemView } from './news-list.templates.js';
import { isLasting } from '../error-notice.js';

export type NewsListLayout = 'list' | 'grid' | 'compact';

/** The host-data module, once a list on the page has needed it. */
let hostData: typeof HostData | undefined;

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
 * @cssprop [--news-color-accent=#1a56db mixed with currentColor] - Colour of links on hover, buttons and focus
 *   rings. The default blue is mixed half and half with the text colour, so it keeps WCAG AA contrast on light and dark pages.
 * @cssprop [--news-color-surface=transparent] - Background of cards and messages.
 * @cssprop [--news-color-border=currentColor at 14%] - Borders, separators and loading placeholders.
 * @cssprop [--news-radius=8px] - Corner radius of cards, images, buttons and messages.
 * @cssprop [--news-space=1rem] - Base spacing unit.
 * @cssprop [--news-list-gap=var(--news-space)] - Space between items.
 * @cssprop [--news-list-columns-min=16rem] - Narrowest column of the `grid` layout.
 * @cssprop [--news-list-image-ratio=16 / 9] - Aspect ratio of thumbnails.
 * @cssprop [--news-list-image-width=8rem] - Width of thumbnails in the `list` layout.
 * @cssprop [--news-list-title-lines=none] - Most lines of a title, cut with "…"; by default titles are whole.
 * @cssprop [--news-list-summary-lines=none] - Most lines of a summary, cut with "…"; by default not cut.
 */
export class NewsList extends NewsElement {
  static override properties: PropertyDeclarations = {
    src: {},
    limit: { type: Number },
    layout: {},
    dateStyle: { attribute: 'date-style' },
    articleHref: { attribute: 'article-href' },
    category: {},
    exclude: {},
    pageSize: { type: Number, attribute: 'page-size' },
    refresh: { type: Number },
    summaryLength: { type: Number, attribute: 'summary-length' },
    timeZone: { attribute: 'time-zone' },
    showClicks: { type: Boolean, attribute: 'show-clicks' },
    counterEndpoint: { attribute: 'counter-endpoint' },
    debug: { type: Boolean },
    feed: { attribute: false },
    items: { attribute: false },
    pages: { state: true, attribute: false },
    failedImages: { state: true, attribute: false },
  };
  static override defaultTag = 'news-list';
  static override styles = [NewsElement.styles, newsListStyles];

  /**
   * Address of the feed (RSS 2.0, RSS 1.0, Atom or JSON Feed), absolute or relative to the page. Several
   * addresses, separated by spaces, show as one list: newest first, each item once.
   */
  src = '';

  /** Most items to show. */
  limit = 10;

  /** `list` (thumbnail beside text), `grid` (cards) or `compact` (title and date only). */
  layout: NewsListLayout = 'list';

  /**
   * How dates read: `relative` ("3 hours ago", for the last 30 days), `short` or `long`. Unset, the enclosing
   * `<news-config>`'s.
   */
  dateStyle: DateStyle = 'short';

  /**
   * Link of each item, as a template: `{id}` and `{url}` are replaced by the item's id and link (URL-encoded),
   * e.g. `article.html?id={id}`. Without it, the enclosing `<news-config>`'s, else items link to their own address.
   */
  articleHref = '';

  /** Shows only items in this category (compared without regard to case). */
  category = '';

  /** Ids of items not to show, separated by spaces: on an article's page, the article itself. */
  exclude = '';

  /** Items per page: the first page shows this many and a "More" button shows the next. 0 shows all at once. */
  pageSize = 0;

  /**
   * Re-fetches the feed every this many seconds (at least 10) while the list is on screen and the page visible;
   * after failures the wait doubles, up to 16 times. 0 never does.
   */
  refresh = 0;

  /** Longest summary, in characters: longer ones are cut at a word boundary with "…". */
  summaryLength = 160;

  /** Time zone of feed dates that carry none, as an offset such as `+03:00`. Unset, the `<news-config>`'s, else `+08:00`. */
  timeZone = DEFAULT_TIME_ZONE;

  /** Shows each item's view count (a `<click-counter>`) from the counter server at `counter-endpoint`. */
  showClicks = false;

  /** Base URL of the counter server for `show-clicks`. Unset, the enclosing `<news-config>`'s. */
  counterEndpoint = '';

  /**
   * Shows editors why a feed failed, under the readers' short message: the cause and the fix in the element's
   * language (their words load only then), the failing address and the error's own message. With it or without,
   * the console warning says the cause, the address and the fix in English, and `news-error` carries the error
   * (`event.error`: `code`, `status`, `url`, `message`).
   */
  debug = false;

  /** A feed to show instead of fetching `src`. */
  feed?: NewsFeed;

  /** Items to show instead of fetching `src`; takes precedence over `feed`. */
  items?: NewsItem[];

  private pages = 1;
  private failedImages = new Set<string>();

  private readonly locale = new LocaleController(this);
  /** The feed's lifecycle: loading, refresh, errors. Its `state` is what the list renders from. */
  private readonly feeds = new FeedController(this);
  /** Loaded with its module when the list first shows relative dates. */
  private clock?: ClockController;
  private focusIndex = -1;
  /** The items shown by the last render, by row. */
  private shown: readonly NewsItem[] = [];
  /** `items` or `feed` as given by the host, made safe (see html/host-data.ts). */
  private given?: NewsFeed;
  private shaping?: Promise<void>;

  /** Where the feed stands: `idle` (data given as a property), `loading`, `ready`, `partial`, `stale` or `failed`. */
  get state(): FeedState {
    return this.feeds.state;
  }

  /** Fetches the feed again now (it is otherwise shared with other lists of the same feed on the page). */
  reload(): Promise<void> {
    return this.feeds.reload();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Pages that load only the list bundle get the counter element when they ask for counts.
    if (this.showClicks && !customElements.get('click-counter')) {
      import('../click-counter/click-counter.js').then(({ ClickCounter }) => ClickCounter.define());
    }
    if (changed.has('items') || changed.has('feed')) this.shapeGiven();
    // Data given as a property is shown instead of the feed: nothing to fetch.
    this.feeds.setSource(
      this.items == null && this.feed == null ? (this.src ?? '') : undefined,
      this.setting('timeZone', DEFAULT_TIME_ZONE),
    );
    this.feeds.refresh = this.checkCount('refresh', this.refresh, 0);
    if (changed.has('src') || changed.has('category') || changed.has('pageSize') || changed.has('limit')) {
      this.pages = 1;
    }
    const relative = this.dateStyleName === 'relative';
    if (this.clock) this.clock.ticking = relative;
    else if (relative) {
      void import('../controllers/clock-controller.js').then(({ ClockController }) => {
        this.clock ??= new ClockController(this);
        this.clock.ticking = this.dateStyleName === 'relative';
      });
    }
  }

  /**
   * Shapes `items` or `feed` from the host (see html/host-data.ts), whose module loads only on pages that pass
   * data: a list fed by its `src` never downloads it. Until the first shaping, the list shows its placeholders.
   */
  private shapeGiven(): void {
    const { items, feed } = this;
    if (items == null && feed == null) {
      this.given = undefined;
    } else if (hostData) {
      this.given = hostData.trustedList(items, feed);
    } else {
      this.shaping = import('../html/host-data.js').then((module) => {
        hostData = module;
        if (this.items === items && this.feed === feed) this.shapeGiven();
        this.requestUpdate();
      });
    }
  }

  /** Also waits for the host's data to be shaped and shown. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.shaping;
    return super.getUpdateComplete();
  }

  protected override updated(): void {
    if (this.focusIndex >= 0) {
      this.renderRoot.querySelector<HTMLElement>(`[data-index="${this.focusIndex}"] [part~="title"]`)?.focus();
      this.focusIndex = -1;
    }
  }

  private get layoutName(): NewsListLayout {
    return this.checkOption('layout', this.layout, layouts, 'list');
  }

  private get dateStyleName(): DateStyle {
    return this.checkOption('date-style', this.setting('dateStyle', 'short'), dateStyles, 'short');
  }

  private hrefFor(item: NewsItem): string | undefined {
    const template = this.setting('articleHref', '');
    if (!template) return safeLinkUrl(item.url);
    const href = template.replace(/\{(id|url)\}/g, (_, key: string) =>
      encodeURIComponent((key === 'id' ? item.id : item.url) ?? ''),
    );
    return resolveUrl(href, document.baseURI);
  }

  protected override render(): TemplateResult {
    const m = this.locale.data.messages;
    const layout = this.layoutName;
    const state = this.feeds.state;
    const feed = this.given ?? feedOf(state);
    const items = feed?.items;
    const retry = () => void this.feeds.reload();
    let body: unknown;
    let announce = '';
    if (items && this.locale.ready) {
      const limit = this.checkCount('limit', this.limit, 10);
      const all = selectItems(items, this.category ?? '', this.exclude, limit);
      const stale = state.status === 'stale' && !this.given;
      const notice = stale ? m.staleNotice : state.status === 'partial' ? m.partialNotice(state.errors.length) : '';
      body = [
        notice ? statusNotice(notice, stale && !isLasting(state.error) ? retry : undefined, m.retry) : nothing,
        this.renderItems(all, feed?.title, items.length > 0),
      ];
      // The one live region says the notice too: the notices have none of their own.
      if (!this.feeds.busy) announce = [notice, m.loaded(all.length)].join(' ').trim();
    } else if (state.status === 'failed' && this.locale.ready) {
      announce = m.errorTitle;
      body = errorState(this, this.locale.data, state.error, retry, this.debug);
    } else {
      // Until the element's language has loaded, nothing is said: no English words on a page in another language.
      announce = this.locale.ready ? m.loading : '';
      // The author's fallback, if any, shows above placeholders that keep the items' space: little moves when they come.
      body = [html`<slot></slot>`, skeleton(layout, this.skeletonCount())];
    }
    return html`<div class=${layout} lang=${this.locale.data.lang}>
      <div class="visually-hidden" role="status">${announce}</div>
      ${body}
    </div>`;
  }

  /** As many placeholders as items will show: the first page, else the limit. */
  private skeletonCount(): number {
    const limit = this.checkCount('limit', this.limit, 10);
    const pageSize = this.checkCount('page-size', this.pageSize, 0);
    return pageSize > 0 ? Math.min(pageSize, limit || pageSize) : limit || 10;
  }

  private renderItems(all: NewsItem[], title: string | undefined, any: boolean): TemplateResult {
    const m = this.locale.data.messages;
    if (all.length === 0) {
      return html`<p part="status" class="empty">${this.category && any ? m.emptyCategory : m.empty}</p>`;
    }
    const shown = firstPages(all, this.checkCount('page-size', this.pageSize, 0), this.pages);
    // Rows update in place: when a refresh moves the item the reader is on, focus moves to the row now showing it.
    const row = (this.renderRoot as ShadowRoot).activeElement?.closest<HTMLElement>('[data-index]');
    const was = row ? +row.dataset.index! : -1;
    const now = shown.findIndex((item) => item.id === this.shown[was]?.id);
    if (now >= 0 && now !== was) this.focusIndex = now;
    this.shown = shown;
    const layout = this.layoutName;
    const view: ItemView = {
      layout,
      dateStyle: this.dateStyleName,
      locale: this.locale.data,
      summaryLength: this.summaryLength,
      withImages: layout !== 'compact' && all.some((item) => item.image),
      counterEndpoint: this.showClicks ? this.setting('counterEndpoint', '') || undefined : undefined,
      href: (item) => this.hrefFor(item),
      imageFailed: (url) => this.failedImages.has(url),
      onImageError: (url) => (this.failedImages = new Set(this.failedImages).add(url)),
      onSelect: (event, item, href) => this.select(event, item, href),
    };
    return html`${itemList(view, shown, title || m.news)}
    ${
      shown.length < all.length
        ? html`<button part="button" class="more" type="button" @click=${() => this.showMore(shown.length)}>
            ${m.more}
          </button>`
        : nothing
    }`;
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
