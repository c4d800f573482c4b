/** <news-config>: settings given once for every news-widgets element inside it, through @lit/context. */
import { ContextProvider } from '@lit/context';
import { newsConfigContext, requestContext, type NewsSettings } from '../config-context.js';
import type { DateStyle } from '../format/dates.js';
import { version } from '../version.js';

/** Each attribute and the setting it gives. */
const settingOf = {
  lang: 'lang',
  'counter-endpoint': 'counterEndpoint',
  'time-zone': 'timeZone',
  'article-href': 'articleHref',
  'date-style': 'dateStyle',
} as const;

/**
 * Gives every `<news-list>`, `<news-article>` and `<click-counter>` inside it the same settings, so that a page
 * states them once: the language, the counter server, the time zone of feed dates, the link template and the
 * date style. An element's own attribute (or property) still wins. Elements inside other components' shadow
 * roots are inside it too. A `<news-config>` inside another overrides the settings it sets and inherits the
 * rest. Changes apply at once, and an element taken out of it goes back to its own defaults. It shows its
 * content as is (`display: contents`), so it changes nothing in the page's layout.
 *
 * It carries no Lit and no element code: the elements ask for its settings (the community context protocol,
 * through `@lit/context`), and find them even when it is registered after them.
 *
 * @summary Settings given once for every news-widgets element inside it.
 * @tag news-config
 *
 * @slot - The part of the page whose news-widgets elements take these settings.
 *
 * @attr {string} lang - Language of every element inside (any BCP 47 tag), as the standard `lang` attribute: the
 *   nearest `lang` above an element is its language.
 */
export class NewsConfig extends HTMLElement {
  static readonly observedAttributes = ['lang', 'counter-endpoint', 'time-zone', 'article-href', 'date-style'];
  static readonly version = version;

  /**
   * Registers the element. If the tag is taken already (the page loaded the widgets twice), it keeps that
   * definition, and warns once when it is not this release's.
   */
  static define(tag = 'news-config', registry: CustomElementRegistry = customElements): void {
    const existing = registry.get(tag) as { version?: string } | undefined;
    if (existing) {
      if (existing !== this && existing.version !== version && !warned) {
        warned = true;
        console.warn(`news-widgets: <${tag}> is already defined by another script; keeping that definition.`);
      }
      return;
    }
    try {
      registry.define(tag, this);
    } catch {
      // A class can hold only one tag: a second tag gets a subclass of its own.
      registry.define(tag, class extends this {});
    }
  }

  private readonly provider = new ContextProvider(this, { context: newsConfigContext, initialValue: {} });
  /** The settings of the config around this one. */
  private outer: NewsSettings = {};
  private leaveOuter?: () => void;

  /**
   * Base URL of the counter server, for every `<click-counter>` inside and for `<news-list show-clicks>`.
   * @attr counter-endpoint
   */
  get counterEndpoint(): string | undefined {
    return this.getAttribute('counter-endpoint') ?? undefined;
  }
  set counterEndpoint(value: string | undefined) {
    this.setOrRemove('counter-endpoint', value);
  }

  /**
   * Time zone of feed dates that carry none, as an offset such as `+05:00`, for every list and article inside.
   * @attr time-zone
   */
  get timeZone(): string | undefined {
    return this.getAttribute('time-zone') ?? undefined;
  }
  set timeZone(value: string | undefined) {
    this.setOrRemove('time-zone', value);
  }

  /**
   * Link template of every list inside, e.g. `article.html?id={id}`.
   * @attr article-href
   */
  get articleHref(): string | undefined {
    return this.getAttribute('article-href') ?? undefined;
  }
  set articleHref(value: string | undefined) {
    this.setOrRemove('article-href', value);
  }

  /**
   * How dates read in every list and article inside: `relative`, `short` or `long`.
   * @attr date-style
   */
  get dateStyle(): DateStyle | undefined {
    return (this.getAttribute('date-style') as DateStyle | null) ?? undefined;
  }
  set dateStyle(value: DateStyle | undefined) {
    this.setOrRemove('date-style', value);
  }

  /** The settings the elements inside receive: this config's own over those of any config around it. */
  get settings(): NewsSettings {
    return this.provider.value;
  }

  connectedCallback(): void {
    // Adds no box of its own to the page's layout; a page's `news-config { display: ... }` still wins.
    if (!this.shadowRoot)
      this.attachShadow({ mode: 'open' }).innerHTML = '<style>:host{display:contents}</style><slot></slot>';
    this.leaveOuter = requestContext(this, newsConfigContext, (settings) => {
      this.outer = settings;
      this.provide();
    });
    this.provide();
    // Configs around this one hand over the elements inside it, which then read these settings.
    this.provider.hostConnected();
  }

  disconnectedCallback(): void {
    this.leaveOuter?.();
    this.leaveOuter = undefined;
    this.outer = {};
  }

  attributeChangedCallback(): void {
    this.provide();
  }

  private setOrRemove(attribute: string, value: string | undefined): void {
    if (value == null) this.removeAttribute(attribute);
    else this.setAttribute(attribute, value);
  }

  private provide(): void {
    const settings: Record<string, string | undefined> = { ...this.outer };
    for (const [attribute, key] of Object.entries(settingOf)) {
      // Unset here (or removed): the outer config's value shows through.
      settings[key] = this.getAttribute(attribute) ?? settings[key];
    }
    const current = this.provider.value as Record<string, string | undefined>;
    // Only a real change notifies: every element inside re-renders on each notification.
    if (Object.values(settingOf).some((key) => settings[key] !== current[key]))
      this.provider.setValue(settings as NewsSettings);
  }
}

let warned = false;
