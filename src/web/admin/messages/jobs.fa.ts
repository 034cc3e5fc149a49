/** Persian of jobs.ts (same keys as its English messages). */
import type { Translation } from '../../../core/i18n/messages.ts';
import type { jobsEn } from './jobs.ts';

export const jobsFa: Translation<keyof typeof jobsEn> = {
  'jobs.title': 'کارهای پس‌زمینه',
  'jobs.link': 'کارهای پس‌زمینه: کارهای ناموفق و اجرای دوبارهٔ آن‌ها',
  'jobs.noAccess': 'فقط مالکان و مدیرانی که به کل سازمان دسترسی دارند کارهای پس‌زمینه را می‌بینند.',
  'jobs.intro': 'سارافان بخشی از کارها را در پس‌زمینه انجام می‌دهد، مانند محاسبهٔ دوبارهٔ داشبوردها. کاری که پس از تلاش‌های خودکار هم ناموفق بماند، تا اجرای دوباره اینجا فهرست می‌شود.',
  'jobs.none': 'هیچ کار ناموفقی نیست',
  'jobs.noneHint': 'همهٔ کارهای پس‌زمینهٔ سازمان شما تمام شده‌اند یا هنوز خودکار دوباره تلاش می‌شوند.',
  'jobs.caption': '{n, plural, one {# کار ناموفق، جدیدترین در ابتدا} other {# کار ناموفق، جدیدترین در ابتدا}}',
  'jobs.kind': 'کار',
  'jobs.failedAt': 'زمان شکست',
  'jobs.attempts': 'تلاش‌ها',
  'jobs.error': 'آخرین خطا',
  'jobs.actions': 'عملیات',
  'jobs.noError': 'بدون پیام',
  'jobs.retry': 'اجرای دوباره',
  'jobs.retryOne': 'اجرای دوباره: {kind}، ناموفق در {date}',
  'jobs.retrying': 'در حال شروع…',
  'jobs.retried': '«{kind}» تا چند ثانیهٔ دیگر دوباره اجرا می‌شود.',
  'jobs.kind.rebuild-org-rollups': 'محاسبهٔ دوبارهٔ داشبوردها',
  'jobs.kind.fold-rollups': 'افزودن پاسخ‌های تازه به خلاصه‌های داشبورد',
  'jobs.kind.sweep-rollups': 'بررسی کارهای ناتمام داشبورد',
  'jobs.kind.plan-invitation-wave': 'آماده‌سازی موج دعوت‌نامه‌ها',
  'jobs.kind.send-invitations': 'ارسال دعوت‌نامه‌ها و یادآوری‌ها',
  'jobs.kind.webhook-event': 'آماده‌سازی وب‌هوک‌ها برای پاسخ تازه',
  'jobs.kind.deliver-webhook': 'ارسال وب‌هوک',
  'jobs.kind.analyse-comments': 'تحلیل نظرها (احساس، موضوع‌ها)',
  'jobs.kind.train-text-model': 'آموزش مدل احساس نظرها',
  'jobs.kind.sweep-comments': 'بررسی نظرهای تحلیل‌نشده',
  'jobs.kind.import-support-events': 'درون‌ریزی رویدادهای تماس‌های پشتیبانی',
};
