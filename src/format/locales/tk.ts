/** Turkmen (Latin) words, dates and counts: a chunk loaded on demand. date-fns has no Turkmen; dates follow CLDR 48. */
import type { Messages } from '../messages.js';
import { cldrCount, cldrDates, type CldrDateData, type CldrNumberData } from '../cldr.js';

export const dateData: CldrDateData = {
  months: [
    'ýanwar',
    'fewral',
    'mart',
    'aprel',
    'maý',
    'iýun',
    'iýul',
    'awgust',
    'sentýabr',
    'oktýabr',
    'noýabr',
    'dekabr',
  ],
  monthsShort: ['ýan', 'few', 'mart', 'apr', 'maý', 'iýun', 'iýul', 'awg', 'sen', 'okt', 'noý', 'dek'],
  long: 'd MMMM y',
  medium: 'd MMM y',
  // Turkmen nouns stay singular after a numeral: one form for every count.
  past: { second: '{0} sekunt öň', minute: '{0} minut öň', hour: '{0} sagat öň', day: '{0} gün öň' },
};
export const dates = cldrDates(dateData);

export const numberData: CldrNumberData = {
  group: '\u00a0',
  decimal: ',',
  thousand: '0\u00a0müň',
  million: '0\u00a0mln',
};
export const count = cldrCount(numberData);

export const messages: Messages = {
  loading: 'Habarlar ýüklenýär…',
  empty: 'Häzirlikçe habar ýok.',
  emptyCategory: 'Bu bölümde habar ýok.',
  more: 'Ýene görkez',
  retry: 'Gaýtadan synanyş',
  news: 'Habarlar',
  loaded: (n) => `${n} habar`,
  errorTitle: 'Habarlary ýükläp bolmady.',
  articleErrorTitle: 'Makalany ýükläp bolmady.',
  tryAgain: 'Biraz wagtdan soň gaýtadan synanyşyň.',
  offline: 'Internet baglanyşygy ýok. Baglanyşyk dikelenden soň habarlar ýüklener.',
  staleNotice: 'Öňki habarlar görkezilýär: soňky täzelenmäni ýükläp bolmady.',
  partialNotice: (n) => `${n} habar lentasyny ýükläp bolmady.`,
  articleNotFound: 'Makala tapylmady. Ol habar lentasyndan aýrylan bolmagy mümkin.',
  back: 'Habarlara dolan',
  clicks: 'Görülen sany',
  published: 'Çap edilen senesi',
  authors: (n) => (n === 1 ? 'Awtor' : 'Awtorlar'),
  categories: (n) => (n === 1 ? 'Bölüm' : 'Bölümler'),
};
