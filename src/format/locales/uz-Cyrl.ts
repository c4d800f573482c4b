/** Uzbek in Cyrillic script: words, dates and counts, a chunk loaded on demand. Dates follow CLDR 48. */
import type { Messages } from '../messages.js';
import { cldrCount, cldrDates, type CldrDateData, type CldrNumberData } from '../cldr.js';

export const dateData: CldrDateData = {
  months: ['январ', 'феврал', 'март', 'апрел', 'май', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'],
  monthsShort: ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'],
  long: 'd MMMM, y',
  medium: 'd MMM, y',
  // Uzbek nouns stay singular after a numeral: one form for every count.
  past: { second: '{0} сония олдин', minute: '{0} дақиқа олдин', hour: '{0} соат олдин', day: '{0} кун олдин' },
};
export const dates = cldrDates(dateData);

// CLDR writes the Cyrillic compact forms without a space: 1,2минг.
export const numberData: CldrNumberData = { group: '\u00a0', decimal: ',', thousand: '0минг', million: '0млн' };
export const count = cldrCount(numberData);

export const messages: Messages = {
  loading: 'Янгиликлар юкланмоқда…',
  empty: 'Ҳозирча янгиликлар йўқ.',
  emptyCategory: 'Бу туркумда янгиликлар йўқ.',
  more: 'Яна кўрсатиш',
  retry: 'Қайта уриниш',
  news: 'Янгиликлар',
  loaded: (n) => `${n} та янгилик`,
  errorTitle: 'Янгиликларни юклаб бўлмади.',
  articleErrorTitle: 'Мақолани юклаб бўлмади.',
  tryAgain: 'Бироздан сўнг қайта уриниб кўринг.',
  offline: 'Интернет алоқаси йўқ. Алоқа тиклангач, янгиликлар юкланади.',
  staleNotice: 'Аввалги янгиликлар кўрсатилмоқда: сўнгги янгиланишни юклаб бўлмади.',
  partialNotice: (n) => `${n} та янгиликлар тасмасини юклаб бўлмади.`,
  articleNotFound: 'Мақола топилмади. Эҳтимол, у янгиликлар тасмасидан олиб ташланган.',
  back: 'Янгиликларга қайтиш',
  clicks: 'Кўришлар',
  published: 'Эълон қилинган сана',
  authors: (n) => (n === 1 ? 'Муаллиф' : 'Муаллифлар'),
  categories: (n) => (n === 1 ? 'Туркум' : 'Туркумлар'),
};
