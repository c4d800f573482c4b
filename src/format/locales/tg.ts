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
  articleErrorTitle: 'Мақоларо бор кардан муяссар нашуд.',
  tryAgain: 'Каме баъд аз нав кӯшиш кунед.',
  offline: 'Пайвасти интернет нест. Хабарҳо баъди барқарор шудани пайваст бор мешаванд.',
  staleNotice: 'Хабарҳои пештара нишон дода мешаванд: навсозии охирин бор нашуд.',
  partialNotice: (n) => `${n} навори хабарӣ бор нашуд.`,
  articleNotFound: 'Мақола ёфт нашуд. Шояд он аз навори хабарҳо хориҷ карда шудааст.',
  back: 'Бозгашт ба хабарҳо',
  clicks: 'Тамошоҳо',
  published: 'Санаи нашр',
  authors: (n) => (n === 1 ? 'Муаллиф' : 'Муаллифон'),
  categories: (n) => (n === 1 ? 'Бахш' : 'Бахшҳо'),
};
