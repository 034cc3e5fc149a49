/**
 * @module The weekly case digest of one owner (docs/closed-loop.md "Escalation and digest"): open cases
 * by status, the overdue ones listed, the cases resolved in the past week; as a plain-text mail in the
 * owner's language (ICU plurals: ru one/few/many/other). Pure.
 */
import { createCatalogue } from '../i18n/catalogue.ts';
import { languageOr } from '../i18n/languages.ts';
import { defineMessages } from '../i18n/messages.ts';

export interface DigestInput {
  name: string;
  counts: { new: number; inProgress: number; waitingCustomer: number };
  overdue: { number: number; title: string; dueAt: Date }[];
  /** Overdue cases beyond the listed ones. */
  overdueMore: number;
  resolvedLastWeek: number;
  /** The case inbox's address. */
  link: string;
  timeZone: string;
}

const messages = defineMessages({
  en: {
    subject: 'Your cases this week: {open, plural, one {# open} other {# open}}, {overdue, plural, one {# overdue} other {# overdue}}',
    hello: 'Hello {name},',
    helloNoName: 'Hello,',
    open: 'You own {open, plural, =0 {no open cases} one {# open case} other {# open cases}}:',
    statusNew: '- new: {n, number}',
    statusInProgress: '- in progress: {n, number}',
    statusWaiting: '- waiting for the customer: {n, number}',
    overdueNone: 'Nothing is overdue.',
    overdue: '{n, plural, one {# case is} other {# cases are}} past the due time:',
    overdueLine: '- #{number} {title} (due {due})',
    overdueMore: '- and {n, plural, one {# more} other {# more}}',
    resolved: 'Resolved in the past week: {n, plural, =0 {none} one {# case} other {# cases}}.',
    inbox: 'Open your cases: {link}',
  },
  ru: {
    subject: 'Ваши обращения за неделю: {open, plural, one {# открыто} few {# открыто} many {# открыто} other {# открыто}}, {overdue, plural, one {# просрочено} few {# просрочено} many {# просрочено} other {# просрочено}}',
    hello: 'Здравствуйте, {name}!',
    helloNoName: 'Здравствуйте!',
    open: 'У вас {open, plural, =0 {нет открытых обращений} one {# открытое обращение} few {# открытых обращения} many {# открытых обращений} other {# открытого обращения}}:',
    statusNew: '- новые: {n, number}',
    statusInProgress: '- в работе: {n, number}',
    statusWaiting: '- ждут ответа клиента: {n, number}',
    overdueNone: 'Просроченных нет.',
    overdue: 'Срок прошёл у {n, plural, one {# обращения} few {# обращений} many {# обращений} other {# обращения}}:',
    overdueLine: '- №{number} {title} (срок {due})',
    overdueMore: '- и ещё {n, number}',
    resolved: 'Решено за прошедшую неделю: {n, plural, =0 {ни одного} one {# обращение} few {# обращения} many {# обращений} other {# обращения}}.',
    inbox: 'Ваши обращения: {link}',
  },
  fa: {
    subject: 'پرونده‌های شما در این هفته: {open, plural, one {# باز} other {# باز}}، {overdue, plural, one {# دیرکرد} other {# دیرکرد}}',
    hello: '{name} عزیز، سلام',
    helloNoName: 'سلام،',
    open: '{open, plural, =0 {هیچ پروندهٔ بازی ندارید} one {# پروندهٔ باز دارید} other {# پروندهٔ باز دارید}}:',
    statusNew: '- تازه: {n, number}',
    statusInProgress: '- در دست بررسی: {n, number}',
    statusWaiting: '- در انتظار پاسخ مشتری: {n, number}',
    overdueNone: 'هیچ پرونده‌ای از موعد نگذشته است.',
    overdue: 'موعد {n, plural, one {# پرونده} other {# پرونده}} گذشته است:',
    overdueLine: '- #{number} {title} (موعد {due})',
    overdueMore: '- و {n, number} پروندهٔ دیگر',
    resolved: 'حل‌شده در هفتهٔ گذشته: {n, plural, =0 {هیچ} one {# پرونده} other {# پرونده}}.',
    inbox: 'پرونده‌های شما: {link}',
  },
});

export const digestCatalogue = createCatalogue('case digest mail', messages, { numbers: { useGrouping: false } });
const text = digestCatalogue.formatMessage;

/** A title on one line (a letter's subject may carry line breaks), at most 120 characters. */
const oneLine = (s: string) => {
  const flat = s.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
};

export function digestMail(locale: string, d: DigestInput): { subject: string; body: string } {
  const lang = languageOr(locale);
  const open = d.counts.new + d.counts.inProgress + d.counts.waitingCustomer;
  const overdueCount = d.overdue.length + d.overdueMore;
  const date = new Intl.DateTimeFormat(lang, { timeZone: d.timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const lines = [
    d.name.trim() ? text(lang, 'hello', { name: oneLine(d.name) }) : text(lang, 'helloNoName'),
    '',
    text(lang, 'open', { open }),
    text(lang, 'statusNew', { n: d.counts.new }),
    text(lang, 'statusInProgress', { n: d.counts.inProgress }),
    text(lang, 'statusWaiting', { n: d.counts.waitingCustomer }),
    '',
    overdueCount === 0 ? text(lang, 'overdueNone') : text(lang, 'overdue', { n: overdueCount }),
    ...d.overdue.map((c) => text(lang, 'overdueLine', { number: c.number, title: oneLine(c.title), due: date.format(c.dueAt) })),
    ...(d.overdueMore > 0 ? [text(lang, 'overdueMore', { n: d.overdueMore })] : []),
    '',
    text(lang, 'resolved', { n: d.resolvedLastWeek }),
    '',
    text(lang, 'inbox', { link: d.link }),
    '',
  ];
  return { subject: text(lang, 'subject', { open, overdue: overdueCount }), body: lines.join('\n') };
}

/** The week a digest belongs to: the UTC date of its Monday (a retried run finds the digest already sent). */
export function digestWeek(now: Date): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10);
}
