/** Russian words and dates: a chunk loaded on demand. */
import { ru } from 'date-fns/locale/ru';
import type { Messages } from '../messages.js';
import { dateFnsDates } from '../date-fns-dates.js';

export const dates = dateFnsDates(ru);

const plural = new Intl.PluralRules('ru');
const itemWord = { one: 'новость', few: 'новости', many: 'новостей', other: 'новости' } as Record<string, string>;

export const messages: Messages = {
  loading: 'Загрузка новостей…',
  empty: 'Новостей пока нет.',
  emptyCategory: 'В этой рубрике новостей нет.',
  more: 'Ещё',
  retry: 'Повторить',
  news: 'Новости',
  loaded: (n) => `${n} ${itemWord[plural.select(n)] ?? 'новостей'}`,
  errorTitle: 'Не удалось загрузить новости.',
  staleNotice: 'Показаны прежние новости: обновление не удалось загрузить.',
  partialNotice: (n) => `Не удалось загрузить новостных лент: ${n}.`,
  articleNotFound: 'Статья не найдена. Возможно, её уже убрали из ленты новостей.',
  back: 'Назад к новостям',
  clicks: 'Просмотры',
  errors: {
    parse: 'Лента повреждена: файл не является корректным XML или JSON.',
    format: 'Этот адрес ведёт на веб-страницу, а не на ленту новостей.',
    formatWithFeed: (url) => `Этот адрес ведёт на веб-страницу, а не на ленту новостей. Лента этой страницы: ${url}`,
    http: (status) => `Сервер ленты ответил ошибкой (HTTP ${status}).`,
    notFound: 'Адрес ленты не найден (HTTP 404). Проверьте адрес.',
    cors: 'Сервер ленты не разрешает этому сайту читать её (CORS). Попросите владельца разрешить этот сайт или используйте прокси для лент.',
    network: 'Не удалось связаться с сервером ленты. Проверьте адрес и подключение.',
    offline: 'Нет подключения к сети. Новости загрузятся, когда связь восстановится.',
    timeout: 'Сервер ленты слишком долго не отвечает.',
    tooLarge: 'Лента слишком велика, чтобы показать её на странице (больше 10 МБ).',
    config: 'У этого виджета новостей нет корректного адреса ленты.',
    unknown: 'При загрузке ленты произошла ошибка.',
  },
};
