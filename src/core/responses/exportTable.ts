/**
 * The table of a responses export (CSV and XLSX): one row per response, fixed columns first, then one
 * column per question (headed by its text in the export language), then one per hidden field.
 * Every text cell is formula-safe (neutraliseFormulas); scores stay numbers.
 */
import type { ChoiceOption, LocalizedText, QuestionType } from '../surveys/types.ts';
import { localize } from '../surveys/localize.ts';
import { neutraliseFormulas } from '../text/csv.ts';
import { createCatalogue } from '../i18n/catalogue.ts';
import { defineMessages } from '../i18n/messages.ts';
import { isLanguage, type Language } from '../i18n/languages.ts';

/** The media types of the CSV and XLSX downloads (the OpenAPI document names them too). */
export const EXPORT_CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** Exports are written in an interface language. */
export type ExportLanguage = Language;

/** Hidden fields with a column of their own (the most used); any others share one "other" column. */
export const MAX_HIDDEN_COLUMNS = 50;
/** How the answers of a multiple-choice question share one cell. */
export const CHOICE_SEPARATOR = '; ';

/** Headers and cells the export writes itself (questions and options come in the survey's own words). */
export const exportCatalogue = createCatalogue('responses export', defineMessages({
  en: {
    id: 'Response ID', submitted: 'Submitted at ({zone})', location: 'Location', code: 'Location code', channel: 'Channel', language: 'Language',
    excluded: 'Excluded', reason: 'Exclusion reason', otherHidden: 'Other hidden fields', yes: 'yes', no: 'no',
  },
  ru: {
    id: 'ID ответа', submitted: 'Время ответа ({zone})', location: 'Точка', code: 'Код точки', channel: 'Канал', language: 'Язык',
    excluded: 'Исключён', reason: 'Причина исключения', otherHidden: 'Другие скрытые поля', yes: 'да', no: 'нет',
  },
  fa: {
    id: 'شناسه پاسخ', submitted: 'زمان ارسال ({zone})', location: 'محل', code: 'کد محل', channel: 'کانال', language: 'زبان',
    excluded: 'کنار گذاشته شده', reason: 'دلیل کنار گذاشتن', otherHidden: 'سایر فیلدهای پنهان', yes: 'بله', no: 'خیر',
  },
}));

export interface ExportQuestion {
  key: string;
  type: QuestionType;
  text: LocalizedText;
  options?: ChoiceOption[];
}

/** One stored answer (the typed columns of `answers`). */
export interface ExportAnswer {
  score?: number | null;
  choice?: string | null;
  choices?: string[] | null;
  text?: string | null;
  number?: number | null;
}

export interface ExportResponse {
  id: string;
  /** ISO 8601 instant. */
  submittedAt: string;
  location: { name: string; code: string | null } | null;
  channel: string;
  language: string;
  hidden: Record<string, unknown>;
  excluded: boolean;
  exclusionReason: string | null;
  /** By question key. */
  answers: Record<string, ExportAnswer>;
}

export type ExportCell = string | number | null;

export interface ExportLayout {
  headers: string[];
  lang: ExportLanguage;
  fallbackLanguage: string;
  timeZone: string;
  questions: ExportQuestion[];
  hiddenKeys: string[];
  /** Whether the last column gathers the hidden fields without a column of their own. */
  otherHidden: boolean;
}

/**
 * The columns of an export.
 * @param hiddenKeys hidden-field keys present in the exported responses, most used first
 */
export function exportLayout(o: { questions: ExportQuestion[]; hiddenKeys: string[]; lang: ExportLanguage; defaultLanguage: string; timeZone: string }): ExportLayout {
  const l = (key: 'id' | 'location' | 'code' | 'channel' | 'language' | 'excluded' | 'reason' | 'otherHidden') => exportCatalogue.formatMessage(o.lang, key);
  const hiddenKeys = o.hiddenKeys.slice(0, MAX_HIDDEN_COLUMNS);
  const otherHidden = o.hiddenKeys.length > MAX_HIDDEN_COLUMNS;
  const headers = [
    l('id'), exportCatalogue.formatMessage(o.lang, 'submitted', { zone: o.timeZone }), l('location'), l('code'), l('channel'), l('language'), l('excluded'), l('reason'),
    ...o.questions.map((q) => localize(q.text, o.lang, o.defaultLanguage, q.key)),
    ...hiddenKeys,
    ...(otherHidden ? [l('otherHidden')] : []),
  ].map(neutraliseFormulas);
  return { headers, lang: o.lang, fallbackLanguage: o.defaultLanguage, timeZone: o.timeZone, questions: o.questions, hiddenKeys, otherHidden };
}

/** The row of one response, in the layout's columns. */
export function exportRow(layout: ExportLayout, r: ExportResponse): ExportCell[] {
  const text = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? null : neutraliseFormulas(v));
  const shown = new Set(layout.hiddenKeys);
  const other = Object.entries(r.hidden)
    .filter(([k]) => !shown.has(k))
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(CHOICE_SEPARATOR);
  return [
    r.id,
    localDateTime(r.submittedAt, layout.timeZone),
    text(r.location?.name),
    text(r.location?.code),
    text(r.channel),
    text(r.language),
    exportCatalogue.formatMessage(layout.lang, r.excluded ? 'yes' : 'no'),
    text(r.exclusionReason),
    ...layout.questions.map((q) => answerCell(layout, q, r.answers[q.key])),
    ...layout.hiddenKeys.map((k) => (r.hidden[k] === undefined || r.hidden[k] === null ? null : text(String(r.hidden[k])))),
    ...(layout.otherHidden ? [text(other)] : []),
  ];
}

function answerCell(layout: ExportLayout, q: ExportQuestion, a: ExportAnswer | undefined): ExportCell {
  if (!a) return null;
  if (a.score !== null && a.score !== undefined) return a.score;
  if (a.number !== null && a.number !== undefined) return Number(a.number);
  const label = (value: string) => {
    // yes / no and consent questions store 'yes' or 'no': written in the export's language.
    if ((q.type === 'yesno' || q.type === 'consent') && (value === 'yes' || value === 'no')) return exportCatalogue.formatMessage(layout.lang, value);
    const option = q.options?.find((o) => o.value === value);
    return option ? localize(option.label, layout.lang, layout.fallbackLanguage, value) : value;
  };
  let value: string | null = null;
  // A ranking's choices are in rank order: "1. Taste; 2. Price".
  if (a.choices && a.choices.length > 0 && q.type === 'ranking') value = a.choices.map((c, i) => `${i + 1}. ${label(c)}`).join(CHOICE_SEPARATOR);
  else if (a.choices && a.choices.length > 0) value = a.choices.map(label).join(CHOICE_SEPARATOR);
  else if (a.choice) value = label(a.choice);
  else if (a.text) value = a.text;
  return value === null ? null : neutraliseFormulas(value);
}

const TIME_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DD HH:MM:SS` of an instant in `timeZone` (Gregorian, Latin digits, 24 h). */
export function localDateTime(iso: string, timeZone: string): string {
  let f = TIME_FORMATS.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, calendar: 'gregory', numberingSystem: 'latn', hourCycle: 'h23',
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    TIME_FORMATS.set(timeZone, f);
  }
  const parts = f.formatToParts(new Date(iso));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

/** A safe download name: the survey's address (slug) reduced to [a-z0-9-], `responses` and the day. */
export function exportFileName(slug: string, day: string, extension: 'csv' | 'xlsx'): string {
  const base = slug.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'survey';
  return `${base}-responses-${day}.${extension}`;
}

/**
 * The language of an export's headers and labels: the `lang` parameter, else the first language of
 * the Accept-Language header the interface has, else the survey's default language, else English.
 */
export function exportLanguage(param: string | undefined, acceptLanguage: string | undefined, surveyDefault: string): ExportLanguage {
  const known = (v: string | undefined): v is ExportLanguage => isLanguage(v);
  if (known(param)) return param;
  const accepted = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...opts] = part.trim().split(';');
      const q = opts.map((o) => o.trim()).find((o) => o.startsWith('q='));
      return { lang: tag.trim().slice(0, 2).toLowerCase(), q: q ? Number(q.slice(2)) : 1, i };
    })
    .filter((a) => a.lang && Number.isFinite(a.q) && a.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  const hit = accepted.find((a) => known(a.lang));
  if (hit) return hit.lang as ExportLanguage;
  return known(surveyDefault) ? surveyDefault : 'en';
}
