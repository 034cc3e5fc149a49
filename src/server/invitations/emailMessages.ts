/** Texts of invitation e-mails in every interface language (src/core/i18n). */
import { createCatalogue } from '../../core/i18n/catalogue.ts';
import { defineMessages } from '../../core/i18n/messages.ts';

const invitationMailMessages = defineMessages({
  en: {
    subject: '{survey}',
    reminderSubject: 'Reminder: {survey}',
    greeting: 'Hello, {name}!',
    greetingNoName: 'Hello!',
    intro: '{org} would like to know what you think. It takes about a minute.',
    reminderIntro: 'A few days ago {org} asked what you think. There is still time to answer: it takes about a minute.',
    scoreHint: 'Choose your answer to start:',
    open: 'Open the survey',
    personal: 'This link is personal: please do not forward this message.',
    unsubscribe: 'Unsubscribe',
    unsubscribeText: 'To stop receiving these messages: {link}',
  },
  ru: {
    subject: '{survey}',
    reminderSubject: 'Напоминание: {survey}',
    greeting: 'Здравствуйте, {name}!',
    greetingNoName: 'Здравствуйте!',
    intro: '{org} хочет узнать ваше мнение. Это займёт около минуты.',
    reminderIntro: 'Несколько дней назад {org} спросил ваше мнение. Ответить ещё не поздно: это займёт около минуты.',
    scoreHint: 'Выберите ответ, чтобы начать:',
    open: 'Открыть опрос',
    personal: 'Ссылка персональная: пожалуйста, не пересылайте это письмо.',
    unsubscribe: 'Отписаться',
    unsubscribeText: 'Чтобы больше не получать такие письма: {link}',
  },
  fa: {
    subject: '{survey}',
    reminderSubject: 'یادآوری: {survey}',
    greeting: '{name} عزیز، سلام!',
    greetingNoName: 'سلام!',
    intro: '{org} می‌خواهد نظر شما را بداند. حدود یک دقیقه طول می‌کشد.',
    reminderIntro: 'چند روز پیش {org} نظر شما را پرسید. هنوز فرصت پاسخ دادن هست: حدود یک دقیقه طول می‌کشد.',
    scoreHint: 'برای شروع پاسخ خود را انتخاب کنید:',
    open: 'باز کردن نظرسنجی',
    personal: 'این پیوند شخصی است: لطفاً این پیام را برای دیگران نفرستید.',
    unsubscribe: 'لغو اشتراک',
    unsubscribeText: 'برای دریافت نکردن این پیام‌ها: {link}',
  },
});

export const invitationMailCatalogue = createCatalogue('invitation mail', invitationMailMessages, { numbers: { useGrouping: false } });
