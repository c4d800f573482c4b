/** Styles of <news-article>: readable article typography driven by --news-article-* tokens. */
import { css } from 'lit';

export const newsArticleStyles = css`
  :host {
    font-family: var(--news-article-font-family, var(--news-font-family, inherit));
    color: var(--news-color-text, inherit);
  }
  article {
    max-width: var(--news-article-max-width, 44rem);
    font-size: var(--news-article-font-size, 1.0625rem);
    line-height: var(--news-article-line-height, 1.7);
    overflow-wrap: break-word;
  }
  [part~='title'] {
    margin: 0 0 0.5em;
    font-size: 2em;
    line-height: 1.2;
    text-wrap: pretty;
  }
  [part~='meta'] {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    row-gap: 0.25em;
    margin-bottom: calc(var(--_space) * 1.5);
    font-size: 0.875em;
    color: var(--_muted);
    /* Every field starts with its dot; the line reaches one dot's width to the left and hides it there, so no line
       starts with a dot, however the fields wrap. */
    margin-left: -1.5em;
    clip-path: inset(-1em -1em -1em 1.5em);
  }
  /* "date · author · category · Clicks: N": the dots are drawn, not read (screen readers hear the labels). */
  .field::before,
  ::slotted(*)::before {
    content: '·';
    content: '·' / '';
    display: inline-block;
    width: 1.5em;
    text-align: center;
  }
  /* A counter's number comes after the article: it keeps about its width ("· Clicks: 1,234") from the start, so
     the meta line wraps when the article shows, not again under the reader's eyes. */
  ::slotted(click-counter) {
    min-width: 9em;
  }
  .lead {
    margin: 0 0 calc(var(--_space) * 1.5);
  }
  img {
    display: block;
    max-width: 100%;
    height: auto;
    border-radius: var(--_radius);
  }
  .content :where(p, ul, ol, dl, blockquote, figure, pre, .table-scroll) {
    margin: 0 0 1em;
  }
  .content :where(h1, h2, h3, h4, h5, h6) {
    margin: 1.6em 0 0.5em;
    line-height: 1.3;
  }
  .content h1 {
    font-size: 1.6em;
  }
  .content h2 {
    font-size: 1.4em;
  }
  .content h3 {
    font-size: 1.2em;
  }
  .content :where(h4, h5, h6) {
    font-size: 1em;
  }
  .content :where(ul, ol) {
    padding-inline-start: 1.5em;
  }
  .content li + li {
    margin-top: 0.25em;
  }
  .content a {
    color: var(--news-article-color-link, var(--_accent));
    text-underline-offset: 0.15em;
  }
  .content a:focus-visible,
  .table-scroll:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .content blockquote {
    margin-inline: 0;
    padding: 0.25em 0 0.25em 1em;
    border-inline-start: 4px solid var(--_accent);
    color: var(--_muted);
    font-style: italic;
  }
  .content figure {
    margin-inline: 0;
  }
  .content figcaption {
    margin-top: 0.5em;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .table-scroll {
    overflow-x: auto;
    max-width: 100%;
  }
  .content table {
    border-collapse: collapse;
    min-width: 100%;
    font-size: 0.9375em;
  }
  .content :where(th, td) {
    padding: 0.4em 0.75em;
    border: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  .content th {
    background: color-mix(in srgb, currentColor 5%, transparent);
  }
  .content :where(code, kbd, samp) {
    font-family: ui-monospace, monospace;
    font-size: 0.9em;
  }
  .content pre {
    overflow-x: auto;
    padding: 1em;
    border-radius: var(--_radius);
    background: color-mix(in srgb, currentColor 6%, transparent);
    line-height: 1.5;
  }
  .content hr {
    border: 0;
    border-top: 1px solid var(--_border);
    margin: 2em 0;
  }
  [part~='status'] {
    padding: calc(var(--_space) * 0.75);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  [part~='status'] p {
    margin: 0 0 0.75em;
  }
  [part~='button'] {
    margin-inline-end: 0.5em;
  }
  /* Loading keeps the screen's height, as the README's rule does before the element is defined: what follows an
     article stays out of view until the article is there, so it never jumps. */
  .skeleton {
    min-height: 100vh;
  }
  .skeleton span {
    display: block;
    height: 1em;
    margin: 0.75em 0;
    border-radius: 4px;
    background: var(--_border);
  }
  .skeleton span:first-child {
    height: 2em;
    width: 70%;
  }
`;
