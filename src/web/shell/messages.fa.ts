/** Persian of messages.ts (same keys as its English messages). */
import type { Translation } from '../../core/i18n/messages.ts';
import type { shellEn } from './messages.ts';

export const shellFa: Translation<keyof typeof shellEn> = {
  'app.name': 'سارافان',
  'nav.overview': 'نمای کلی',
  'nav.surveys': 'نظرسنجی‌ها',
  'nav.locations': 'شعبه‌ها',
  'nav.users': 'کاربران',
  'nav.validation': 'کیفیت داده',
  'nav.contacts': 'مخاطبان',
  'nav.waves': 'دعوت‌نامه‌ها',
  'rv.nav': 'نظرات',
  'sp.nav': 'پشتیبانی',
  'fl.nav': 'نامه‌ها',
  'cs.nav': 'پرونده‌ها',
  'cs.nav.inbox': 'صندوق ورودی',
  'cs.nav.sections': 'بخش‌های پرونده‌ها',
  'clr.nav.report': 'گزارش',
  'clr.nav.plans': 'برنامه‌های اقدام',
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
};
