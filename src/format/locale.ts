/** Which language an element speaks, and loading that language's words and date formats. */
import { en, type Messages } from './messages.js';
import { englishDates, type LocaleDates } from './dates.js';

/** A language the widgets speak: its tag, its words, its dates, and its counts where the browser's Intl lacks them. */
export interface LocaleData {
  lang: SupportedLang;
  messages: Messages;
  dates: LocaleDates;
  /** Formats a view count (`compact`: 1,2 ming); without it, `Intl.NumberFormat` of the language does. */
  count?: (count: number, compact: boolean) => string;
}

type LocaleModule = Omit<LocaleData, 'lang'>;

/**
 * Every language besides English, each its own chunk under `locales/`. Adding a language is adding its file and
 * its line here (literal specifiers, so bundlers split each language into its own chunk).
 */
export const chunks = {
  'zh-CN': () => import('./locales/zh-CN.js'),
  ru: () => import('./locales/ru.js'),
  kk: () => import('./locales/kk.js'),
  uz: () => import('./locales/uz.js'),
  'uz-Cyrl': () => import('./locales/uz-Cyrl.js'),
  tg: () => import('./locales/tg.js'),
  ky: () => import('./locales/ky.js'),
  tk: () => import('./locales/tk.js'),
} satisfies Record<string, () => Promise<LocaleModule>>;

/** The languages the widgets speak. */
export type SupportedLang = 'en' | keyof typeof chunks;

/** A language with its script and a region at most: `kk-KZ`, `uz-Cyrl-UZ`, `zh-Hans-CN` (not `zh-TW`: Hant). */
const direct = /^([a-z]{2,3}(?:-latn|-cyrl|-hans)?)(?:-(?!tw|hk|mo)(?:[a-z]{2}|\d{3}))?$/;
const aliases: Record<string, SupportedLang> = {
  zh: 'zh-CN',
  'zh-hans': 'zh-CN',
  'uz-latn': 'uz',
  'uz-cyrl': 'uz-Cyrl',
};
const chained = new Map<string, SupportedLang>();

/** A tag in lower case with hyphens: `uz_Latn_UZ` → `uz-latn-uz`. */
export const normalizeTag = (tag: string | null | undefined): string =>
  (tag ?? '').trim().toLowerCase().replace(/_/g, '-');

/**
 * The supported language for a BCP 47 tag, if known without loading anything: a tag that names one directly, or
 * one the fallback chain has already resolved (see `resolveLang`).
 */
export function matchLang(tag: string | null | undefined): SupportedLang | undefined {
  const key = normalizeTag(tag);
  const name = direct.exec(key)?.[1] ?? '';
  const lang = aliases[name] ?? name;
  return lang === 'en' || lang in chunks ? (lang as SupportedLang) : chained.get(key);
}

/**
 * The supported language for any BCP 47 tag. Tags that need the fallback chain (another script, another language)
 * load it as a small chunk, so pages in the common languages never download it.
 */
export function resolveLang(tag: string): Promise<SupportedLang> {
  const lang = matchLang(tag);
  if (lang) return Promise.resolve(lang);
  return import('./fallback.js').then(
    (chain) => {
      const chosen = chain.fallbackLang(tag);
      chained.set(normalizeTag(tag), chosen);
      return chosen;
    },
    () => 'en' as const,
  );
}

const english: LocaleData = { lang: 'en', messages: en, dates: englishDates };
const loaded = new Map<SupportedLang, LocaleData>([['en', english]]);
const loading = new Map<SupportedLang, Promise<LocaleData>>();

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
        const data: LocaleData = { ...module, lang };
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

function importLocale(lang: SupportedLang): Promise<LocaleModule> {
  return lang === 'en' ? Promise.resolve(english) : chunks[lang]();
}
