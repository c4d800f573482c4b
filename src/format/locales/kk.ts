/** Kazakh words, dates and counts: a chunk loaded on demand. Dates and numbers follow CLDR 48. */
import type { Messages } from '../messages.js';
import { cldrCount, cldrDates, type CldrDateData, type CldrNumberData } from '../cldr.js';

// CLDR writes Kazakh dates year first ("2026 ж. 29 қараша"); date-fns's "29-шы қараша 2026 ж." does not.
export const dateData: CldrDateData = {
  months: [
    'қаңтар',
    'ақпан',
    'наурыз',
    'сәуір',
    'мамыр',
    'маусым',
    'шілде',
    'тамыз',
    'қыркүйек',
    'қазан',
    'қараша',
    'желтоқсан',
  ],
  monthsShort: ['қаң.', 'ақп.', 'нау.', 'сәу.', 'мам.', 'мау.', 'шіл.', 'там.', 'қыр.', 'қаз.', 'қар.', 'жел.'],
  // A narrow no-break space, as in CLDR, keeps the year and its "ж." together.
  long: "y\u202f'ж'. d MMMM",
  medium: "y\u202f'ж'. dd MMM",
  past: { second: '{0} секунд бұрын', minute: '{0} минут бұрын', hour: '{0} сағат бұрын', day: '{0} күн бұрын' },
};
export const dates = cldrDates(dateData);

// Some browsers' Kazakh number data (Chromium's, for one) groups digits as English does: 1,234.
export const numberData: CldrNumberData = {
  group: '\u00a0',
  decimal: ',',
  thousand: '0\u00a0мың',
  million: '0\u00a0млн',
};
export const count = cldrCount(numberData);

export const messages: Messages = {
  loading: 'Жаңалықтар жүктелуде…',
  empty: 'Әзірге жаңалық жоқ.',
  emptyCategory: 'Бұл санатта жаңалық жоқ.',
  more: 'Тағы',
  retry: 'Қайталау',
  news: 'Жаңалықтар',
  loaded: (n) => `${n} жаңалық`,
  errorTitle: 'Жаңалықтарды жүктеу мүмкін болмады.',
  articleErrorTitle: 'Мақаланы жүктеу мүмкін болмады.',
  tryAgain: 'Сәлден кейін қайталап көріңіз.',
  offline: 'Желі байланысы жоқ. Байланыс қалпына келгенде жаңалықтар жүктеледі.',
  staleNotice: 'Бұрынғы жаңалықтар көрсетілуде: соңғы жаңарту жүктелмеді.',
  partialNotice: (n) => `${n} жаңалықтар арнасы жүктелмеді.`,
  articleNotFound: 'Мақала табылмады. Ол жаңалықтар арнасынан алынып тасталған болуы мүмкін.',
  back: 'Жаңалықтарға оралу',
  clicks: 'Қаралды',
  published: 'Жарияланған күні',
  authors: (n) => (n === 1 ? 'Автор' : 'Авторлар'),
  categories: (n) => (n === 1 ? 'Санат' : 'Санаттар'),
};
