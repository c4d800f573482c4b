/** The base class of every news-widgets element: shared tokens and styles, safe registration, the version. */
import { LitElement, css, type CSSResultGroup, type PropertyDeclarations } from 'lit';
import { newsConfigContext, requestContext, type NewsSettings } from './config-context.js';
import { version } from './version.js';
import { FeedError } from './feed/feed-error.js';
import { reportError } from './events.js';

const warned = new Set<string>();

const ownTag = (c: object): boolean => Object.prototype.hasOwnProperty.call(c, 'defaultTag');
/** The same element of this release from another file (the list file, then the all-elements file): no clash. */
const sameElement = (existing: CustomElementConstructor | undefined, cls: typeof NewsElement): boolean =>
  !!existing &&
  ownTag(existing) &&
  ownTag(cls) &&
  (existing as unknown as typeof NewsElement).defaultTag === cls.defaultTag &&
  (existing as unknown as typeof NewsElement).version === cls.version;

/** Connected elements that asked for a `<news-config>` before one was registered: they ask again once it is. */
const unconfigured = new Set<NewsElement>();

export class NewsElement extends LitElement {
  static override properties: PropertyDeclarations = {
    langAttribute: { attribute: 'lang' },
  };
  /** The tag `define()` registers when given none. */
  static defaultTag = '';
  static readonly version = version;

  static override styles: CSSResultGroup = css`
    :host {
      display: block;
      box-sizing: border-box;
      /* The global tokens with their defaults, under private names the elements' styles share. */
      /* Blue mixed with the host's text colour: dark on light pages and light on dark ones, AA on either. */
      --_accent: var(--news-color-accent, color-mix(in srgb, #1a56db, currentColor));
      --_muted: var(--news-color-muted, color-mix(in srgb, currentColor 70%, transparent));
      --_border: var(--news-color-border, color-mix(in srgb, currentColor 14%, transparent));
      --_surface: var(--news-color-surface, transparent);
      --_radius: var(--news-radius, 8px);
      --_space: var(--news-space, 1rem);
    }
    :host([hidden]) {
      display: none !important;
    }
    *,
    *::before,
    *::after {
      box-sizing: inherit;
    }
    [part~='button'] {
      display: inline-block;
      font: inherit;
      font-size: 0.9375em;
      color: var(--_accent);
      background: transparent;
      border: 1px solid currentColor;
      border-radius: var(--_radius);
      padding: 0.35em 1em;
      cursor: pointer;
      text-decoration: none;
    }
    [part~='button']:hover {
      background: color-mix(in srgb, var(--_accent) 8%, transparent);
    }
    [part~='button']:focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: 2px;
    }
    /* The error notice of either element (see error-notice.ts). */
    .error {
      border-color: color-mix(in srgb, #c62828 45%, transparent);
    }
    .error p {
      margin: 0 0 0.5em;
      overflow-wrap: anywhere;
    }
    .headline {
      font-weight: 600;
    }
    .visually-hidden {
      position: absolute !important;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `;

  /**
   * Mirrors the `lang` attribute so that a change of language re-renders; the language itself is read from
   * the element or its nearest `[lang]` ancestor.
   */
  protected langAttribute?: string;

  /** The nearest `<news-config>`'s settings, if the element is inside one: see `setting()`. */
  protected config?: NewsSettings;
  private leaveConfig?: () => void;
  /** How often each property was set: the first time is its class field's default. */
  private sets?: Map<PropertyKey, number>;

  override connectedCallback(): void {
    super.connectedCallback();
    this.askConfig();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.leaveConfig?.();
    unconfigured.delete(this);
  }

  /** One subscription for all settings (a consumer per setting would weigh on every list page). */
  private askConfig(): void {
    // Wherever it was before, the element starts from its own defaults here.
    this.config = undefined;
    this.requestUpdate();
    this.leaveConfig = requestContext(this, newsConfigContext, (settings) => {
      this.config = settings;
      this.requestUpdate();
    });
    // The CDN loads <news-config> only on pages that have one, possibly after this element: ask again then.
    if (!customElements.get('news-config')) {
      // One wait for the page, not one per connection: a removed element is forgotten, not kept by a pending promise.
      if (!unconfigured.size) {
        customElements.whenDefined('news-config').then(() => {
          for (const element of unconfigured) if (!element.config) element.askConfig();
          unconfigured.clear();
        });
      }
      unconfigured.add(this);
    }
  }

  override requestUpdate(...args: Parameters<LitElement['requestUpdate']>): void {
    super.requestUpdate(...args);
    const sets = (this.sets ??= new Map());
    const count = (sets.get(args[0]) ?? 0) + 1;
    sets.set(args[0], count);
    // The page setting a property, even to the value it had (the default), takes it over from the config.
    if (count === 2) super.requestUpdate();
  }

  /**
   * A page-wide setting: the element's own `prop` if the page set it (attribute or property), else the nearest
   * `<news-config>`'s `key`, else `fallback` (the element's default).
   */
  protected setting<K extends keyof NewsSettings>(
    key: K,
    fallback: NonNullable<NewsSettings[K]>,
    prop: string = key,
  ): NonNullable<NewsSettings[K]> {
    const own = (this as unknown as Record<string, NewsSettings[K] | null>)[prop];
    return own != null && this.sets!.get(prop)! > 1 ? own : (this.config?.[key] ?? fallback);
  }

  /** Fires one of the package's events (a named method, so the manifest takes event names from `@fires`). */
  protected emit(event: Event): boolean {
    return this.dispatchEvent(event);
  }

  private reported?: Set<string>;

  /**
   * An attribute value the element does not know: it carries on with `fallback`, and says so once per value in
   * the console (where editors look) and as a `news-error` with code `config` (where host scripts listen).
   */
  protected checkOption<T>(attribute: string, value: T, allowed: readonly T[], fallback: T): T {
    return allowed.includes(value) ? value : this.badOption(attribute, value, `one of ${allowed.join(', ')}`, fallback);
  }

  /** A number attribute that must be a whole number of at least 0 (`limit="ten"` reads as NaN). */
  protected checkCount(attribute: string, value: number, fallback: number): number {
    return Number.isFinite(value) && value >= 0
      ? Math.floor(value)
      : this.badOption(attribute, value, 'a number of 0 or more', fallback);
  }

  private badOption<T>(attribute: string, value: unknown, expected: string, fallback: T): T {
    const key = `${attribute}=${String(value)}`;
    if (!(this.reported ??= new Set()).has(key)) {
      this.reported.add(key);
      const message = `${attribute}="${String(value)}" is not ${expected}; using ${String(fallback)}`;
      reportError(this, new FeedError('config', message), this);
    }
    return fallback;
  }

  /**
   * Registers the element. Pages often load a widget twice: if the tag already belongs to this class it does
   * nothing, and if another class holds it, it warns once instead of throwing.
   */
  static define(tag: string = this.defaultTag, registry: CustomElementRegistry = customElements): void {
    const existing = registry.get(tag);
    if (existing === this || sameElement(existing, this)) return;
    if (existing) {
      if (!warned.has(tag)) {
        warned.add(tag);
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
}
