/** زنگ اعلان‌ها و گزینهٔ «قوانین هشدار» در منو، به فارسی. */
import type { Translation } from '../../core/i18n/messages.ts';
import type { bellEn } from './bellMessages.ts';

export const bellFa: Translation<keyof typeof bellEn> = {
  'nav.alerts': 'قوانین هشدار',
  'bell.button': '{n, plural, =0 {اعلان‌ها، بدون خوانده‌نشده} one {اعلان‌ها، # خوانده‌نشده} other {اعلان‌ها، # خوانده‌نشده}}',
  'bell.title': 'اعلان‌ها',
  'bell.empty': 'هنوز اعلانی نیست. هشدارها و پرونده‌های واگذارشده به شما اینجا نمایش داده می‌شوند.',
  'bell.markAll': 'علامت‌گذاری همه به‌عنوان خوانده‌شده',
  'bell.markRead': 'خوانده شد',
  'bell.unread': 'خوانده‌نشده',
  'bell.close': 'بستن',
  'bell.error': 'اعلان‌ها بارگیری نشدند: {message}',
  'bell.openCase': 'باز کردن پرونده شمارهٔ {number}',
  'bell.openResponse': 'باز کردن پاسخ',
  'bell.alert.low_score': '{metric} {score}',
  'bell.alert.negative_review': 'نقد منفی',
  'bell.alert.comment_match': 'یافته‌ها: {words}',
  'bell.alert.sla_breach': 'درخواست {ticket} از SLA گذشته است',
  'bell.alert.metric_drop': '{metric} از {previous} به {current} افت کرد',
  'bell.case_assigned': 'پرونده شمارهٔ {number} به شما واگذار شد: {title}',
  'bell.mention': 'در پرونده شمارهٔ {number} از شما نام برده شد',
  'bell.escalated': 'پرونده شمارهٔ {number} به شما ارجاع شد',
  'bell.reply_received': 'مشتری در پرونده شمارهٔ {number} پاسخ داد',
  'bell.digest': 'خلاصهٔ هفتگی پرونده‌ها',
};
