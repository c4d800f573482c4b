/** The error notice both elements show: a short sentence for readers, and with `debug` the editor's cause and fix. */
import { html, nothing, type TemplateResult } from 'lit';
import type { FeedError } from './feed/feed-error.js';
import type { LocaleData, SupportedLang } from './format/locale.js';

/** Failures that trying again cannot mend: a wrong address, a damaged, missing or oversized feed. */
export const isLasting = (error: FeedError): boolean =>
  /^(config|parse|format|too-large)$/.test(error.code) || error.status === 404 || error.status === 410;

const describers = new Map<SupportedLang, (error: FeedError) => string>();

/**
 * The editors' explanation in `lang`, if its words are loaded; otherwise starts loading them (chunks that only
 * pages with a failed feed fetch, and other languages than English only with `debug`) and re-renders `host`.
 */
function editorDetail(host: { requestUpdate(): void }, error: FeedError, lang: SupportedLang): string | undefined {
  const describe = describers.get(lang);
  if (describe) return describe(error);
  void import('./format/errors.js').then(async ({ errorTexts, describeError }) => {
    const texts = await errorTexts(lang);
    describers.set(lang, (e) => describeError(texts, e));
    host.requestUpdate();
  });
  return undefined;
}

export interface ErrorNoticeOptions {
  /** The reader's heading: what could not be shown. */
  title: string;
  error: FeedError;
  locale: LocaleData;
  /** Shows the editor's detail: the cause and fix in the element's language, the failing address and the error. */
  debug: boolean;
  /** Tries again; offered only where that can help. */
  retry: () => void;
  /** Something to add after the Retry button (a way back). */
  actions?: unknown;
}

/**
 * The reader reads what happened and what they can do: wait and retry a passing failure, reconnect when offline,
 * nothing for a lasting one. No role=alert: each element's one polite live region says the heading.
 */
export function errorNotice(
  host: { requestUpdate(): void },
  { title, error, locale, debug, retry, actions = nothing }: ErrorNoticeOptions,
): TemplateResult {
  const m = locale.messages;
  // `onLine` is only trustworthy when false.
  const offline = navigator.onLine === false && !isLasting(error);
  const canRetry = !isLasting(error) && !offline;
  const detail = debug ? editorDetail(host, error, locale.lang) : undefined;
  return html`<div part="status" class="error">
    <p class="headline">${title}</p>
    ${offline || canRetry ? html`<p>${offline ? m.offline : m.tryAgain}</p>` : nothing}
    ${detail ? html`<p>${detail}</p>` : nothing}
    ${
      debug
        ? html`<p><code>${error.url}</code></p>
            <p><code lang="en">${error.message}</code></p>`
        : nothing
    }
    ${canRetry ? html`<button part="button" type="button" @click=${retry}>${m.retry}</button>` : nothing} ${actions}
  </div>`;
}
