/** The subject and plain-text part of a report e-mail, in en / ru / fa; the HTML part and the PDF come from the renderer. */
import { createCatalogue } from '../../core/i18n/catalogue.ts';
import { defineMessages } from '../../core/i18n/messages.ts';

const reportMailMessages = defineMessages({
  en: {
    'report.subject': '{name}: {from} – {to}',
    'report.body': 'The report "{name}" for {from} – {to} is attached as a PDF; the HTML version of this message shows it with its charts.\n',
  },
  ru: {
    'report.subject': '{name}: {from} – {to}',
    'report.body': 'Отчёт «{name}» за {from} – {to} приложен в PDF; HTML-версия письма показывает его с графиками.\n',
  },
  fa: {
    'report.subject': '{name}: {from} – {to}',
    'report.body': 'گزارش «{name}» برای {from} تا {to} به صورت PDF پیوست شده است؛ نسخهٔ HTML این پیام آن را با نمودارهایش نشان می‌دهد.\n',
  },
});

export const reportMailCatalogue = createCatalogue('report-mail', reportMailMessages, { numbers: { useGrouping: false } });

/** Subject and text body of a report e-mail in `lang`. */
export function reportMailText(lang: string, input: { name: string; from: string; to: string }): { subject: string; body: string } {
  return {
    subject: reportMailCatalogue.formatMessage(lang, 'report.subject', input),
    body: reportMailCatalogue.formatMessage(lang, 'report.body', input),
  };
}
