import { expect } from '@open-wc/testing';
import { formatNewsDate } from '../../src/format/dates.js';
import { loadLocale, matchLang, resolveLang, type SupportedLang } from '../../src/format/locale.js';
import { chainLang, fallbackLang, isGap, readsRussian, supportedLangs } from '../../src/format/fallback.js';
import { formatPattern, type CldrDateData, type CldrNumberData } from '../../src/format/cldr.js';
import * as kk from '../../src/format/locales/kk.js';
import * as uz from '../../src/format/locales/uz.js';
import * as uzCyrl from '../../src/format/locales/uz-Cyrl.js';
import * as tg from '../../src/format/locales/tg.js';
import * as ky from '../../src/format/locales/ky.js';
import * as tk from '../../src/format/locales/tk.js';

/** The languages whose dates and numbers are written here from CLDR (the others use date-fns or Intl). */
const cldrLangs = ['kk', 'uz', 'uz-Cyrl', 'tg', 'ky', 'tk'] as const;
/** The CLDR release the locale data was checked against (the npm packages' version is CLDR's). */
const CLDR_VERSION = '48';

const now = Date.parse('2026-11-29T12:00:00Z');
const ago = (ms: number) => new Date(now - ms);
const unitMs = { second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const cldr = async (pkg: string, lang: string, file: string): Promise<Json> => {
  const response = await fetch(`/node_modules/${pkg}/main/${lang}/${file}.json`);
  return ((await response.json()) as Json).main[lang];
};
const chunks: Record<string, { dateData: CldrDateData; numberData: CldrNumberData }> = { kk, uz, uzCyrl, tg, ky, tk };
const chunk = async (lang: string) => chunks[lang.replace('-C', 'C')];

describe('languages checked against CLDR', () => {
  it(`uses CLDR ${CLDR_VERSION} data`, async () => {
    const pkg = (await (await fetch('/node_modules/cldr-dates-full/package.json')).json()) as Json;
    expect(pkg.version.split('.')[0]).to.equal(CLDR_VERSION);
  });

  for (const lang of cldrLangs) {
    it(`writes ${lang} month names and date patterns as CLDR does`, async () => {
      const { dateData } = await chunk(lang);
      const gregorian = (await cldr('cldr-dates-full', lang, 'ca-gregorian')).dates.calendars.gregorian;
      expect(dateData.months).to.deep.equal(Object.values(gregorian.months.format.wide));
      expect(dateData.monthsShort).to.deep.equal(Object.values(gregorian.months.format.abbreviated));
      expect(dateData.long).to.equal(gregorian.dateFormats.long);
      expect(dateData.medium).to.equal(gregorian.dateFormats.medium);
    });

    it(`reads ${lang} relative dates of 1, 2, 5 and 21 units in CLDR's plural forms`, async () => {
      const { dates } = await loadLocale(lang);
      const fields = (await cldr('cldr-dates-full', lang, 'dateFields')).dates.fields;
      // The plural forms below assume CLDR's rule for the language is "one: n = 1" or no rule at all (Tajik).
      const plurals = (await (await fetch('/node_modules/cldr-core/supplemental/plurals.json')).json()) as Json;
      const rules = plurals.supplemental['plurals-type-cardinal'][lang.split('-')[0]] ?? {};
      expect(
        Object.keys(rules).filter((key) => !/-(one|other)$/.test(key)),
        lang,
      ).to.deep.equal([]);
      if (rules['pluralRule-count-one']) expect(rules['pluralRule-count-one']).to.match(/^n = 1 @/);
      for (const [unit, size] of Object.entries(unitMs)) {
        const past = fields[unit]['relativeTime-type-past'];
        for (const count of [1, 2, 5, 21]) {
          // These languages' CLDR plural rules: "one" is n = 1 where the language has it; all else is "other".
          const pattern =
            (count === 1 && past['relativeTimePattern-count-one']) || past['relativeTimePattern-count-other'];
          expect(formatNewsDate(ago(count * size), 'relative', dates, now), `${lang} ${count} ${unit}`).to.equal(
            pattern.replace('{0}', String(count)),
          );
        }
      }
    });

    it(`groups ${lang} digits and writes compact counts as CLDR does`, async () => {
      const { numberData } = await chunk(lang);
      const { count } = await loadLocale(lang);
      const numbers = (await cldr('cldr-numbers-full', lang, 'numbers')).numbers;
      const symbols = numbers['symbols-numberSystem-latn'];
      const short = numbers['decimalFormats-numberSystem-latn'].short.decimalFormat;
      const unquote = (pattern: string) => pattern.replace(/'([^']*)'/g, '$1');
      expect(numberData.group).to.equal(symbols.group);
      expect(numberData.decimal).to.equal(symbols.decimal);
      expect(numberData.thousand).to.equal(unquote(short['1000-count-other']));
      expect(numberData.million).to.equal(unquote(short['1000000-count-other']));
      expect(numbers.minimumGroupingDigits).to.equal('1');
      const g = symbols.group;
      expect(count!(1234567, false)).to.equal(`1${g}234${g}567`);
      expect(count!(999, false)).to.equal('999');
      expect(count!(1000, false)).to.equal(`1${g}000`);
      expect(count!(1234, true)).to.equal(numberData.thousand.replace('0', `1${symbols.decimal}2`));
      expect(count!(21000, true)).to.equal(numberData.thousand.replace('0', '21'));
      expect(count!(2_500_000, true)).to.equal(numberData.million.replace('0', `2${symbols.decimal}5`));
      expect(count!(640, true)).to.equal('640');
    });
  }

  it('formats short and long dates in every language', async () => {
    const date = new Date('2026-05-01T10:00:00Z');
    const late = new Date('2026-11-29T10:00:00Z');
    const expected: Record<SupportedLang, [string, string, string]> = {
      en: ['May 1, 2026', 'May 1, 2026', 'November 29, 2026'],
      'zh-CN': ['2026-05-01', '2026年5月1日', '2026年11月29日'],
      ru: ['1 мая 2026 г.', '1 мая 2026 г.', '29 ноября 2026 г.'],
      kk: ['2026\u202fж. 01 мам.', '2026\u202fж. 1 мамыр', '2026\u202fж. 29 қараша'],
      uz: ['1-may, 2026', '1-may, 2026', '29-noyabr, 2026'],
      'uz-Cyrl': ['1 май, 2026', '1 май, 2026', '29 ноябр, 2026'],
      tg: ['01 Май 2026', '01 Май 2026', '29 Ноябр 2026'],
      ky: ['2026-ж., 1-май', '2026-ж., 1-май', '2026-ж., 29-ноябрь'],
      tk: ['1 maý 2026', '1 maý 2026', '29 noýabr 2026'],
    };
    for (const lang of supportedLangs) {
      const { dates } = await loadLocale(lang);
      const [short, long, lateLong] = expected[lang];
      expect(formatNewsDate(date, 'short', dates, now), `${lang} short`).to.equal(short);
      expect(formatNewsDate(date, 'long', dates, now), `${lang} long`).to.equal(long);
      expect(formatNewsDate(late, 'long', dates, now), `${lang} long`).to.equal(lateLong);
    }
  });

  it('reads relative dates of 1, 2, 5 and 21 hours and days in each language’s plural forms', async () => {
    const expected: Record<SupportedLang, string[]> = {
      en: [
        '1 hour ago',
        '2 hours ago',
        '5 hours ago',
        '21 hours ago',
        '1 day ago',
        '2 days ago',
        '5 days ago',
        '21 days ago',
      ],
      'zh-CN': ['1 小时前', '2 小时前', '5 小时前', '21 小时前', '1 天前', '2 天前', '5 天前', '21 天前'],
      ru: [
        '1 час назад',
        '2 часа назад',
        '5 часов назад',
        '21 час назад',
        '1 день назад',
        '2 дня назад',
        '5 дней назад',
        '21 день назад',
      ],
      kk: [
        '1 сағат бұрын',
        '2 сағат бұрын',
        '5 сағат бұрын',
        '21 сағат бұрын',
        '1 күн бұрын',
        '2 күн бұрын',
        '5 күн бұрын',
        '21 күн бұрын',
      ],
      uz: [
        '1 soat oldin',
        '2 soat oldin',
        '5 soat oldin',
        '21 soat oldin',
        '1 kun oldin',
        '2 kun oldin',
        '5 kun oldin',
        '21 kun oldin',
      ],
      'uz-Cyrl': [
        '1 соат олдин',
        '2 соат олдин',
        '5 соат олдин',
        '21 соат олдин',
        '1 кун олдин',
        '2 кун олдин',
        '5 кун олдин',
        '21 кун олдин',
      ],
      tg: [
        '1 соат пеш',
        '2 соат пеш',
        '5 соат пеш',
        '21 соат пеш',
        '1 рӯз пеш',
        '2 рӯз пеш',
        '5 рӯз пеш',
        '21 рӯз пеш',
      ],
      ky: [
        '1 саат мурун',
        '2 саат мурун',
        '5 саат мурун',
        '21 саат мурун',
        '1 күн мурун',
        '2 күн мурун',
        '5 күн мурун',
        '21 күн мурун',
      ],
      tk: ['1 sagat öň', '2 sagat öň', '5 sagat öň', '21 sagat öň', '1 gün öň', '2 gün öň', '5 gün öň', '21 gün öň'],
    };
    for (const lang of supportedLangs) {
      const { dates } = await loadLocale(lang);
      const seen = [unitMs.hour, unitMs.day].flatMap((size) =>
        [1, 2, 5, 21].map((n) => formatNewsDate(ago(n * size), 'relative', dates, now)),
      );
      expect(seen, lang).to.deep.equal(expected[lang]);
    }
  });

  it('reads CLDR date patterns with quoted text and padded days', () => {
    const data: CldrDateData = {
      months: Array.from({ length: 12 }, (_, i) => `m${i + 1}`),
      monthsShort: Array.from({ length: 12 }, (_, i) => `s${i + 1}`),
      long: '',
      medium: '',
      past: { second: '', minute: '', hour: '', day: '' },
    };
    const date = new Date('2026-03-04T10:00:00Z');
    expect(formatPattern(date, "y-'ж'., d-MMMM", data)).to.equal('2026-ж., 4-m3');
    expect(formatPattern(date, 'dd MMM y', data)).to.equal('04 s3 2026');
    expect(formatPattern(date, "d 'de' MMMM ''y''", data)).to.equal("4 de m3 '2026'");
  });
});

describe('the language fallback chain', () => {
  it('finds the language of any BCP 47 tag', () => {
    const cases: [string, SupportedLang][] = [
      ['kk-KZ', 'kk'],
      ['uz-Latn-UZ', 'uz'],
      ['uz_Cyrl_UZ', 'uz-Cyrl'],
      ['uz-Arab', 'uz'],
      ['uz-AF', 'uz'],
      ['tg-TJ', 'tg'],
      ['tg-Cyrl-TJ', 'tg'],
      ['ky-KG', 'ky'],
      ['tk-TM', 'tk'],
      ['zh-Hant-TW', 'zh-CN'],
      ['ru-UA', 'ru'],
      ['EN-gb', 'en'],
      ['tt-RU', 'ru'],
      ['kaa', 'ru'],
      ['az-Latn-AZ', 'ru'],
      ['be', 'ru'],
      ['hy-AM', 'ru'],
      ['ug-Cyrl-KZ', 'ru'],
      ['de-DE', 'en'],
      ['fr', 'en'],
      ['x-klingon', 'en'],
      ['', 'en'],
    ];
    for (const [tag, lang] of cases) expect(chainLang(tag), tag).to.equal(lang);
    expect(readsRussian).to.not.include('uk').and.not.include('ka');
  });

  it('knows the common tags without loading the chain, and every other tag once the chain has resolved it', async () => {
    expect(matchLang('kk-KZ')).to.equal('kk');
    expect(matchLang('uz-Cyrl-UZ')).to.equal('uz-Cyrl');
    expect(matchLang('uz-Latn')).to.equal('uz');
    expect(matchLang('ru-419')).to.equal('ru');
    expect(matchLang('zh-Hans-SG')).to.equal('zh-CN');
    for (const tag of ['zh-TW', 'uz-Arab', 'kk-Latn', 'tt', 'de']) expect(matchLang(tag), tag).to.equal(undefined);
    expect(await resolveLang('tt')).to.equal('ru');
    expect(matchLang('TT')).to.equal('ru');
    expect(await resolveLang('ky-KG')).to.equal('ky');
  });

  it('calls a stand-in language a gap, and a region no gap', () => {
    expect(isGap('uz-Arab', 'uz')).to.equal(true);
    expect(isGap('kk-Latn', 'kk')).to.equal(true);
    expect(isGap('zh-TW', 'zh-CN')).to.equal(true);
    expect(isGap('zh-Hant', 'zh-CN')).to.equal(true);
    expect(isGap('tt', 'ru')).to.equal(true);
    expect(isGap('de', 'en')).to.equal(true);
    expect(isGap('uz-Latn-UZ', 'uz')).to.equal(false);
    expect(isGap('uz-Cyrl', 'uz-Cyrl')).to.equal(false);
    expect(isGap('tk-Latn-TM', 'tk')).to.equal(false);
    expect(isGap('en-GB', 'en')).to.equal(false);
    expect(isGap('zh-SG', 'zh-CN')).to.equal(false);
  });

  it('names a missing language in the console once per tag', () => {
    const said: string[] = [];
    const info = console.info;
    console.info = (...args: unknown[]) => said.push(args.join(' '));
    try {
      expect(fallbackLang('uz-Arab-AF')).to.equal('uz');
      expect(fallbackLang('uz-Arab-AF')).to.equal('uz');
      expect(fallbackLang('UZ_arab_af')).to.equal('uz');
      expect(fallbackLang('ba')).to.equal('ru');
      expect(fallbackLang('ru-KZ')).to.equal('ru');
      expect(fallbackLang('en-US-u-ca-buddhist')).to.equal('en');
    } finally {
      console.info = info;
    }
    expect(said).to.have.length(2);
    expect(said[0]).to.contain('lang="uz-Arab-AF"').and.contain('"uz"');
    expect(said[1]).to.contain('lang="ba"').and.contain('"ru"');
  });
});
