/**
 * @module Alert e-mails in the recipient's language (users.locale; a bare address gets the rule author's).
 * Plain text: user-written parts (comments, names) are quoted as they are, with line breaks collapsed in the
 * subject so no header can be forged.
 */
import { createCatalogue } from '../../core/i18n/catalogue.ts';
import { defineMessages } from '../../core/i18n/messages.ts';

const alertMessages = defineMessages({
  en: {
    'subject.low_score': 'Alert "{rule}": {metric} {score} at {location}',
    'subject.negative_review': 'Alert "{rule}": negative review at {location}',
    'subject.comment_match': 'Alert "{rule}": {words} at {location}',
    'subject.sla_breach': 'Alert "{rule}": support contact {ticket} past its SLA',
    'subject.metric_drop': 'Alert "{rule}": {metric} dropped at {location}',
    'body.intro': 'The alert rule "{rule}" fired.',
    'body.location': 'Location: {location}',
    'body.score': 'Answer: {metric} {score} (survey "{survey}")',
    'body.review': 'Review on {source}: {rating}',
    'body.words': 'Found: {words}',
    'body.text': 'Text: "{text}"',
    'body.sla': 'Contact {ticket}: {kind, select, first_response {first response} other {resolution}} took {elapsed} (target {target}).',
    'body.drop': '{metric}: {previous} -> {current} ({previousN} and {currentN} answers; p = {p}, {test}).',
    'body.case': 'Case #{number}: {link}',
    'body.open': 'Open: {link}',
    'body.footer': 'You receive this because you are a recipient of the rule. Change it under Alert rules.',
    'noLocation': 'no location',
    'noRating': 'no rating',
    'minutes': '{n, plural, one {# minute} other {# minutes}}',
  },
  ru: {
    'subject.low_score': 'Оповещение «{rule}»: {metric} {score}, {location}',
    'subject.negative_review': 'Оповещение «{rule}»: негативный отзыв, {location}',
    'subject.comment_match': 'Оповещение «{rule}»: {words}, {location}',
    'subject.sla_breach': 'Оповещение «{rule}»: обращение {ticket} вышло за SLA',
    'subject.metric_drop': 'Оповещение «{rule}»: {metric} снизился, {location}',
    'body.intro': 'Сработало правило оповещения «{rule}».',
    'body.location': 'Точка: {location}',
    'body.score': 'Ответ: {metric} {score} (опрос «{survey}»)',
    'body.review': 'Отзыв на {source}: {rating}',
    'body.words': 'Найдено: {words}',
    'body.text': 'Текст: «{text}»',
    'body.sla': 'Обращение {ticket}: {kind, select, first_response {первый ответ} other {решение}} заняло {elapsed} (цель {target}).',
    'body.drop': '{metric}: {previous} -> {current} ({previousN} и {currentN} ответов; p = {p}, {test}).',
    'body.case': 'Обращение № {number}: {link}',
    'body.open': 'Открыть: {link}',
    'body.footer': 'Вы получили это письмо как получатель правила. Изменить его можно в разделе «Правила оповещений».',
    'noLocation': 'без точки',
    'noRating': 'без оценки',
    'minutes': '{n, plural, one {# минута} few {# минуты} many {# минут} other {# минуты}}',
  },
  fa: {
    'subject.low_score': 'هشدار «{rule}»: {metric} {score} در {location}',
    'subject.negative_review': 'هشدار «{rule}»: نقد منفی در {location}',
    'subject.comment_match': 'هشدار «{rule}»: {words} در {location}',
    'subject.sla_breach': 'هشدار «{rule}»: درخواست {ticket} از SLA گذشت',
    'subject.metric_drop': 'هشدار «{rule}»: افت {metric} در {location}',
    'body.intro': 'قانون هشدار «{rule}» فعال شد.',
    'body.location': 'شعبه: {location}',
    'body.score': 'پاسخ: {metric} {score} (نظرسنجی «{survey}»)',
    'body.review': 'نقد در {source}: {rating}',
    'body.words': 'یافته‌ها: {words}',
    'body.text': 'متن: «{text}»',
    'body.sla': 'درخواست {ticket}: {kind, select, first_response {نخستین پاسخ} other {حل}} {elapsed} طول کشید (هدف {target}).',
    'body.drop': '{metric}: {previous} -> {current} ({previousN} و {currentN} پاسخ؛ p = {p}، {test}).',
    'body.case': 'پرونده شمارهٔ {number}: {link}',
    'body.open': 'باز کردن: {link}',
    'body.footer': 'این پیام را به‌عنوان گیرندهٔ این قانون دریافت کرده‌اید. آن را در «قوانین هشدار» تغییر دهید.',
    'noLocation': 'بدون شعبه',
    'noRating': 'بدون امتیاز',
    'minutes': '{n, plural, one {# دقیقه} other {# دقیقه}}',
  },
});

export const alertMailCatalogue = createCatalogue('alert mail', alertMessages, { numbers: { useGrouping: false } });

const METRIC_NAMES: Record<string, string> = { nps: 'NPS', csat: 'CSAT', ces: 'CES' };

/** What an alert e-mail needs (the alert's summary plus names). */
export interface AlertMailInput {
  trigger: string;
  ruleName: string;
  locationName: string | null;
  summary: Record<string, any>;
  caseNumber: number | null;
  /** The case when one was opened, else the source (a response) when it has a page; absolute. */
  link: string | null;
  caseLink: boolean;
}

const oneLine = (s: string) => s.replace(/[\r\n\u2028\u2029]+/g, ' ').slice(0, 200);

/** Subject and plain-text body of an alert e-mail in `lang`. */
export function alertMail(lang: string, a: AlertMailInput): { subject: string; body: string } {
  const t = (key: Parameters<typeof alertMailCatalogue.formatMessage>[1], vars?: Record<string, string | number>) => alertMailCatalogue.formatMessage(lang, key, vars);
  const s = a.summary;
  const location = a.locationName ?? t('noLocation');
  const metric = METRIC_NAMES[s.metric] ?? String(s.metric ?? '');
  const words = [...(s.keywords ?? []), ...(s.themes ?? [])].join(', ');
  const vars: Record<string, string | number> = { rule: a.ruleName, location, metric, score: s.score ?? '', words, ticket: s.ticket ?? '' };
  const subject = oneLine(t(`subject.${a.trigger}` as 'subject.low_score', vars));
  const lines = [t('body.intro', { rule: a.ruleName }), t('body.location', { location })];
  if (a.trigger === 'low_score') lines.push(t('body.score', { metric, score: s.score, survey: s.survey ?? '' }));
  if (a.trigger === 'negative_review') lines.push(t('body.review', { source: s.reviewSource ?? '', rating: s.rating != null ? `${s.rating}/${s.ratingScale}` : t('noRating') }));
  if (words) lines.push(t('body.words', { words }));
  if (a.trigger === 'sla_breach') {
    const min = (sec: number) => t('minutes', { n: Math.round(sec / 60) });
    lines.push(t('body.sla', { ticket: s.ticket ?? '', kind: s.kind ?? 'resolution', elapsed: min(s.elapsedS ?? 0), target: min(s.targetS ?? 0) }));
  }
  if (a.trigger === 'metric_drop') {
    lines.push(t('body.drop', { metric, previous: s.previous ?? '', current: s.current ?? '', previousN: s.previousN ?? 0, currentN: s.currentN ?? 0, p: s.pValue ?? '', test: s.test ?? '' }));
  }
  if (s.excerpt) lines.push(t('body.text', { text: s.excerpt }));
  if (a.link) lines.push(a.caseLink && a.caseNumber !== null ? t('body.case', { number: a.caseNumber, link: a.link }) : t('body.open', { link: a.link }));
  lines.push('', t('body.footer'));
  return { subject, body: `${lines.join('\n')}\n` };
}
