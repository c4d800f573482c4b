/** Feed errors explained to web editors (cause and fix), per language: a chunk loaded only when one is shown. */
import type { FeedError } from '../feed/feed-error.js';
import type { SupportedLang } from './locale.js';

/** What editors read about each kind of failure (the public only sees the short heading of `Messages`). */
export interface ErrorTexts {
  parse: string;
  format: string;
  /** A web page that advertises a feed: names the feed's address. */
  formatWithFeed: (feedUrl: string) => string;
  http: (status: number) => string;
  notFound: string;
  cors: string;
  network: string;
  timeout: string;
  tooLarge: string;
  /** The element has no usable feed address (the console names the attribute). */
  config: string;
  unknown: string;
}

export const en: ErrorTexts = {
  parse: 'The feed is damaged: its file is not valid XML or JSON.',
  format: 'This address is a web page, not a feed.',
  formatWithFeed: (url) => `This address is a web page, not a feed. The page names its feed: ${url}`,
  http: (status) => `The feed server answered with an error (HTTP ${status}).`,
  notFound: 'The feed address was not found (HTTP 404). Check the address.',
  cors: 'The feed server does not allow this site to read it (CORS). Ask its owner to allow this site, or use a feed proxy.',
  network: 'The feed server could not be reached. Check the address and your connection.',
  timeout: 'The feed server took too long to answer.',
  tooLarge: 'The feed is too large to show on a page (over 10 MB).',
  config: 'This news widget has no valid feed address.',
  unknown: 'Something went wrong while loading the feed.',
};

// Literal specifiers, so bundlers split each language into its own chunk.
const chunks: Record<Exclude<SupportedLang, 'en'>, () => Promise<{ errors: ErrorTexts }>> = {
  'zh-CN': () => import('./errors/zh-CN.js'),
  ru: () => import('./errors/ru.js'),
  kk: () => import('./errors/kk.js'),
  uz: () => import('./errors/uz.js'),
  'uz-Cyrl': () => import('./errors/uz-Cyrl.js'),
  tg: () => import('./errors/tg.js'),
  ky: () => import('./errors/ky.js'),
  tk: () => import('./errors/tk.js'),
};

/** The editors' texts of a language; English if its chunk cannot load. */
export function errorTexts(lang: SupportedLang): Promise<ErrorTexts> {
  return lang === 'en'
    ? Promise.resolve(en)
    : chunks[lang]().then(
        (m) => m.errors,
        () => en,
      );
}

/** What went wrong and what to do about it, in the words of `texts`. */
export function describeError(texts: ErrorTexts, error: FeedError): string {
  switch (error.code) {
    case 'parse':
      return texts.parse;
    case 'format':
      return error.feedUrl ? texts.formatWithFeed(error.feedUrl) : texts.format;
    case 'http':
      return error.status === 404 || error.status === 410 ? texts.notFound : texts.http(error.status ?? 0);
    case 'cors':
      return texts.cors;
    case 'network':
      return texts.network;
    case 'timeout':
      return texts.timeout;
    case 'too-large':
      return texts.tooLarge;
    case 'config':
      return texts.config;
    default:
      return texts.unknown;
  }
}
