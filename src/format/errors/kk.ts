/** Kazakh explanations of feed errors for web editors: a chunk loaded only when one is shown with `debug`. */
import type { ErrorTexts } from '../errors.js';

export const errors: ErrorTexts = {
  parse: 'Арна бүлінген: файл дұрыс XML немесе JSON емес.',
  format: 'Бұл мекенжай арна емес, веб-бет.',
  formatWithFeed: (url) => `Бұл мекенжай арна емес, веб-бет. Беттің арнасы: ${url}`,
  http: (status) => `Арна сервері қатемен жауап берді (HTTP ${status}).`,
  notFound: 'Арна мекенжайы табылмады (HTTP 404). Мекенжайды тексеріңіз.',
  cors: 'Арна сервері бұл сайтқа оны оқуға рұқсат бермейді (CORS). Иесінен рұқсат сұраңыз немесе арна проксиін қолданыңыз.',
  network: 'Арна серверіне қосылу мүмкін болмады. Мекенжай мен байланысты тексеріңіз.',
  timeout: 'Арна сервері тым ұзақ жауап бермеді.',
  tooLarge: 'Арна бетте көрсету үшін тым үлкен (10 МБ-тан асады).',
  config: 'Бұл жаңалықтар виджетінде дұрыс арна мекенжайы жоқ.',
  unknown: 'Арнаны жүктеу кезінде қате шықты.',
};
