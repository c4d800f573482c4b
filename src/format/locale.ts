/** Which language an element speaks, and loading that language's words and date formats. */
import { en, type Messages } from './messages.js';
import { englishDates, type LocaleDates } from './dates.js';

/** A language the widgets speak: its tag, its words and its dates. */
export interface LocaleData {
  lang: SupportedLang;
  messages: Messages;
  dates: LocaleDates;
}

export const supportedLangs = ['en', 'zh-CN', 'ru', 'kk'] as const;
export type SupportedLang = (typeof supportedLangs)[number];

const english: LocaleData = { lang: 'en', messages: en, dates: englishDates };
const loaded = new Map<SupportedLang, LocaleData>([['en', english]]);
const loading = new Map<SupportedLang, Promise<LocaleData>>();

/** The closest supported language for a BCP 47 tag: `zh`, `zh-Hans`, `zh-SG` → `zh-CN`; `ru-KZ` → `ru`; unknown → `en`. */
export function matchLang(tag: string | null | undefined): SupportedLang {
  const lower = (tag ?? '').trim().toLowerCase().replace(/_/g, '-');
  const primary = lower.split('-')[0];
  if (primary === 'zh') return 'zh-CN';
  if (primary === 'ru') return 'ru';
  if (primary === 'kk') return 'kk';
  return 'en';
}

/**
 * The language of an element: its own `lang`, else the nearest `[lang]` ancestor (through shadow roots),
 * else the document's, else the browser's.
 */
export function langOf(element: Element): string {
  let node: Element | null = element;
  while (node) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
  }
  return document.documentElement.lang || navigator.language || 'en';
}

/** The data of a language if it is already loaded (English always is). */
export function localeIfLoaded(lang: SupportedLang): LocaleData | undefined {
  return loaded.get(lang);
}

/** Loads a language's chunk once per page; falls back to English if the chunk cannot load. */
export function loadLocale(lang: SupportedLang): Promise<LocaleData> {
  const ready = loaded.get(lang);
  if (ready) return Promise.resolve(ready);
  let pending = loading.get(lang);
  if (!pending) {
    pending = importLocale(lang)
      .then((module) => {
        const data: LocaleData = { lang, messages: module.messages, dates: module.dates };
        loaded.set(lang, data);
        return data;
      })
      .catch(() => {
        loading.delete(lang);
        return english;
      });
    loading.set(lang, pending);
  }
  return pending;
}

// Literal specifiers so bundlers split each language into its own chunk.
function importLocale(lang: SupportedLang): Promise<{ messages: Messages; dates: LocaleDates }> {
  switch (lang) {
    case 'zh-CN':
      return import('./locales/zh-CN.js');
    case 'ru':
      return import('./locales/ru.js');
    case 'kk':
      return import('./locales/kk.js');
    default:
      return Promise.resolve(english);
  }
}
