/** Kazakh words and dates: a chunk loaded on demand. */
import { kk } from 'date-fns/locale/kk';
import type { Messages } from '../messages.js';
import { dateFnsDates } from '../date-fns-dates.js';

export const dates = dateFnsDates(kk);

export const messages: Messages = {
  loading: 'Жаңалықтар жүктелуде…',
  empty: 'Әзірге жаңалық жоқ.',
  more: 'Тағы',
  retry: 'Қайталау',
  news: 'Жаңалықтар',
  loaded: (n) => `${n} жаңалық`,
  errorTitle: 'Жаңалықтарды жүктеу мүмкін болмады.',
  staleNotice: 'Бұрынғы жаңалықтар көрсетілуде: соңғы жаңарту жүктелмеді.',
  partialNotice: (n) => `${n} жаңалықтар арнасы жүктелмеді.`,
  articleNotFound: 'Мақала табылмады. Ол жаңалықтар арнасынан алынып тасталған болуы мүмкін.',
  back: 'Жаңалықтарға оралу',
  clicks: 'Қаралды',
  errors: {
    parse: 'Арна бүлінген: файл дұрыс XML немесе JSON емес.',
    format: 'Бұл мекенжай арна емес, веб-бет.',
    formatWithFeed: (url) => `Бұл мекенжай арна емес, веб-бет. Беттің арнасы: ${url}`,
    http: (status) => `Арна сервері қатемен жауап берді (HTTP ${status}).`,
    notFound: 'Арна мекенжайы табылмады (HTTP 404). Мекенжайды тексеріңіз.',
    cors: 'Арна сервері бұл сайтқа оны оқуға рұқсат бермейді (CORS). Иесінен рұқсат сұраңыз немесе арна проксиін қолданыңыз.',
    network: 'Арна серверіне қосылу мүмкін болмады. Мекенжай мен байланысты тексеріңіз.',
    offline: 'Желі байланысы жоқ. Байланыс қалпына келгенде жаңалықтар жүктеледі.',
    timeout: 'Арна сервері тым ұзақ жауап бермеді.',
    tooLarge: 'Арна бетте көрсету үшін тым үлкен (10 МБ-тан асады).',
    unknown: 'Арнаны жүктеу кезінде қате шықты.',
  },
};
