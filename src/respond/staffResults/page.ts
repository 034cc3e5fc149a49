/**
 * The public staff results page's HTML (docs/staff.md "Telling staff the results"): the location's anonymous
 * groups (eNPS, scored questions, choice shares), merged and hidden groups stated plainly, and the rule.
 * Server-rendered, no script; the respondent pages' document, escaping and styles (src/respond/render).
 */
import { createCatalogue } from '../../core/i18n/catalogue.ts';
import { defineMessages, type KeyOf } from '../../core/i18n/messages.ts';
import { localize } from '../../core/surveys/localize.ts';
import type { StaffGroupRef, StaffResultGroup, StaffResultsAnswer } from '../../core/api/staffResults.ts';
import { html, type Html } from '../html.ts';
import { renderDocument } from '../render/layout.ts';

const messages = defineMessages({
  en: {
    title: 'Staff survey results: {location}',
    rule: 'Answers are anonymous. Results are shown only for groups of at least {min, number} people: a smaller group is merged into the location above it, and what is still smaller at the top is not shown.',
    hidden: 'Hidden: fewer than {min, number} people.',
    empty: 'No results to show yet: fewer than {min, number} people have answered.',
    people: '{n, plural, one {# person} other {# people}}',
    merged: 'Includes {names} (each fewer than {min, number} people).',
    enps: 'eNPS',
    enpsValue: '{value, number, ::.0}',
    noAnswerless: 'No location',
    mean: 'average {value, number, ::.0}',
    box: '{value, number, ::.0}% agree or better',
    share: '{value, number, ::.0}%',
    tooFew: 'Fewer than {min, number} answers in this group: not shown.',
    question: 'Question',
    result: 'Result',
    caption: 'Answers of {group}',
  },
  ru: {
    title: 'Результаты опроса сотрудников: {location}',
    rule: 'Ответы анонимны. Результаты показываются только для групп не меньше {min, number} человек: меньшая группа объединяется с вышестоящей локацией, а то, что и наверху меньше, не показывается.',
    hidden: 'Скрыто: меньше {min, number} человек.',
    empty: 'Пока нечего показать: ответили меньше {min, number} человек.',
    people: '{n, plural, one {# человек} few {# человека} many {# человек} other {# человека}}',
    merged: 'Включает {names} (в каждой меньше {min, number} человек).',
    enps: 'eNPS',
    enpsValue: '{value, number, ::.0}',
    noAnswerless: 'Без локации',
    mean: 'в среднем {value, number, ::.0}',
    box: '{value, number, ::.0}% оценили высоко',
    share: '{value, number, ::.0}%',
    tooFew: 'В этой группе меньше {min, number} ответов: не показываем.',
    question: 'Вопрос',
    result: 'Результат',
    caption: 'Ответы: {group}',
  },
  fa: {
    title: 'نتایج نظرسنجی کارکنان: {location}',
    rule: 'پاسخ‌ها ناشناس است. نتایج فقط برای گروه‌های دست‌کم {min, number} نفره نمایش داده می‌شود: گروه کوچک‌تر با مکان بالاتر ادغام می‌شود و آنچه در بالاترین سطح هم کوچک‌تر بماند نمایش داده نمی‌شود.',
    hidden: 'پنهان: کمتر از {min, number} نفر.',
    empty: 'هنوز نتیجه‌ای برای نمایش نیست: کمتر از {min, number} نفر پاسخ داده‌اند.',
    people: '{n, plural, one {# نفر} other {# نفر}}',
    merged: 'شامل {names} (هر کدام کمتر از {min, number} نفر).',
    enps: 'eNPS',
    enpsValue: '{value, number, ::.0}',
    noAnswerless: 'بدون مکان',
    mean: 'میانگین {value, number, ::.0}',
    box: '{value, number, ::.0}٪ ارزیابی بالا',
    share: '{value, number, ::.0}٪',
    tooFew: 'کمتر از {min, number} پاسخ در این گروه: نمایش داده نمی‌شود.',
    question: 'پرسش',
    result: 'نتیجه',
    caption: 'پاسخ‌های {group}',
  },
});

export const staffResultsPageCatalogue = createCatalogue('staff results page', messages, { numbers: { useGrouping: false } });
type Key = KeyOf<typeof messages>;

/** The page's own styles, allowed by their hash like the organisation's accent. */
export const STAFF_RESULTS_CSS =
  '.rule{padding:.5rem .75rem;border-inline-start:4px solid #1b5e9e;background:#eef4fb}.grp{background:#fff;border-radius:.5rem;box-shadow:0 1px 3px #0002;padding:1rem;margin:0 0 1rem}.grp h2{margin:0 0 .25rem;font-size:1.15rem}.enps{font-size:1.5rem;font-weight:700;margin:.25rem 0}table{border-collapse:collapse;width:100%}th,td{text-align:start;padding:.35rem .25rem;border-block-end:1px solid #ddd;vertical-align:top}caption{text-align:start;font-weight:600;padding:.25rem 0}.muted{color:#555}';

// Names are isolated (FSI…PDI) so a Latin or Cyrillic name keeps its order inside a Persian sentence.
const isolate = (s: string) => `\u2068${s}\u2069`;

export function renderStaffResultsPage(lang: string, locationName: string, data: StaffResultsAnswer): string {
  const t = (key: Key, vars?: Record<string, string | number>) => staffResultsPageCatalogue.formatMessage(lang, key, vars);
  const fallback = data.survey.defaultLanguage;
  const min = data.minGroup;
  const name = (ref: StaffGroupRef) => {
    const loc = ref.locationName ?? t('noAnswerless');
    return ref.team ? `${loc} · ${localize(ref.team.label, lang, fallback)}` : loc;
  };
  const rows = (g: StaffResultGroup): Html[] =>
    g.questions.flatMap((r) => {
      const q = data.questions.find((x) => x.key === r.key);
      const text = localize(q?.text, lang, fallback, r.key);
      if (r.hidden) return [html`<tr><th scope="row">${text}</th><td class="muted">${t('tooFew', { min })}</td></tr>`];
      if (r.options) {
        const opts = r.options.map((o) => `${localize(q?.options.find((x) => x.value === o.value)?.label, lang, fallback, o.value)}: ${t('share', { value: o.share })}`);
        return [html`<tr><th scope="row">${text}</th><td>${opts.join('; ')}</td></tr>`];
      }
      const parts = [t('mean', { value: r.mean ?? 0 }), ...(r.boxShare !== undefined ? [t('box', { value: r.boxShare })] : [])];
      return [html`<tr><th scope="row">${text}</th><td>${parts.join(', ')}</td></tr>`];
    });
  const group = (g: StaffResultGroup) => html`<section class="grp"><h2>${name(g)}</h2><p>${t('people', { n: g.n })}</p>${
    g.merged.length ? html`<p class="muted">${t('merged', { names: g.merged.map((m) => isolate(name(m))).join(', '), min })}</p>` : ''
  }${g.enps ? html`<p class="enps">${t('enps')}: ${t('enpsValue', { value: g.enps.value })}</p>` : ''}
<table><caption>${t('caption', { group: isolate(name(g)) })}</caption><thead><tr><th scope="col">${t('question')}</th><th scope="col">${t('result')}</th></tr></thead><tbody>${rows(g)}</tbody></table></section>`;
  const title = t('title', { location: isolate(locationName) });
  const body = html`<h1>${title}</h1><p class="rule" role="note">${t('rule', { min })}</p>${
    data.groups.length ? data.groups.map(group) : html`<p>${t('empty', { min })}</p>`
  }${data.hidden && data.groups.length ? html`<p class="muted">${t('hidden', { min })}</p>` : ''}`;
  return renderDocument({ lang, title, body });
}
