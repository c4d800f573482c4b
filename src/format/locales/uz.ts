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
  staleNotice: 'Avvalgi yangiliklar koʻrsatilmoqda: soʻnggi yangilanishni yuklab boʻlmadi.',
  partialNotice: (n) => `${n} ta yangiliklar tasmasini yuklab boʻlmadi.`,
  articleNotFound: 'Maqola topilmadi. Ehtimol, u yangiliklar tasmasidan olib tashlangan.',
  back: 'Yangiliklarga qaytish',
  clicks: 'Koʻrishlar',
  errors: {
    parse: 'Tasma buzilgan: fayl toʻgʻri XML yoki JSON emas.',
    format: 'Bu manzil tasma emas, veb-sahifa.',
    formatWithFeed: (url) => `Bu manzil tasma emas, veb-sahifa. Sahifaning tasmasi: ${url}`,
    http: (status) => `Tasma serveri xato bilan javob berdi (HTTP ${status}).`,
    notFound: 'Tasma manzili topilmadi (HTTP 404). Manzilni tekshiring.',
    cors: 'Tasma serveri bu saytga uni oʻqishga ruxsat bermaydi (CORS). Egasidan ruxsat soʻrang yoki tasma proksisidan foydalaning.',
    network: 'Tasma serveriga ulanib boʻlmadi. Manzilni va internet aloqasini tekshiring.',
    offline: 'Internet aloqasi yoʻq. Aloqa tiklangach, yangiliklar yuklanadi.',
    timeout: 'Tasma serveri juda uzoq javob bermadi.',
    tooLarge: 'Tasma sahifada koʻrsatish uchun juda katta (10 MB dan ortiq).',
    config: 'Bu yangiliklar vidjetida toʻgʻri tasma manzili koʻrsatilmagan.',
    unknown: 'Tasmani yuklashda xatolik yuz berdi.',
  },
};
