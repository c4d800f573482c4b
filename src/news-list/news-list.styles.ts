/** Styles of <news-list>: three layouts of items as tall as their text, and placeholders of about their height. */
import { css } from 'lit';

export const newsListStyles = css`
  :host {
    container-type: inline-size;
    font-family: var(--news-font-family, inherit);
    color: var(--news-color-text, inherit);
    line-height: 1.4;
    --_gap: var(--news-list-gap, var(--_space));
    --_ratio: var(--news-list-image-ratio, 16 / 9);
  }

  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_gap);
  }

  .item {
    position: relative;
    display: grid;
    grid-template-columns: var(--news-list-image-width, 8rem) minmax(0, 1fr);
    gap: calc(var(--_space) * 0.75);
    place-content: start;
    align-items: start;
    border-radius: var(--_radius);
  }
  .item.text-only {
    grid-template-columns: minmax(0, 1fr);
  }
  .item:has(a:focus-visible) {
    outline: 2px solid var(--_accent);
    outline-offset: 4px;
  }

  .thumb {
    aspect-ratio: var(--_ratio);
    overflow: hidden;
    border-radius: calc(var(--_radius) * 0.75);
    background: linear-gradient(
      135deg,
      color-mix(in srgb, var(--_accent) 22%, transparent),
      color-mix(in srgb, var(--_accent) 6%, transparent)
    );
  }
  .thumb img {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }

  /* Items take the height of their content: whole titles and summaries unless the page asks for a line limit. */
  .text {
    min-width: 0;
  }
  .title {
    margin: 0;
    font-size: 1.0625em;
    font-weight: 600;
    line-height: 1.35;
    overflow-wrap: anywhere;
  }
  .title,
  .summary {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  .title {
    -webkit-line-clamp: var(--news-list-title-lines, none);
  }
  [part~='title'] {
    color: inherit;
    text-decoration: none;
  }
  a[part~='title']::after {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: inherit;
  }
  a[part~='title']:focus {
    outline: none;
  }
  .item:hover a[part~='title'] {
    color: var(--_accent);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .meta {
    display: flex;
    gap: 0.25em 1em;
    margin-top: 0.25em;
    font-size: 0.8125em;
    line-height: 1.4;
    color: var(--_muted);
  }
  .summary {
    margin: 0.25em 0 0;
    font-size: 0.9375em;
    line-height: 1.45;
    color: var(--_muted);
    -webkit-line-clamp: var(--news-list-summary-lines, none);
  }
  /* grid: cards with the image on top */
  .grid ul {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--news-list-columns-min, 16rem)), 1fr));
  }
  .grid .item {
    grid-template-columns: minmax(0, 1fr);
    gap: 0;
    overflow: hidden;
    border: 1px solid var(--_border);
    background: var(--_surface);
  }
  .grid .thumb {
    border-radius: 0;
  }
  .grid .text {
    padding: calc(var(--_space) * 0.75);
  }

  /* compact: title and date, no image or summary; long titles wrap beside the date */
  .compact ul {
    gap: 0;
  }
  .compact .item {
    grid-template-columns: minmax(0, 1fr);
    padding: 0.4em 0;
    border-bottom: 1px solid var(--_border);
  }
  .compact .text {
    display: flex;
    align-items: baseline;
    gap: 0.75em;
  }
  .compact .title {
    flex: 1;
  }
  .compact .meta {
    margin: 0;
  }

  @container (max-width: 26rem) {
    .list .item {
      grid-template-columns: var(--news-list-image-width, 5.5rem) minmax(0, 1fr);
    }
    /* A narrow compact list (a sidebar) gives the title the whole line and puts the date under it. */
    .compact .text {
      display: block;
    }
  }

  /*
   * Loading placeholders: the item's own boxes, each as many lines high as a typical headline and summary take at
   * this width, so the list keeps about the height it will have.
   */
  .bar {
    display: block;
    min-width: 8em;
    height: calc(var(--_l, 1) * 1lh);
    background: repeating-linear-gradient(var(--_border) 0 0.75lh, transparent 0 1lh);
  }
  .title .bar {
    --_l: var(--_tl, 1);
  }
  .summary .bar {
    --_l: var(--_sl, 2);
  }
  .grid .skeleton {
    --_tl: 3;
    --_sl: 3;
  }
  @container (max-width: 36rem) {
    .list .skeleton {
      --_tl: 2;
    }
  }
  @container (max-width: 26rem) {
    .list .skeleton {
      --_tl: 4;
      --_sl: 5;
    }
    .compact .skeleton {
      --_tl: 3;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton .thumb,
    .bar {
      animation: pulse 1.4s ease-in-out infinite;
    }
  }
  @keyframes pulse {
    50% {
      opacity: 0.45;
    }
  }

  /* states */
  [part~='status'] {
    margin: 0 0 var(--_gap);
    padding: calc(var(--_space) * 0.75);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .empty {
    color: var(--_muted);
  }
  .more {
    display: block;
    margin: var(--_gap) auto 0;
  }
`;
