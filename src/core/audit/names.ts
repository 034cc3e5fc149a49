/**
 * The audit log in words (docs/audit-log.md): each action's name, the groups of the filter, the actor kinds and
 * the export's column headers, in en, ru and fa. Shared by the export (src/server/auditLog) and the dashboard page
 * (src/web/auditLog), so an action reads the same in both. A key missing in ru or fa does not compile.
 */
import { createCatalogue } from '../i18n/catalogue.ts';
import { defineMessages } from '../i18n/messages.ts';
import type { AuditAction } from './actions.ts';

const en = {
  'auth.sign_in': 'Signed in', 'auth.sign_in_failed': 'Failed sign-in', 'auth.sign_out': 'Signed out',
  'user.create': 'Added a user', 'user.update': 'Changed a user (role, locations, access)', 'user.delete': 'Removed a user',
  'user.password_reset_link': 'Sent a password reset link', 'user.password_reset': 'Reset the password', 'user.password_change': 'Changed the password',
  'user.totp_enable': 'Turned on two-factor sign-in', 'user.totp_disable': 'Turned off two-factor sign-in',
  'invitation.create': 'Invited a user', 'invitation.renew': 'Renewed an invitation', 'invitation.revoke': 'Revoked an invitation',
  'invitation.accept': 'Accepted an invitation', 'invitation.trigger': 'Triggered a survey invitation',
  'org.update': 'Changed the organisation settings', 'org.require_totp': 'Changed the two-factor rule', 'org.branding': 'Changed the branding',
  'org.logo': 'Changed the logo', 'settings.update': 'Changed settings', 'referrals.settings': 'Changed the referral settings',
  'location.create': 'Added a location', 'location.update': 'Changed a location', 'location.delete': 'Deleted a location', 'location.import': 'Imported locations',
  'survey.create': 'Created a survey', 'survey.update': 'Edited a survey', 'survey.publish': 'Published a survey', 'survey.close': 'Closed a survey',
  'survey.status': 'Moved a survey back to draft', 'survey.duplicate': 'Duplicated a survey', 'survey.archive': 'Archived a survey',
  'survey.restore': 'Restored a survey', 'survey.delete': 'Deleted a survey', 'survey.widget': 'Changed the website widget',
  'response.exclude': 'Excluded a response', 'response.include': 'Included a response back', 'responses.export': 'Exported responses',
  'table.export': 'Exported a table', 'checklist.export': 'Exported a checklist',
  'contact.create': 'Added a contact', 'contact.update': 'Changed a contact', 'contact.import': 'Imported contacts', 'contact.export': "Exported a contact's data",
  'contact.erase': 'Erased a contact', 'contact.unsubscribe': 'Unsubscribed a contact', 'contact.delete': 'Deleted a contact',
  'contact_attribute.create': 'Added a contact attribute', 'contact_attribute.update': 'Changed a contact attribute', 'contact_attribute.delete': 'Deleted a contact attribute',
  'review.import': 'Imported reviews', 'review.delete': 'Deleted a review', 'job.retry': 'Retried a background job',
  'api_key.create': 'Created an API key', 'api_key.revoke': 'Revoked an API key', 'webhook.create': 'Added a webhook', 'webhook.update': 'Changed a webhook',
  'webhook.delete': 'Deleted a webhook', 'webhook.resend': 'Resent a webhook delivery',
  'report.create': 'Created a report', 'report.update': 'Changed a report', 'report.delete': 'Deleted a report',
  'report.schedule.create': 'Scheduled a report', 'report.schedule.update': 'Changed a report schedule', 'report.schedule.delete': 'Deleted a report schedule',
  'report.send': 'Sent a report', 'report.download': 'Downloaded a report', 'link.create': 'Shared a link', 'link.revoke': 'Revoked a shared link',
  'group.auth': 'Sign-ins', 'group.user': 'Users', 'group.invitation': 'Invitations', 'group.org': 'Organisation', 'group.settings': 'Settings',
  'group.referrals': 'Referrals', 'group.location': 'Locations', 'group.survey': 'Surveys', 'group.response': 'Responses', 'group.responses': 'Exports of responses',
  'group.table': 'Table exports', 'group.checklist': 'Checklists', 'group.contact': 'Contacts', 'group.contact_attribute': 'Contact attributes',
  'group.review': 'Reviews', 'group.job': 'Background jobs', 'group.api_key': 'API keys', 'group.webhook': 'Webhooks', 'group.report': 'Reports', 'group.link': 'Shared links',
  'actor.system': 'Sarafan (automatic)', 'actor.api_key': 'API key', 'actor.user': 'User',
  'col.time': 'Time ({zone})', 'col.actor': 'Who', 'col.actorKind': 'Actor type', 'col.action': 'What', 'col.actionCode': 'Action code',
  'col.targetType': 'Object type', 'col.target': 'Object', 'col.targetId': 'Object ID', 'col.details': 'Details', 'col.ip': 'IP address', 'col.userAgent': 'Browser',
} as const satisfies Record<AuditAction, string> & Record<string, string>;

export const auditCatalogue = createCatalogue('audit log', defineMessages({
  en,
  ru: {
    'auth.sign_in': 'Вход', 'auth.sign_in_failed': 'Неудачный вход', 'auth.sign_out': 'Выход',
    'user.create': 'Добавлен пользователь', 'user.update': 'Изменён пользователь (роль, точки, доступ)', 'user.delete': 'Удалён пользователь',
    'user.password_reset_link': 'Отправлена ссылка для сброса пароля', 'user.password_reset': 'Пароль сброшен', 'user.password_change': 'Пароль изменён',
    'user.totp_enable': 'Включена двухфакторная защита', 'user.totp_disable': 'Отключена двухфакторная защита',
    'invitation.create': 'Приглашён пользователь', 'invitation.renew': 'Приглашение продлено', 'invitation.revoke': 'Приглашение отозвано',
    'invitation.accept': 'Приглашение принято', 'invitation.trigger': 'Отправлено приглашение в опрос',
    'org.update': 'Изменены настройки организации', 'org.require_totp': 'Изменено правило двухфакторной защиты', 'org.branding': 'Изменено оформление',
    'org.logo': 'Изменён логотип', 'settings.update': 'Изменены настройки', 'referrals.settings': 'Изменены настройки рекомендаций',
    'location.create': 'Добавлена точка', 'location.update': 'Изменена точка', 'location.delete': 'Удалена точка', 'location.import': 'Импортированы точки',
    'survey.create': 'Создан опрос', 'survey.update': 'Изменён опрос', 'survey.publish': 'Опрос опубликован', 'survey.close': 'Опрос закрыт',
    'survey.status': 'Опрос возвращён в черновик', 'survey.duplicate': 'Опрос скопирован', 'survey.archive': 'Опрос в архиве',
    'survey.restore': 'Опрос восстановлен', 'survey.delete': 'Опрос удалён', 'survey.widget': 'Изменён виджет для сайта',
    'response.exclude': 'Ответ исключён', 'response.include': 'Ответ возвращён', 'responses.export': 'Выгружены ответы',
    'table.export': 'Выгружена таблица', 'checklist.export': 'Выгружен чек-лист',
    'contact.create': 'Добавлен контакт', 'contact.update': 'Изменён контакт', 'contact.import': 'Импортированы контакты', 'contact.export': 'Выгружены данные контакта',
    'contact.erase': 'Контакт стёрт', 'contact.unsubscribe': 'Контакт отписан', 'contact.delete': 'Контакт удалён',
    'contact_attribute.create': 'Добавлен атрибут контактов', 'contact_attribute.update': 'Изменён атрибут контактов', 'contact_attribute.delete': 'Удалён атрибут контактов',
    'review.import': 'Импортированы отзывы', 'review.delete': 'Удалён отзыв', 'job.retry': 'Фоновая задача перезапущена',
    'api_key.create': 'Создан API-ключ', 'api_key.revoke': 'Отозван API-ключ', 'webhook.create': 'Добавлен вебхук', 'webhook.update': 'Изменён вебхук',
    'webhook.delete': 'Удалён вебхук', 'webhook.resend': 'Повторно отправлен вебхук',
    'report.create': 'Создан отчёт', 'report.update': 'Изменён отчёт', 'report.delete': 'Удалён отчёт',
    'report.schedule.create': 'Отчёт поставлен в расписание', 'report.schedule.update': 'Изменено расписание отчёта', 'report.schedule.delete': 'Удалено расписание отчёта',
    'report.send': 'Отчёт отправлен', 'report.download': 'Отчёт скачан', 'link.create': 'Создана публичная ссылка', 'link.revoke': 'Публичная ссылка отозвана',
    'group.auth': 'Входы', 'group.user': 'Пользователи', 'group.invitation': 'Приглашения', 'group.org': 'Организация', 'group.settings': 'Настройки',
    'group.referrals': 'Рекомендации', 'group.location': 'Точки', 'group.survey': 'Опросы', 'group.response': 'Ответы', 'group.responses': 'Выгрузки ответов',
    'group.table': 'Выгрузки таблиц', 'group.checklist': 'Чек-листы', 'group.contact': 'Контакты', 'group.contact_attribute': 'Атрибуты контактов',
    'group.review': 'Отзывы', 'group.job': 'Фоновые задачи', 'group.api_key': 'API-ключи', 'group.webhook': 'Вебхуки', 'group.report': 'Отчёты', 'group.link': 'Публичные ссылки',
    'actor.system': 'Sarafan (автоматически)', 'actor.api_key': 'API-ключ', 'actor.user': 'Пользователь',
    'col.time': 'Время ({zone})', 'col.actor': 'Кто', 'col.actorKind': 'Тип исполнителя', 'col.action': 'Что сделано', 'col.actionCode': 'Код действия',
    'col.targetType': 'Тип объекта', 'col.target': 'Объект', 'col.targetId': 'ID объекта', 'col.details': 'Подробности', 'col.ip': 'IP-адрес', 'col.userAgent': 'Браузер',
  },
  fa: {
    'auth.sign_in': 'ورود', 'auth.sign_in_failed': 'ورود ناموفق', 'auth.sign_out': 'خروج',
    'user.create': 'افزودن کاربر', 'user.update': 'تغییر کاربر (نقش، محل‌ها، دسترسی)', 'user.delete': 'حذف کاربر',
    'user.password_reset_link': 'ارسال پیوند بازنشانی رمز عبور', 'user.password_reset': 'بازنشانی رمز عبور', 'user.password_change': 'تغییر رمز عبور',
    'user.totp_enable': 'فعال‌سازی ورود دومرحله‌ای', 'user.totp_disable': 'غیرفعال‌سازی ورود دومرحله‌ای',
    'invitation.create': 'دعوت کاربر', 'invitation.renew': 'تمدید دعوت', 'invitation.revoke': 'لغو دعوت',
    'invitation.accept': 'پذیرش دعوت', 'invitation.trigger': 'ارسال دعوت به نظرسنجی',
    'org.update': 'تغییر تنظیمات سازمان', 'org.require_totp': 'تغییر قانون ورود دومرحله‌ای', 'org.branding': 'تغییر ظاهر برند',
    'org.logo': 'تغییر لوگو', 'settings.update': 'تغییر تنظیمات', 'referrals.settings': 'تغییر تنظیمات معرفی',
    'location.create': 'افزودن محل', 'location.update': 'تغییر محل', 'location.delete': 'حذف محل', 'location.import': 'درون‌ریزی محل‌ها',
    'survey.create': 'ایجاد نظرسنجی', 'survey.update': 'ویرایش نظرسنجی', 'survey.publish': 'انتشار نظرسنجی', 'survey.close': 'بستن نظرسنجی',
    'survey.status': 'بازگرداندن نظرسنجی به پیش‌نویس', 'survey.duplicate': 'تکثیر نظرسنجی', 'survey.archive': 'بایگانی نظرسنجی',
    'survey.restore': 'بازگردانی نظرسنجی', 'survey.delete': 'حذف نظرسنجی', 'survey.widget': 'تغییر ابزارک وب‌سایت',
    'response.exclude': 'کنار گذاشتن پاسخ', 'response.include': 'بازگرداندن پاسخ', 'responses.export': 'برون‌بری پاسخ‌ها',
    'table.export': 'برون‌بری جدول', 'checklist.export': 'برون‌بری چک‌لیست',
    'contact.create': 'افزودن مخاطب', 'contact.update': 'تغییر مخاطب', 'contact.import': 'درون‌ریزی مخاطبان', 'contact.export': 'برون‌بری داده‌های مخاطب',
    'contact.erase': 'پاک کردن مخاطب', 'contact.unsubscribe': 'لغو اشتراک مخاطب', 'contact.delete': 'حذف مخاطب',
    'contact_attribute.create': 'افزودن ویژگی مخاطب', 'contact_attribute.update': 'تغییر ویژگی مخاطب', 'contact_attribute.delete': 'حذف ویژگی مخاطب',
    'review.import': 'درون‌ریزی نقدها', 'review.delete': 'حذف نقد', 'job.retry': 'اجرای دوباره کار پس‌زمینه',
    'api_key.create': 'ایجاد کلید API', 'api_key.revoke': 'لغو کلید API', 'webhook.create': 'افزودن وب‌هوک', 'webhook.update': 'تغییر وب‌هوک',
    'webhook.delete': 'حذف وب‌هوک', 'webhook.resend': 'ارسال دوباره وب‌هوک',
    'report.create': 'ایجاد گزارش', 'report.update': 'تغییر گزارش', 'report.delete': 'حذف گزارش',
    'report.schedule.create': 'زمان‌بندی گزارش', 'report.schedule.update': 'تغییر زمان‌بندی گزارش', 'report.schedule.delete': 'حذف زمان‌بندی گزارش',
    'report.send': 'ارسال گزارش', 'report.download': 'دریافت گزارش', 'link.create': 'اشتراک‌گذاری پیوند', 'link.revoke': 'لغو پیوند اشتراکی',
    'group.auth': 'ورودها', 'group.user': 'کاربران', 'group.invitation': 'دعوت‌ها', 'group.org': 'سازمان', 'group.settings': 'تنظیمات',
    'group.referrals': 'معرفی‌ها', 'group.location': 'محل‌ها', 'group.survey': 'نظرسنجی‌ها', 'group.response': 'پاسخ‌ها', 'group.responses': 'برون‌بری پاسخ‌ها',
    'group.table': 'برون‌بری جدول‌ها', 'group.checklist': 'چک‌لیست‌ها', 'group.contact': 'مخاطبان', 'group.contact_attribute': 'ویژگی‌های مخاطب',
    'group.review': 'نقدها', 'group.job': 'کارهای پس‌زمینه', 'group.api_key': 'کلیدهای API', 'group.webhook': 'وب‌هوک‌ها', 'group.report': 'گزارش‌ها', 'group.link': 'پیوندهای اشتراکی',
    'actor.system': 'سرافان (خودکار)', 'actor.api_key': 'کلید API', 'actor.user': 'کاربر',
    'col.time': 'زمان ({zone})', 'col.actor': 'چه کسی', 'col.actorKind': 'نوع انجام‌دهنده', 'col.action': 'چه کاری', 'col.actionCode': 'کد عمل',
    'col.targetType': 'نوع مورد', 'col.target': 'مورد', 'col.targetId': 'شناسه مورد', 'col.details': 'جزئیات', 'col.ip': 'نشانی IP', 'col.userAgent': 'مرورگر',
  },
}));

/** An action's name in `lang`; an action of an older version without a name reads as its code. */
export function auditActionName(lang: string, action: string): string {
  return auditCatalogue.has(action) ? auditCatalogue.formatMessage(lang, action) : action;
}

/** A group's name in `lang` (`survey` -> "Surveys"), or the group's code. */
export function auditGroupName(lang: string, group: string): string {
  const key = `group.${group}`;
  return auditCatalogue.has(key) ? auditCatalogue.formatMessage(lang, key) : group;
}
