/** Russian of messages.ts (same keys as its English messages). */
import type { Translation } from '../../core/i18n/messages.ts';
import type { shellEn } from './messages.ts';

export const shellRu: Translation<keyof typeof shellEn> = {
  'app.name': 'Сарафан',
  'nav.overview': 'Обзор',
  'nav.surveys': 'Опросы',
  'nav.locations': 'Точки',
  'nav.users': 'Пользователи',
  'nav.validation': 'Качество данных',
  'nav.contacts': 'Контакты',
  'nav.waves': 'Приглашения',
  'rv.nav': 'Отзывы',
  'sp.nav': 'Поддержка',
  'fl.nav': 'Письма',
  'cs.nav': 'Обращения',
  'cs.nav.inbox': 'Входящие',
  'cs.nav.sections': 'Разделы обращений',
  'clr.nav.report': 'Отчёт',
  'clr.nav.plans': 'Планы действий',
  'nav.main': 'Главное меню',
  'shell.language': 'Язык',
  'shell.signOut': 'Выйти',
  'shell.loading': 'Загрузка…',
  'shell.error': 'Что-то пошло не так: {message}',
  'shell.notFound': 'Такой страницы нет.',
  'shell.notFoundTitle': 'Страница не найдена',
  'shell.backToOverview': 'Перейти к обзору',
  'shell.skip': 'Перейти к содержимому',
  'shell.sep': ' · ',
};
