import { combineMessages, defineMessages } from '../../core/i18n/messages.ts';
import { accountMessages, peopleMessages } from './accountMessages.ts';

const baseMessages = defineMessages({
  en: {
    'app.name': 'Sarafan',
    'nav.overview': 'Overview',
    'nav.surveys': 'Surveys',
    'nav.locations': 'Locations',
    'nav.users': 'Users',
    'nav.validation': 'Data quality',
    'nav.main': 'Main navigation',
    'shell.language': 'Language',
    'shell.signOut': 'Sign out',
    'shell.loading': 'Loading…',
    'shell.error': 'Something went wrong: {message}',
    'shell.notFound': 'This page does not exist.',
    'shell.notFoundTitle': 'Page not found',
    'shell.backToOverview': 'Go to the overview',
    'shell.skip': 'Skip to content',
    // Separator between short facts ("Passive · 8").
    'shell.sep': ' · ',
  },
  ru: {
    'app.name': 'Сарафан',
    'nav.overview': 'Обзор',
    'nav.surveys': 'Опросы',
    'nav.locations': 'Точки',
    'nav.users': 'Пользователи',
    'nav.validation': 'Качество данных',
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
  },
  fa: {
    'app.name': 'سارافان',
    'nav.overview': 'نمای کلی',
    'nav.surveys': 'نظرسنجی‌ها',
    'nav.locations': 'شعبه‌ها',
    'nav.users': 'کاربران',
    'nav.validation': 'کیفیت داده',
    'nav.main': 'منوی اصلی',
    'shell.language': 'زبان',
    'shell.signOut': 'خروج',
    'shell.loading': 'در حال بارگذاری…',
    'shell.error': 'خطایی رخ داد: {message}',
    'shell.notFound': 'این صفحه وجود ندارد.',
    'shell.notFoundTitle': 'صفحه پیدا نشد',
    'shell.backToOverview': 'رفتن به نمای کلی',
    'shell.skip': 'رفتن به محتوا',
    // Not "·": beside Persian digits it reads as a zero (۰).
    'shell.sep': ' – ',
  },
});

export const shellMessages = combineMessages(baseMessages, accountMessages, peopleMessages);
