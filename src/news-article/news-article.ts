/** <news-article>: one article of a feed, or given as data, with its HTML body sanitised. */
import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { ContextProvider } from '@lit/context';
import { NewsElement } from '../news-element.js';
import { newsArticleStyles } from './news-article.styles.js';
import type { NewsItem } from '../feed/types.js';
import { LocaleController } from '../format/locale-controller.js';
import { formatNewsDate, type DateStyle } from '../format/dates.js';
import { errorNotice } from '../error-notice.js';
import { sanitizeHtml } from '../html/sanitize.js';
import { trustedItem } from '../html/host-data.js';
import { safeImageUrl } from '../html/url-policy.js';
import { FeedError } from '../feed/feed-error.js';
import { DEFAULT_TIME_ZONE } from '../feed/dates.js';
import { reportError } from '../events.js';
import { articleIdContext, counterEndpointContext } from '../context.js';
import { FeedController, feedOf, type FeedState } from '../controllers/feed-controller.js';

/** The article's heading at its level: six plain templates weigh less than Lit's static templates. */
const headings: ((title: string) => TemplateResult)[] = [
  (t) => html`<h1 part="title">${t}</h1>`,
  (t) => html`<h2 part="title">${t}</h2>`,
  (t) => html`<h3 part="title">${t}</h3>`,
  (t) => html`<h4 part="title">${t}</h4>`,
  (t) => html`<h5 part="title">${t}</h5>`,
  (t) => html`<h6 part="title">${t}</h6>`,
];

/**
 * One news article: title, date, authors and categories, lead image and the body, whose HTML is sanitised
 * (no script, no styles, no forms or frames, safe links and images) before it is shown.
 *
 * @summary One article of a news feed, with safe HTML.
 * @tag news-article
 *
 * @slot - Fallback markup shown before the article renders, and under the not-found and error messages.
 * @slot meta - Extra items for the meta line, such as a `<click-counter>`, which receives the article's id. Each
 *   slotted element gets a dot before it, as the date, authors and categories do.
 *
 * @fires {NewsLoadEvent} news-load - The feed was fetched and the article found. `event.feed` is the `NewsFeed`.
 * @fires {NewsErrorEvent} news-error - The feed could not be fetched or read. `event.error` is a `FeedError`.
 *
 * @csspart article - The `<article>` around everything.
 * @csspart title - The heading (`<h1>` unless `heading-level` says otherwise).
 * @csspart meta - The line "date · author · category" and the `meta` slot; each field has a label only screen
 *   readers hear ("Published: ", "Author: ", "Category: ").
 * @csspart date - The `<time datetime>`.
 * @csspart image - The lead image's `<img>`.
 * @csspart content - The sanitised body.
 * @csspart status - The not-found and error messages.
 * @csspart button - The way back to the news, and Retry.
 *
 * @cssprop [--news-article-font-family=var(--news-font-family)] - Font of the body.
 * @cssprop [--news-article-font-size=1.0625rem] - Size of the body text.
 * @cssprop [--news-article-line-height=1.7] - Line height of the body.
 * @cssprop [--news-article-max-width=44rem] - Widest line of the article.
 * @cssprop [--news-article-color-link=var(--news-color-accent)] - Links in the body.
 */
export class NewsArticle extends NewsElement {
  static override properties: PropertyDeclarations = {
    src: {},
    articleId: { attribute: 'article-id' },
    articleIdParam: { attribute: 'article-id-param' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    dateStyle: { attribute: 'date-style' },
    backHref: { attribute: 'back-href' },
    counterEndpoint: { attribute: 'counter-endpoint' },
    debug: { type: Boolean },
    timeZone: { attribute: 'time-zone' },
    item: { attribute: false },
  };
  static override defaultTag = 'news-article';
  static override styles = [NewsElement.styles, newsArticleStyles];

  /** Address of the feed that holds the article. */
  src = '';

  /** Id of the article in the feed (its guid, Atom id or JSON Feed id). */
  articleId = '';

  /** Name of the page-URL parameter that holds the article's id, e.g. `id` for `article.html?id=42`. */
  articleIdParam = '';

  /** Level of the title heading, 1 to 6. */
  headingLevel = 1;

  /** How the date reads: `long` (November 20, 2026), `short` or `relative`. Unset, the `<news-config>`'s. */
  dateStyle: DateStyle = 'long';

  /** Address of the news list, offered as a way back when the article cannot be shown. */
  backHref = '';

  /** Base URL of the counter server that `<click-counter>` elements inside this article use. */
  counterEndpoint = '';

  /**
   * Shows editors why the feed failed, under the readers' short message: the cause and the fix in the element's
   * language (their words load only then), the failing address and the error's own message. With it or without,
   * the console warning says the cause, the address and the fix in English, and `news-error` carries the error
   * (`event.error`: `code`, `status`, `url`, `message`).
   */
  debug = false;

  /** Time zone of feed dates that carry none, as an offset such as `+03:00`. Unset, the `<news-config>`'s, else `+08:00`. */
  timeZone = DEFAULT_TIME_ZONE;

  /** The article to show, instead of finding it in `src`. */
  item?: NewsItem;

  private readonly locale = new LocaleController(this);
  /** The feed's lifecycle; its `state` is what the article renders from. */
  private readonly feeds = new FeedController(this);
  private readonly idProvider = new ContextProvider(this, { context: articleIdContext });
  private readonly endpointProvider = new ContextProvider(this, { context: counterEndpointContext });
  private renderedHtml?: string;
  private contentDone: Promise<void> = Promise.resolve();

  /** Where the feed stands: `idle` (given as `item`), `loading`, `ready`, `stale` or `failed`. */
  get state(): FeedState {
    return this.feeds.state;
  }

  /** Fetches the feed again now (it is otherwise shared with other elements on the page). */
  reload(): Promise<void> {
    return this.feeds.reload();
  }

  /** The id asked for: `article-id`, else the page URL's `article-id-param`. */
  get requestedId(): string {
    if (this.articleId) return this.articleId;
    if (!this.articleIdParam) return '';
    return new URL(location.href).searchParams.get(this.articleIdParam) ?? '';
  }

  /** The article shown, once known. */
  get article(): NewsItem | undefined {
    // Host data is as untrusted as a feed: the same URL policy, the same shape.
    if (this.item != null) return trustedItem(this.item);
    const id = this.requestedId;
    return id ? feedOf(this.feeds.state)?.items.find((item) => item.id === id) : undefined;
  }

  protected override willUpdate(): void {
    // A stored copy shows at once; the load confirms or refreshes it (and costs nothing if this page has it).
    this.feeds.setSource(this.item != null ? undefined : (this.src ?? ''), this.setting('timeZone', DEFAULT_TIME_ZONE));
    // Counters inside learn the id once the article is found: a missing article records no view.
    this.idProvider.setValue(this.article?.id);
    this.endpointProvider.setValue(this.counterEndpoint || undefined);
  }

  protected override render(): TemplateResult {
    const m = this.locale.data.messages;
    const article = this.article;
    const state = this.feeds.state;
    const ready = this.locale.ready;
    // One polite live region that stays in place, so what replaces the placeholder is announced once.
    const live = (announce: string, body: unknown) =>
      html`<div class="visually-hidden" role="status">${announce}</div>
        ${body}`;
    if (article && ready) return live('', this.renderArticle(article));
    // The stored copy lacks the article: wait for the fresh feed before saying it is not there.
    if (ready && (state.status === 'failed' || state.status === 'stale')) {
      const notice = errorNotice(this, {
        title: m.articleErrorTitle,
        error: state.error,
        locale: this.locale.data,
        debug: this.debug,
        retry: () => void this.feeds.reload(),
        actions: this.backLink(),
      });
      return live(m.articleErrorTitle, html`${notice}<slot></slot>`);
    }
    if (ready && (this.item != null || (feedOf(state) && !this.feeds.busy))) {
      return live(
        m.articleNotFound,
        html`<div part="status">
            <p>${m.articleNotFound}</p>
            ${this.backLink()}
          </div>
          <slot></slot>`,
      );
    }
    // Until the element's language has loaded, nothing is said: no English words on a page in another language.
    return live(
      ready ? m.loading : '',
      html`<slot></slot>
        <div class="skeleton" aria-hidden="true"><span></span><span></span><span></span></div>`,
    );
  }

  private backLink(): TemplateResult {
    const m = this.locale.data.messages;
    return this.backHref
      ? html`<a part="button" href=${this.backHref}>${m.back}</a>`
      : html`<button part="button" type="button" @click=${() => history.back()}>${m.back}</button>`;
  }

  private renderArticle(item: NewsItem): TemplateResult {
    const locale = this.locale.data;
    const level = Math.min(6, Math.max(1, Math.trunc(this.headingLevel) || 1));
    const date = item.published ?? item.updated;
    const leadUrl = safeImageUrl(item.image?.url);
    const lead = leadUrl && !inContent(item, leadUrl) ? { url: leadUrl, alt: item.image?.alt } : undefined;
    const contentLang = feedOf(this.feeds.state)?.language;
    const m = locale.messages;
    return html`<article part="article">
      ${headings[level - 1](item.title)}
      <div part="meta">
        ${
          date
            ? field(
                m.published,
                html`<time part="date" datetime=${date.toISOString()}
                  >${formatNewsDate(date, this.setting('dateStyle', 'long'), locale.dates)}</time
                >`,
              )
            : nothing
        }
        ${list(m.authors, item.authors)} ${list(m.categories, item.categories)}
        <slot name="meta"></slot>
      </div>
      ${
        lead
          ? html`<figure class="lead">
              <img part="image" src=${lead.url} alt=${lead.alt ?? ''} decoding="async" referrerpolicy="no-referrer" />
            </figure>`
          : nothing
      }
      ${
        item.contentHtml
          ? // Filled in updated() with the sanitised body: no Lit bindings inside it.
            html`<div part="content" class="content" lang=${contentLang || nothing}></div>`
          : html`<div part="content" class="content" lang=${contentLang || nothing}><p>${item.summary ?? ''}</p></div>`
      }
    </article>`;
  }

  protected override updated(): void {
    const item = this.article;
    const content = this.renderRoot.querySelector<HTMLElement>('.content');
    const body = this.locale.ready ? item?.contentHtml : undefined;
    if (!content || !body) {
      this.renderedHtml = undefined;
      return;
    }
    if (body === this.renderedHtml && content.childNodes.length) return;
    this.renderedHtml = body;
    const baseUrl = item?.url ?? feedOf(this.feeds.state)?.url ?? this.src;
    const onError = (cause: unknown) => {
      const error = new FeedError('parse', 'The article body could not be made safe to show; it is left out', {
        cause,
      });
      reportError(this, error, cause);
    };
    this.contentDone = sanitizeHtml(body, { baseUrl, onError }).then((fragment) => {
      // A newer article may have replaced this one while it was being sanitised.
      if (this.renderedHtml !== body) return;
      wrapTables(fragment);
      content.replaceChildren(fragment);
    });
  }

  /** Resolves when the sanitised body is in place (for hosts that measure or scroll to it). */
  get contentComplete(): Promise<void> {
    return this.updateComplete.then(() => this.contentDone);
  }
}

/** One field of the meta line: a label that only screen readers hear ("Author: "), then the value. */
const field = (label: string, value: unknown) =>
  html`<span class="field"><span class="visually-hidden">${label}: </span>${value}</span>`;

/** Authors or categories (as the title, in the feed's words), under a label; nothing when there are none. */
const list = (label: (count: number) => string, values: string[]) =>
  values.length ? field(label(values.length), values.join(', ')) : nothing;

/** Whether the body already shows the image (by file name: the body may give it as a relative path). */
function inContent(item: NewsItem, url: string): boolean {
  const file = url.split(/[?#]/)[0].split('/').pop();
  return Boolean(file && item.contentHtml?.includes(file));
}

/** Wide tables scroll sideways in a focusable region instead of widening the page. */
function wrapTables(fragment: DocumentFragment): void {
  for (const table of Array.from(fragment.querySelectorAll('table'))) {
    const region = document.createElement('div');
    region.className = 'table-scroll';
    // Focusable so keyboard users can scroll it; named by the caption when there is one.
    region.tabIndex = 0;
    const caption = table.querySelector('caption')?.textContent?.trim();
    if (caption) {
      region.setAttribute('role', 'region');
      region.setAttribute('aria-label', caption);
    }
    table.replaceWith(region);
    region.append(table);
  }
}
