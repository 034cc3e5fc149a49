/**
 * One question as accessible HTML: scales and choices are radio/checkbox groups in a fieldset whose
 * legend is the question; scale ends are labelled visibly and for screen readers.
 */
import type { QuestionDef } from '../../core/surveys/types.ts';
import { MAX_TEXT_LENGTH, scoreRange, validationMessage } from '../../core/surveys/logic.ts';
import { localize } from '../../core/surveys/localize.ts';
import { html, type Html } from '../html.ts';
import { formatNumber, pageText } from '../i18n.ts';

export interface QuestionView {
  q: QuestionDef;
  text: string;
  lang: string;
  fallback: string;
  /** The respondent's submitted values (re-rendered after an error). */
  values: string[];
  error?: string;
}

const SMILEYS = ['😞', '🙁', '😐', '🙂', '😀'];
/** The smileys' names, worst to best. */
const SMILEY_NAMES = ['smiley1', 'smiley2', 'smiley3', 'smiley4', 'smiley5'] as const;

/** One point of a scale: its value, what is shown (digits, a star, a smiley) and its accessible name when the face is not enough. */
export interface ScaleItem {
  value: number;
  face: string;
  name: string | null;
}

/** A scored question's points in `lang` with its end labels (the respondent pages and the website widget). */
export function scaleItems(q: QuestionDef, lang: string, fallback: string): { style: string; items: ScaleItem[]; minLabel: string; maxLabel: string } {
  const range = scoreRange(q)!;
  const style = q.type === 'rating' ? (q.scale?.style ?? 'numbers') : 'numbers';
  const minLabel = localize(q.scale?.labels?.min, lang, fallback);
  const maxLabel = localize(q.scale?.labels?.max, lang, fallback);
  const items: ScaleItem[] = [];
  for (let n = range.min; n <= range.max; n++) {
    const digits = formatNumber(n, lang);
    let name: string | null = null;
    let face: string = digits;
    if (style === 'stars') {
      name = pageText(lang, 'starOf', { n: n - range.min + 1, max: range.max - range.min + 1 });
      face = '★';
    } else if (style === 'smileys' && range.max - range.min === 4) {
      name = pageText(lang, SMILEY_NAMES[n - range.min]);
      face = SMILEYS[n - range.min];
    }
    const end = n === range.min ? minLabel : n === range.max ? maxLabel : '';
    if (end) name = `${name ?? digits}, ${end}`;
    items.push({ value: n, face, name });
  }
  return { style, items, minLabel, maxLabel };
}

function scale(v: QuestionView): Html {
  const { q } = v;
  const { style, minLabel, maxLabel, items: points } = scaleItems(q, v.lang, v.fallback);
  const items = points.map(({ value: n, face, name }) =>
    html`<label><input type="radio" name="q_${q.key}" value="${n}"${v.values.includes(String(n)) ? html` checked` : ''}${
      name ? html` aria-label="${name}"` : ''
    }><span${name ? html` aria-hidden="true"` : ''}>${face}</span></label>`,
  );
  const cls = style === 'numbers' ? 'scale' : `scale ${style}`;
  return html`<div class="${cls}">${items}</div>${
    minLabel || maxLabel ? html`<div class="ends" aria-hidden="true"><span>${minLabel}</span><span>${maxLabel}</span></div>` : ''
  }`;
}

function options(v: QuestionView): Html {
  const type = v.q.type === 'multi' ? 'checkbox' : 'radio';
  return html`<div class="opts">${(v.q.options ?? []).map(
    (o) =>
      html`<label><input type="${type}" name="q_${v.q.key}" value="${o.value}"${v.values.includes(o.value) ? html` checked` : ''}>${localize(
        o.label,
        v.lang,
        v.fallback,
      ) || o.value}</label>`,
  )}</div>`;
}

/** Yes / no as two radios in the respondent's language. */
function yesNo(v: QuestionView): Html {
  return html`<div class="opts">${(['yes', 'no'] as const).map(
    (x) => html`<label><input type="radio" name="q_${v.q.key}" value="${x}"${v.values.includes(x) ? html` checked` : ''}>${pageText(v.lang, x)}</label>`,
  )}</div>`;
}

/** The range as a hint under a number field (the message the server would give), tied to the field for screen readers. */
function numberHint(q: QuestionDef, lang: string): string {
  const { min, max } = q.range ?? {};
  if (min !== undefined && max !== undefined) return validationMessage('number_between', lang, { min, max });
  if (min !== undefined) return validationMessage('number_min', lang, { min });
  if (max !== undefined) return validationMessage('number_max', lang, { max });
  return q.range?.decimals ? '' : validationMessage('whole_number', lang);
}

/** One-line fields: date, number, e-mail, phone. Written left to right (digits, addresses) also on RTL pages. */
function field(v: QuestionView): Html {
  const { q } = v;
  const attrs = {
    date: html`type="date"`,
    number: html`type="text" inputmode="${q.range?.decimals ? 'decimal' : 'numeric'}" autocomplete="off"`,
    email: html`type="email" autocomplete="email" dir="ltr"`,
    phone: html`type="tel" autocomplete="tel" dir="ltr"`,
  }[q.type as 'date' | 'number' | 'email' | 'phone'];
  const hint = q.type === 'number' ? numberHint(q, v.lang) : '';
  return html`<input class="in" ${attrs} name="q_${q.key}" id="i-${q.key}" aria-labelledby="l-${q.key}" value="${v.values[0] ?? ''}"${
    hint ? html` aria-describedby="h-${q.key}"` : ''
  }>${hint ? html`<p class="hint" id="h-${q.key}">${hint}</p>` : ''}`;
}

/** A ranking: one select per option (1..n, each rank once), which works without the script and with the keyboard. */
function ranking(v: QuestionView): Html {
  const { q } = v;
  const opts = q.options ?? [];
  return html`<p class="hint">${pageText(v.lang, 'rankHint', { n: opts.length })}</p><div class="rks">${opts.map((o, i) => {
    const ranks = opts.map((_, r) => {
      const value = `${r + 1}:${o.value}`;
      return html`<option value="${value}"${v.values.includes(value) ? html` selected` : ''}>${formatNumber(r + 1, v.lang)}</option>`;
    });
    return html`<div class="rk"><label for="i-${q.key}-${i}">${localize(o.label, v.lang, v.fallback) || o.value}</label><select name="q_${q.key}" id="i-${q.key}-${i}"><option value="">–</option>${ranks}</select></div>`;
  })}</div>`;
}

/** A consent: one checkbox labelled with the question's text (the legend then names the group for screen readers only). */
function consent(v: QuestionView): Html {
  const { q } = v;
  return html`<div class="opts"><label><input type="checkbox" name="q_${q.key}" value="yes"${v.values.includes('yes') ? html` checked` : ''}>${v.text}${
    q.required ? html` <span class="req" aria-hidden="true">*</span>` : ''
  }</label></div>`;
}

function control(v: QuestionView): Html {
  switch (v.q.type) {
    case 'nps':
    case 'rating':
      return scale(v);
    case 'single':
    case 'multi':
      return options(v);
    case 'yesno':
      return yesNo(v);
    case 'date':
    case 'number':
    case 'email':
    case 'phone':
      return field(v);
    case 'ranking':
      return ranking(v);
    case 'consent':
      return consent(v);
    default:
      // No maxlength: the browser would cut a pasted comment silently; the server refuses it with a message instead.
      return html`<textarea name="q_${v.q.key}" id="i-${v.q.key}" aria-labelledby="l-${v.q.key}" data-max="${MAX_TEXT_LENGTH}" rows="4">${v.values.join('\n')}</textarea>`;
  }
}

/** A question's fieldset, with its error message (if any) announced through aria-describedby. */
export function renderQuestion(v: QuestionView): Html {
  const { q } = v;
  return html`<fieldset class="q${v.error ? ' bad' : ''}" id="q-${q.key}" data-k="${q.key}"${q.required ? html` data-req` : ''} aria-describedby="e-${q.key}"${v.error ? html` aria-invalid="true"` : ''}>
<legend id="l-${q.key}" tabindex="-1"${q.type === 'consent' ? html` class="sr"` : ''}><span class="qt">${v.text}</span>${
    q.required ? html` <span class="req" aria-hidden="true">*</span><span class="sr">(${pageText(v.lang, 'required')})</span>` : ''
  }</legend>
${control(v)}<p class="err" id="e-${q.key}" aria-live="polite">${v.error ?? ''}</p></fieldset>`;
}

/**
 * A matrix: its stored rows (rating questions, src/core/surveys/matrix.ts) as one grid, a fieldset per row
 * inside the grid's fieldset, each with its own scale (end labels included: rows wrap on a phone) and error.
 */
export function renderMatrix(key: string, text: string, rows: QuestionView[]): Html {
  const first = rows[0];
  const required = rows.some((r) => r.q.required);
  return html`<fieldset class="q mx" id="q-${key}" data-k="${key}">
<legend id="l-${key}" tabindex="-1"><span class="qt">${text}</span>${
    required ? html` <span class="req" aria-hidden="true">*</span><span class="sr">(${pageText(first.lang, 'required')})</span>` : ''
  }</legend>${rows.map(
    (r) => html`<fieldset class="mr${r.error ? ' bad' : ''}" id="q-${r.q.key}" data-k="${r.q.key}"${r.q.required ? html` data-req` : ''} aria-describedby="e-${r.q.key}"${
      r.error ? html` aria-invalid="true"` : ''
    }><legend id="l-${r.q.key}">${r.text}</legend>${scale(r)}<p class="err" id="e-${r.q.key}" aria-live="polite">${r.error ?? ''}</p></fieldset>`,
  )}</fieldset>`;
}
