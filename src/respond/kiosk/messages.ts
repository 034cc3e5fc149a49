/**
 * Texts of the kiosk page (docs/kiosk.md) in every interface language, formatted on the server; the
 * kiosk script gets them finished (in the page's JSON), never the library. The answer screens' own
 * wording (question, scale ends, "why?", thanks) is the survey's.
 */
import { createCatalogue } from '../../core/i18n/catalogue.ts';
import { defineMessages, type KeyOf } from '../../core/i18n/messages.ts';
import type { MessageVars } from '../../core/i18n/catalogue.ts';

const kioskMessages = defineMessages({
  en: {
    language: 'Language',
    send: 'Send',
    skip: 'Skip',
    commentHint: 'Optional. Type a few words, or skip.',
    thanksTitle: 'Thank you!',
    pending: 'Not yet sent:',
    offline: 'Offline: answers are kept on this tablet and sent when the connection is back.',
    revoked: 'This kiosk has been switched off. Answers not yet sent stay on this tablet.',
    closed: 'This survey is closed. Answers not yet sent stay on this tablet.',
    staff: 'Staff settings: hold for 3 seconds',
    pinTitle: 'Staff only',
    pinLabel: 'PIN',
    pinOpen: 'Open',
    cancel: 'Cancel',
    pinWrong: 'Wrong PIN',
    settingsTitle: 'Kiosk settings',
    location: 'Location: {name}',
    syncNow: 'Send now',
    leaveFullscreen: 'Leave full screen',
    backToSurvey: 'Back to the survey',
    noScript: 'This kiosk needs JavaScript. Please ask the staff.',
    notFoundTitle: 'Kiosk not found',
    notFoundText: 'This kiosk address is not known. Please ask the staff to check it.',
    revokedTitle: 'Kiosk switched off',
  },
  ru: {
    language: 'Язык',
    send: 'Отправить',
    skip: 'Пропустить',
    commentHint: 'Необязательно. Напишите пару слов или пропустите.',
    thanksTitle: 'Спасибо!',
    pending: 'Ещё не отправлено:',
    offline: 'Нет связи: ответы хранятся на этом планшете и будут отправлены, когда связь восстановится.',
    revoked: 'Этот киоск отключён. Неотправленные ответы остаются на планшете.',
    closed: 'Опрос завершён. Неотправленные ответы остаются на планшете.',
    staff: 'Настройки для персонала: удерживайте 3 секунды',
    pinTitle: 'Только для персонала',
    pinLabel: 'PIN-код',
    pinOpen: 'Открыть',
    cancel: 'Отмена',
    pinWrong: 'Неверный PIN-код',
    settingsTitle: 'Настройки киоска',
    location: 'Точка: {name}',
    syncNow: 'Отправить сейчас',
    leaveFullscreen: 'Выйти из полноэкранного режима',
    backToSurvey: 'Вернуться к опросу',
    noScript: 'Для работы киоска нужен JavaScript. Обратитесь к персоналу.',
    notFoundTitle: 'Киоск не найден',
    notFoundText: 'Адрес киоска неизвестен. Попросите персонал проверить его.',
    revokedTitle: 'Киоск отключён',
  },
  fa: {
    language: 'زبان',
    send: 'ارسال',
    skip: 'رد شدن',
    commentHint: 'اختیاری. چند کلمه بنویسید یا رد شوید.',
    thanksTitle: 'سپاسگزاریم!',
    pending: 'هنوز ارسال نشده:',
    offline: 'اتصال برقرار نیست: پاسخ‌ها روی این تبلت نگه داشته می‌شوند و پس از برقراری اتصال ارسال می‌شوند.',
    revoked: 'این کیوسک خاموش شده است. پاسخ‌های ارسال‌نشده روی این تبلت می‌مانند.',
    closed: 'این نظرسنجی بسته شده است. پاسخ‌های ارسال‌نشده روی این تبلت می‌مانند.',
    staff: 'تنظیمات کارکنان: ۳ ثانیه نگه دارید',
    pinTitle: 'فقط کارکنان',
    pinLabel: 'رمز',
    pinOpen: 'باز کردن',
    cancel: 'انصراف',
    pinWrong: 'رمز اشتباه است',
    settingsTitle: 'تنظیمات کیوسک',
    location: 'محل: {name}',
    syncNow: 'اکنون ارسال شود',
    leaveFullscreen: 'خروج از تمام‌صفحه',
    backToSurvey: 'بازگشت به نظرسنجی',
    noScript: 'این کیوسک به جاوااسکریپت نیاز دارد. لطفاً از کارکنان کمک بخواهید.',
    notFoundTitle: 'کیوسک پیدا نشد',
    notFoundText: 'نشانی این کیوسک شناخته نیست. لطفاً از کارکنان بخواهید آن را بررسی کنند.',
    revokedTitle: 'کیوسک خاموش شده است',
  },
});

export type KioskMessageKey = KeyOf<typeof kioskMessages>;

export const kioskCatalogue = createCatalogue('kiosk page', kioskMessages, { numbers: { useGrouping: false } });

/** A kiosk page text in `lang` (English when the interface has no translation for it). */
export function kioskText(lang: string, key: KioskMessageKey, vars?: MessageVars): string {
  return kioskCatalogue.formatMessage(lang, key, vars);
}
