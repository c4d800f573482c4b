/** Styles of <news-list>: three layouts whose loading placeholders take exactly the space of the items. */
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

  /* The text block has a fixed height (two title lines, a date, two summary lines) so nothing moves on load. */
  .text {
    height: 7.5em;
    overflow: hidden;
    min-width: 0;
  }
  .title {
    margin: 0;
    font-size: 1.0625em;
    font-weight: 600;
    line-height: 1.35;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
    overflow-wrap: anywhere;
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
    white-space: nowrap;
  }
  [part~='date'] {
    display: block;
  }
  [part~='summary'] {
    margin: 0.25em 0 0;
    font-size: 0.9375em;
    line-height: 1.45;
    color: var(--_muted);
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
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
    height: calc(7.5em + 2 * var(--_space) * 0.75);
    padding: calc(var(--_space) * 0.75);
  }

  /* compact: one line per item, title and date */
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
    height: 1.5em;
  }
  .compact .title {
    flex: 1;
    font-size: 1em;
    font-weight: 500;
    line-height: 1.5;
    display: block;
    white-space: nowrap;
    text-overflow: ellipsis;
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
      height: calc(1.5em + 1.4 * 0.8125em);
    }
  }

  /* loading placeholders */
  .skeleton .bar {
    display: block;
    height: 0.9em;
    margin: 0.3em 0;
    border-radius: 4px;
    background: var(--_border);
  }
  .skeleton .bar.short {
    width: 40%;
  }
  .skeleton .bar.title {
    width: 85%;
    height: 1.1em;
  }
  .skeleton .thumb,
  .skeleton .bar {
    animation: pulse 1.4s ease-in-out infinite;
  }
  @keyframes pulse {
    50% {
      opacity: 0.45;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton .thumb,
    .skeleton .bar {
      animation: none;
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
  .error {
    border-color: color-mix(in srgb, #c62828 45%, transparent);
  }
  .error p {
    margin: 0 0 0.5em;
    overflow-wrap: anywhere;
  }
  .error .headline {
    font-weight: 600;
  }
  .more {
    display: block;
    margin: var(--_gap) auto 0;
  }
`;
