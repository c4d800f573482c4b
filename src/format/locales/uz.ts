/** Uzbek (Latin script, the official one) words, dates and counts: a chunk loaded on demand. Dates follow CLDR 48. */
import type { Messages } from '../messages.js';
import { cldrCount, cldrDates, type CldrDateData, type CldrNumberData } from '../cldr.js';

// date-fns's Uzbek writes "1 May, 2026" and "2 minut oldin"; CLDR writes "1-may, 2026" and "2 daqiqa oldin".
export const dateData: CldrDateData = {
  months: [
    'yanvar',
    'fevral',
    'mart',
    'aprel',
    'may',
    'iyun',
    'iyul',
    'avgust',
    'sentabr',
    'oktabr',
    'noyabr',
    'dekabr',
  ],
  monthsShort: ['yan', 'fev', 'mar', 'apr', 'may', 'iyn', 'iyl', 'avg', 'sen', 'okt', 'noy', 'dek'],
  long: 'd-MMMM, y',
  medium: 'd-MMM, y',
  // Uzbek nouns stay singular after a numeral: one form for every count.
  past: { second: '{0} soniya oldin', minute: '{0} daqiqa oldin', hour: '{0} soat oldin', day: '{0} kun oldin' },
};
export const dates = cldrDates(dateData);

export const numberData: CldrNumberData = {
  group: '\u00a0',
  decimal: ',',
  thousand: '0\u00a0ming',
  million: '0\u00a0mln',
};
export const count = cldrCount(numberData);

// Oʻ and gʻ take U+02BB (ʻ), as the official Latin alphabet writes them.
export const messages: Messages = {
  loading: 'Yangiliklar yuklanmoqda…',
  empty: 'Hozircha yangiliklar yoʻq.',
  emptyCategory: 'Bu turkumda yangiliklar yoʻq.',
  more: 'Yana koʻrsatish',
  retry: 'Qayta urinish',
  news: 'Yangiliklar',
  loaded: (n) => `${n} ta yangilik`,
  errorTitle: 'Yangiliklarni yuklab boʻlmadi.',
  articleErrorTitle: 'Maqolani yuklab boʻlmadi.',
  tryAgain: 'Birozdan soʻng qayta urinib koʻring.',
  offline: 'Internet aloqasi yoʻq. Aloqa tiklangach, yangiliklar yuklanadi.',
  staleNotice: 'Avvalgi yangiliklar koʻrsatilmoqda: soʻnggi yangilanishni yuklab boʻlmadi.',
  partialNotice: (n) => `${n} ta yangiliklar tasmasini yuklab boʻlmadi.`,
  articleNotFound: 'Maqola topilmadi. Ehtimol, u yangiliklar tasmasidan olib tashlangan.',
  back: 'Yangiliklarga qaytish',
  clicks: 'Koʻrishlar',
  published: 'Eʼlon qilingan sana',
  authors: (n) => (n === 1 ? 'Muallif' : 'Mualliflar'),
  categories: (n) => (n === 1 ? 'Turkum' : 'Turkumlar'),
};
