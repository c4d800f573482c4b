/** Uzbek (Cyrillic) explanations of feed errors for web editors: a chunk loaded only when one is shown with `debug`. */
import type { ErrorTexts } from '../errors.js';

export const errors: ErrorTexts = {
  parse: 'Тасма бузилган: файл тўғри XML ёки JSON эмас.',
  format: 'Бу манзил тасма эмас, веб-саҳифа.',
  formatWithFeed: (url) => `Бу манзил тасма эмас, веб-саҳифа. Саҳифанинг тасмаси: ${url}`,
  http: (status) => `Тасма сервери хато билан жавоб берди (HTTP ${status}).`,
  notFound: 'Тасма манзили топилмади (HTTP 404). Манзилни текширинг.',
  cors: 'Тасма сервери бу сайтга уни ўқишга рухсат бермайди (CORS). Эгасидан рухсат сўранг ёки тасма проксисидан фойдаланинг.',
  network: 'Тасма серверига уланиб бўлмади. Манзилни ва интернет алоқасини текширинг.',
  timeout: 'Тасма сервери жуда узоқ жавоб бермади.',
  tooLarge: 'Тасма саҳифада кўрсатиш учун жуда катта (10 МБ дан ортиқ).',
  config: 'Бу янгиликлар виджетида тўғри тасма манзили кўрсатилмаган.',
  unknown: 'Тасмани юклашда хатолик юз берди.',
};
