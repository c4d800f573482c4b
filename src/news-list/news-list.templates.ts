/** The templates of <news-list>: loading placeholders, items, notices and the error state. No state of their own. */
import { html, nothing, type TemplateResult } from 'lit';
import type { NewsItem } from '../feed/types.js';
import type { FeedError } from '../feed/feed-error.js';
import { truncate } from '../feed/text.js';
import { safeImageUrl } from '../html/url-policy.js';
import { errorNotice } from '../error-notice.js';
import { formatNewsDate, isLive, type DateStyle } from '../format/dates.js';
import type { LocaleData } from '../format/locale.js';
import type { NewsListLayout } from './news-list.js';

/** What an item template needs from the element. */
export interface ItemView {
  layout: NewsListLayout;
  dateStyle: DateStyle;
  locale: LocaleData;
  summaryLength: number;
  withImages: boolean;
  counterEndpoint?: string;
  href(item: NewsItem): string | undefined;
  imageFailed(url: string): boolean;
  onImageError(url: string): void;
  onSelect(event: MouseEvent, item: NewsItem, href: string): void;
}

/** Grey bars in the shape of `count` items, so the list takes about its final space before the feed arrives. */
export function skeleton(layout: NewsListLayout, count: number): TemplateResult {
  const compact = layout === 'compact';
  const row = html`<li class="item skeleton">
    ${compact ? nothing : html`<div class="thumb"></div>`}
    <div class="text">
      <div class="title"><span class="bar"></span></div>
      <div class="meta"><span class="bar"></span></div>
      ${compact ? nothing : html`<p class="summary"><span class="bar"></span></p>`}
    </div>
  </li>`;
  return html`<ul part="list" aria-hidden="true">
    ${Array.from({ length: Math.max(1, count) }, () => row)}
  </ul>`;
}

/** Nothing to show: the notice (see error-notice.ts), then the author's fallback markup. */
export function errorState(
  host: { requestUpdate(): void },
  locale: LocaleData,
  error: FeedError,
  retry: () => void,
  debug: boolean,
): TemplateResult {
  return html`${errorNotice(host, { title: locale.messages.errorTitle, error, locale, debug, retry })}<slot></slot>`;
}

/** Earlier items are shown because the latest load failed. */
/**
 * A notice above the items: earlier news shown because the latest load failed (with Retry, where trying again can
 * help), or some of several feeds missing. The list's live region says it.
 */
export function statusNotice(text: string, retry: (() => void) | undefined, retryLabel: string): TemplateResult {
  return html`<div part="status" class="error">
    <p>${text}</p>
    ${retry ? html`<button part="button" type="button" @click=${retry}>${retryLabel}</button>` : nothing}
  </div>`;
}

// Safari drops list semantics from a list without bullets unless the role is explicit.
/* eslint-disable lit-a11y/no-redundant-role */
/**
 * The items, by position: a refresh that adds one on top updates every row in place, and the element moves the
 * reader's focus along with its item (see `NewsList.renderItems`). Keyed rendering (Lit's `repeat`) would add 0.8 KB
 * gzip to every list page for the same result.
 */
export function itemList(view: ItemView, items: readonly NewsItem[], label: string): TemplateResult {
  return html`<ul part="list" role="list" aria-label=${label}>
    ${items.map((item, index) => itemTemplate(view, item, index))}
  </ul>`;
}
/* eslint-enable lit-a11y/no-redundant-role */

function itemTemplate(view: ItemView, item: NewsItem, index: number): TemplateResult {
  const href = view.href(item);
  const src = safeImageUrl(item.image?.url);
  const image = src && !view.imageFailed(src) ? { url: src, alt: item.image?.alt } : undefined;
  const date = item.published ?? item.updated;
  const { dateStyle, locale } = view;
  return html`<li part="item" class="item ${view.withImages ? '' : 'text-only'}" data-index=${index}>
    ${
      view.withImages
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
                    @error=${() => view.onImageError(image.url)}
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
            ? html`<a part="title" href=${href} @click=${(event: MouseEvent) => view.onSelect(event, item, href)}
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
                title=${isLive(date, dateStyle) ? formatNewsDate(date, 'long', locale.dates) : ''}
                >${formatNewsDate(date, dateStyle, locale.dates)}</time
              >`
            : nothing
        }
        ${
          view.counterEndpoint
            ? html`<click-counter
                part="counter"
                article-id=${item.id}
                endpoint=${view.counterEndpoint}
                lang=${locale.lang}
              ></click-counter>`
            : nothing
        }
      </div>
      ${
        item.summary && view.layout !== 'compact'
          ? html`<p part="summary" class="summary">${truncate(item.summary, Math.max(1, view.summaryLength))}</p>`
          : nothing
      }
    </div>
  </li>`;
}
