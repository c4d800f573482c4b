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
  staleNotice: 'Аввалги янгиликлар кўрсатилмоқда: сўнгги янгиланишни юклаб бўлмади.',
  partialNotice: (n) => `${n} та янгиликлар тасмасини юклаб бўлмади.`,
  articleNotFound: 'Мақола топилмади. Эҳтимол, у янгиликлар тасмасидан олиб ташланган.',
  back: 'Янгиликларга қайтиш',
  clicks: 'Кўришлар',
  errors: {
    parse: 'Тасма бузилган: файл тўғри XML ёки JSON эмас.',
    format: 'Бу манзил тасма эмас, веб-саҳифа.',
    formatWithFeed: (url) => `Бу манзил тасма эмас, веб-саҳифа. Саҳифанинг тасмаси: ${url}`,
    http: (status) => `Тасма сервери хато билан жавоб берди (HTTP ${status}).`,
    notFound: 'Тасма манзили топилмади (HTTP 404). Манзилни текширинг.',
    cors: 'Тасма сервери бу сайтга уни ўқишга рухсат бермайди (CORS). Эгасидан рухсат сўранг ёки тасма проксисидан фойдаланинг.',
    network: 'Тасма серверига уланиб бўлмади. Манзилни ва интернет алоқасини текширинг.',
    offline: 'Интернет алоқаси йўқ. Алоқа тиклангач, янгиликлар юкланади.',
    timeout: 'Тасма сервери жуда узоқ жавоб бермади.',
    tooLarge: 'Тасма саҳифада кўрсатиш учун жуда катта (10 МБ дан ортиқ).',
    config: 'Бу янгиликлар виджетида тўғри тасма манзили кўрсатилмаган.',
    unknown: 'Тасмани юклашда хатолик юз берди.',
  },
};
