/** Kyrgyz words, dates and counts: a chunk loaded on demand. date-fns has no Kyrgyz; dates follow CLDR 48. */
import type { Messages } from '../messages.js';
import { cldrCount, cldrDates, type CldrDateData, type CldrNumberData } from '../cldr.js';

export const dateData: CldrDateData = {
  months: [
    'январь',
    'февраль',
    'март',
    'апрель',
    'май',
    'июнь',
    'июль',
    'август',
    'сентябрь',
    'октябрь',
    'ноябрь',
    'декабрь',
  ],
  monthsShort: ['янв.', 'фев.', 'мар.', 'апр.', 'май', 'июн.', 'июл.', 'авг.', 'сен.', 'окт.', 'ноя.', 'дек.'],
  long: "y-'ж'., d-MMMM",
  medium: "y-'ж'., d-MMM",
  // Kyrgyz nouns stay singular after a numeral: one form for every count.
  past: { second: '{0} секунд мурун', minute: '{0} мүнөт мурун', hour: '{0} саат мурун', day: '{0} күн мурун' },
};
export const dates = cldrDates(dateData);

export const numberData: CldrNumberData = {
  group: '\u00a0',
  decimal: ',',
  thousand: '0\u00a0миң',
  million: '0\u00a0млн',
};
export const count = cldrCount(numberData);

export const messages: Messages = {
  loading: 'Жаңылыктар жүктөлүүдө…',
  empty: 'Азырынча жаңылык жок.',
  emptyCategory: 'Бул категорияда жаңылык жок.',
  more: 'Дагы көрсөтүү',
  retry: 'Кайталоо',
  news: 'Жаңылыктар',
  loaded: (n) => `${n} жаңылык`,
  errorTitle: 'Жаңылыктарды жүктөө мүмкүн болбоду.',
  articleErrorTitle: 'Макаланы жүктөө мүмкүн болбоду.',
  tryAgain: 'Бир аздан кийин кайра аракет кылып көрүңүз.',
  offline: 'Интернет байланышы жок. Байланыш калыбына келгенде жаңылыктар жүктөлөт.',
  staleNotice: 'Мурунку жаңылыктар көрсөтүлүүдө: акыркы жаңыртуу жүктөлгөн жок.',
  partialNotice: (n) => `${n} жаңылыктар тасмасы жүктөлгөн жок.`,
  articleNotFound: 'Макала табылган жок. Ал жаңылыктар тасмасынан алынып салынган болушу мүмкүн.',
  back: 'Жаңылыктарга кайтуу',
  clicks: 'Көрүүлөр',
  published: 'Жарыяланган күнү',
  authors: (n) => (n === 1 ? 'Автор' : 'Авторлор'),
  categories: (n) => (n === 1 ? 'Категория' : 'Категориялар'),
};
