/** <click-counter>: an article's view count ("Clicks: 1,234"), and one recorded view per reader and session. */
import { css, html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { NewsElement } from '../news-element.js';
import { LocaleController } from '../format/locale-controller.js';
import { CounterClient } from '../counter/counter-client.js';
import { articleIdContext, counterEndpointContext } from '../context.js';
import { requestContext } from '../config-context.js';
import { ClickCountChangeEvent } from '../events.js';
import { numberFormat } from '../format/intl-cache.js';

/** Counts by the browser's Intl, for the languages whose chunk brings no formatter of its own (see `LocaleData`). */
function formatCount(count: number, lang: string, compact: boolean): string {
  return numberFormat(lang, compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}).format(count);
}

/**
 * Shows how often an article was viewed, from a counter server (protocol v1), and with `record` counts this
 * reader's view once per browser session. Counters on one page share one request. When the server cannot be
 * reached it shows the last known count, or nothing: never an error.
 *
 * @summary An article's view count, "Clicks: 1,234".
 * @tag click-counter
 *
 * @fires {ClickCountChangeEvent} change - The count arrived or changed. `event.count` is the number.
 *
 * @csspart counter - The whole counter.
 * @csspart label - The label ("Clicks").
 * @csspart count - The number, a `<data value>`.
 *
 * @cssprop [--click-counter-color=inherit] - Colour of the counter.
 * @cssprop [--click-counter-font-size=inherit] - Size of the counter.
 */
export class ClickCounter extends NewsElement {
  static override properties: PropertyDeclarations = {
    articleId: { attribute: 'article-id' },
    endpoint: {},
    record: { type: Boolean },
    label: {},
    format: {},
    shown: { state: true, attribute: false },
  };
  static override defaultTag = 'click-counter';
  static override styles = [
    NewsElement.styles,
    css`
      :host {
        display: inline-block;
        /* Inherits the colour around it (the muted meta line of a list or an article); muting it again would fail contrast. */
        color: var(--click-counter-color, inherit);
        font-size: var(--click-counter-font-size, inherit);
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  /** Id of the article; inside a `<news-article>` it is that article's id. */
  articleId = '';

  /**
   * Base URL of the counter server; inside a `<news-article>` or `<news-list>` with `counter-endpoint`, theirs, else
   * the enclosing `<news-config>`'s.
   */
  endpoint = '';

  /** Record one view of the article (once per browser session) when the counter is shown. */
  record = false;

  /** Label before the number; by default "Clicks" in the counter's language. */
  label?: string;

  /** `standard` (1,234) or `compact` (1.2K). */
  format: 'standard' | 'compact' = 'standard';

  /** The count shown, once known (read-only: it comes from the counter server). */
  get count(): number | undefined {
    return this.shown;
  }

  private shown?: number;

  private readonly locale = new LocaleController(this);
  /** The enclosing article's id and counter server (its or the list's), while inside one. */
  private fromArticle: { id?: string; endpoint?: string } = {};
  private leaveArticle: (() => void)[] = [];
  private asked = '';
  /** The article whose count is shown. */
  private countedId = '';

  private get resolvedId(): string {
    return (this.articleId || this.fromArticle.id || '').trim();
  }

  private get client(): CounterClient | undefined {
    const endpoint = (this.endpoint || this.fromArticle.endpoint || this.config?.counterEndpoint || '').trim();
    return endpoint ? CounterClient.for(endpoint) : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.fromArticle = {};
    this.leaveArticle = [
      requestContext(this, articleIdContext, (id) => this.takeFromArticle({ id })),
      requestContext(this, counterEndpointContext, (endpoint) => this.takeFromArticle({ endpoint })),
    ];
  }

  private takeFromArticle(value: { id?: string; endpoint?: string }): void {
    this.fromArticle = { ...this.fromArticle, ...value };
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const leave of this.leaveArticle) leave();
    document.removeEventListener('prerenderingchange', this.onActivated);
  }

  // Before rendering, so a count already known this session shows in the first frame.
  protected override willUpdate(): void {
    const client = this.client;
    const id = this.resolvedId;
    const ask = client && id ? `${client.endpoint} ${id} ${this.record}` : '';
    if (!ask || ask === this.asked) return;
    this.asked = ask;
    if (id !== this.countedId) {
      // Another article: its own last known count, or none, but never the previous article's.
      this.countedId = id;
      this.shown = undefined;
      this.show(client!.lastKnown(id));
    }
    // A prerendered page is not a view until the reader actually opens it.
    if (this.record && (document as Document & { prerendering?: boolean }).prerendering) {
      document.addEventListener('prerenderingchange', this.onActivated, { once: true });
      client!.count(id).then((count) => this.show(count, id));
      return;
    }
    const result = this.record ? client!.recordView(id) : client!.count(id);
    result.then((count) => this.show(count, id));
  }

  private readonly onActivated = (): void => {
    this.asked = '';
    this.requestUpdate();
  };

  private show(count: number | undefined, forId = this.resolvedId): void {
    if (count === undefined || forId !== this.resolvedId || count === this.shown) return;
    this.shown = count;
    this.emit(new ClickCountChangeEvent(count));
  }

  protected override render(): TemplateResult | typeof nothing {
    const count = this.shown;
    if (count === undefined || !this.locale.ready) return nothing;
    const { lang, messages, count: ownFormat } = this.locale.data;
    const separator = lang === 'zh-CN' ? '：' : ': ';
    const compact = this.format === 'compact';
    return html`<span part="counter"
      ><span part="label">${this.label ?? messages.clicks}</span>${separator}<data part="count" value=${count}
        >${ownFormat ? ownFormat(count, compact) : formatCount(count, lang, compact)}</data
      ></span
    >`;
  }
}
