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
  articleErrorTitle: 'Не удалось загрузить статью.',
  tryAgain: 'Попробуйте ещё раз чуть позже.',
  offline: 'Нет подключения к сети. Новости загрузятся, когда связь восстановится.',
  staleNotice: 'Показаны прежние новости: обновление не удалось загрузить.',
  partialNotice: (n) => `Не удалось загрузить новостных лент: ${n}.`,
  articleNotFound: 'Статья не найдена. Возможно, её уже убрали из ленты новостей.',
  back: 'Назад к новостям',
  clicks: 'Просмотры',
  published: 'Опубликовано',
  authors: (n) => (n === 1 ? 'Автор' : 'Авторы'),
  categories: (n) => (n === 1 ? 'Рубрика' : 'Рубрики'),
};
