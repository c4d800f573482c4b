/** Tajik (Cyrillic) words, dates and counts: a chunk loaded on demand. date-fns has no Tajik; dates follow CLDR 48. */
import type { Messages } from '../messages.js';
import { cldrCount, cldrDates, type CldrDateData, type CldrNumberData } from '../cldr.js';

export const dateData: CldrDateData = {
  months: ['Январ', 'Феврал', 'Март', 'Апрел', 'Май', 'Июн', 'Июл', 'Август', 'Сентябр', 'Октябр', 'Ноябр', 'Декабр'],
  monthsShort: ['Янв', 'Фев', 'Мар', 'Апр', 'Май', 'Июн', 'Июл', 'Авг', 'Сен', 'Окт', 'Ноя', 'Дек'],
  long: 'dd MMMM y',
  medium: 'dd MMM y',
  // Tajik nouns stay singular after a numeral (CLDR has one plural form for Tajik): one phrase for every count.
  past: { second: '{0} сония пеш', minute: '{0} дақиқа пеш', hour: '{0} соат пеш', day: '{0} рӯз пеш' },
};
export const dates = cldrDates(dateData);

export const numberData: CldrNumberData = {
  group: '\u00a0',
  decimal: ',',
  thousand: '0\u00a0ҳзр.',
  million: '0\u00a0млн.',
};
export const count = cldrCount(numberData);

export const messages: Messages = {
  loading: 'Боргирии хабарҳо…',
  empty: 'Ҳоло хабаре нест.',
  emptyCategory: 'Дар ин бахш хабаре нест.',
  more: 'Бештар',
  retry: 'Такрор кардан',
  news: 'Хабарҳо',
  loaded: (n) => `${n} хабар`,
  errorTitle: 'Хабарҳоро бор кардан муяссар нашуд.',
  staleNotice: 'Хабарҳои пештара нишон дода мешаванд: навсозии охирин бор нашуд.',
  partialNotice: (n) => `${n} навори хабарӣ бор нашуд.`,
  articleNotFound: 'Мақола ёфт нашуд. Шояд он аз навори хабарҳо хориҷ карда шудааст.',
  back: 'Бозгашт ба хабарҳо',
  clicks: 'Тамошоҳо',
  errors: {
    parse: 'Навор вайрон аст: файл XML ё JSON-и дуруст нест.',
    format: 'Ин нишонӣ саҳифаи веб аст, на навор.',
    formatWithFeed: (url) => `Ин нишонӣ саҳифаи веб аст, на навор. Навори ин саҳифа: ${url}`,
    http: (status) => `Сервери навор бо хато ҷавоб дод (HTTP ${status}).`,
    notFound: 'Нишонии навор ёфт нашуд (HTTP 404). Нишониро санҷед.',
    cors: 'Сервери навор ба ин сомона хондани онро иҷозат намедиҳад (CORS). Аз соҳибаш иҷозат пурсед ё проксии наворро истифода баред.',
    network: 'Ба сервери навор пайваст шудан муяссар нашуд. Нишонӣ ва пайвасти интернетро санҷед.',
    offline: 'Пайвасти интернет нест. Хабарҳо баъди барқарор шудани пайваст бор мешаванд.',
    timeout: 'Сервери навор хеле дер ҷавоб надод.',
    tooLarge: 'Навор барои нишон додан дар саҳифа хеле калон аст (зиёда аз 10 МБ).',
    config: 'Дар ин виҷети хабарҳо нишонии дурусти навор нишон дода нашудааст.',
    unknown: 'Ҳангоми бор кардани навор хато рух дод.',
  },
};
