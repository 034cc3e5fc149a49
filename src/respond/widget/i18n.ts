/**
 * Texts of the website widget's prompt (besides the survey's own wording and the respondent pages'
 * texts it shares: send, thank you, star and smiley names), formatted on the server and sent in the
 * widget's config, so the prompt script stays free of the translation library.
 */
import { createCatalogue } from '../../core/i18n/catalogue.ts';
import { defineMessages, type KeyOf } from '../../core/i18n/messages.ts';
import type { MessageVars } from '../../core/i18n/catalogue.ts';

const widgetMessages = defineMessages({
  en: {
    dialog: 'Feedback',
    close: 'Close',
    optional: 'optional',
    sending: 'Sending…',
    failed: 'Your answer could not be sent. Please try again.',
  },
  ru: {
    dialog: 'Отзыв',
    close: 'Закрыть',
    optional: 'необязательно',
    sending: 'Отправка…',
    failed: 'Не удалось отправить ответ. Пожалуйста, попробуйте ещё раз.',
  },
  fa: {
    dialog: 'بازخورد',
    close: 'بستن',
    optional: 'اختیاری',
    sending: 'در حال ارسال…',
    failed: 'پاسخ شما ارسال نشد. لطفاً دوباره تلاش کنید.',
  },
});

export type WidgetMessageKey = KeyOf<typeof widgetMessages>;

export const widgetCatalogue = createCatalogue('website widget', widgetMessages, { numbers: { useGrouping: false } });

/** A widget text in `lang` (English when missing). */
export function widgetText(lang: string, key: WidgetMessageKey, vars?: MessageVars): string {
  return widgetCatalogue.formatMessage(lang, key, vars);
}
