/** Helpers for tests of <news-list>: its parts, and waiting until it shows items or a status. */
import { waitUntil } from '@open-wc/testing';

/** The elements of a part in an element's shadow root. */
export const parts = (el: Element, name: string): HTMLElement[] =>
  Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`));

/** Resolves once the list shows items or a status message (empty, error). */
export const loaded = (el: Element): Promise<void> =>
  waitUntil(() => parts(el, 'item').length > 0 || parts(el, 'status').length > 0, 'list did not render', {
    timeout: 5000,
  });
