/** The fallback chain from any BCP 47 tag to a language the widgets speak, and the console hint that names a gap. */
import { chunks, normalizeTag, type SupportedLang } from './locale.js';

/** The languages the widgets speak, English first. */
export const supportedLangs = ['en', ...Object.keys(chunks)] as SupportedLang[];

/**
 * Languages of Central Asia, the Caucasus and Russia without words of their own here, whose readers mostly read
 * Russian: Abkhaz, Avar, Azerbaijani, Bashkir, Belarusian, Buryat, Chechen, Chuvash, Dungan, Armenian, Karakalpak,
 * Kabardian, Karachay-Balkar, Komi, Moksha, Erzya, Ossetian, Yakut, Tatar, Tuvan, Udmurt, Uyghur.
 */
export const readsRussian = 'ab av az ba be bua ce cv dng hy kaa kbd krc kv mdf myv os sah tt tyv udm ug'.split(' ');

/** The script each language is written in here; the others are Cyrillic. A new Latin-script language goes here. */
const scripts: Partial<Record<SupportedLang, string>> = { en: 'latn', uz: 'latn', tk: 'latn', 'zh-CN': 'hans' };
const hinted = new Set<string>();

/**
 * The chain: the same language whatever its region or script (`kk-Arab` → `kk`, `zh-Hant-TW` → `zh-CN`; Uzbek in
 * Cyrillic → `uz-Cyrl`, in any other script → `uz`); a language of Central Asia, the Caucasus or Russia without
 * words here → `ru`; anything else → `en`.
 */
export function chainLang(tag: string): SupportedLang {
  const [primary, ...rest] = normalizeTag(tag).split('-');
  if (primary === 'zh') return 'zh-CN';
  if (primary === 'uz') return rest.includes('cyrl') ? 'uz-Cyrl' : 'uz';
  if ((supportedLangs as readonly string[]).includes(primary)) return primary as SupportedLang;
  return readsRussian.includes(primary) ? 'ru' : 'en';
}

/**
 * True when the language shown is not the one asked for: another language (`tt` → `ru`, `de` → `en`) or the same
 * in another script (`uz-Arab` → `uz`, `kk-Latn` → `kk`, `zh-TW` → `zh-CN`). A region alone is no gap.
 */
export function isGap(tag: string, lang: SupportedLang): boolean {
  const [primary, ...rest] = normalizeTag(tag).split('-');
  const script =
    rest.find((s) => /^[a-z]{4}$/.test(s)) ??
    (primary === 'zh' && rest.some((s) => /^(tw|hk|mo)$/.test(s)) ? 'hant' : '');
  return primary !== lang.split('-')[0] || (script !== '' && script !== (scripts[lang] ?? 'cyrl'));
}

/** The chain's language for a tag; tells the page's editor in the console, once per tag, when it is a stand-in. */
export function fallbackLang(tag: string): SupportedLang {
  const lang = chainLang(tag);
  const key = normalizeTag(tag);
  if (isGap(tag, lang) && !hinted.has(key)) {
    hinted.add(key);
    console.info(
      `news-widgets: the widgets have no words for lang="${tag}" yet and show "${lang}" instead. ` +
        'Translations are welcome: see "Languages" in the news-widgets README.',
    );
  }
  return lang;
}
