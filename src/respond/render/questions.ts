/**
 * One question as accessible HTML: scales and choices are radio/checkbox groups in a fieldset whose
 * legend is the question; scale ends are labelled visibly and for screen readers.
 */
import type { QuestionDef } from '../../core/surveys/types.ts';
import { MAX_TEXT_LENGTH, scoreRange } from '../../core/surveys/logic.ts';
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

function control(v: QuestionView): Html {
  switch (v.q.type) {
    case 'nps':
    case 'rating':
      return scale(v);
    case 'single':
    case 'multi':
      return options(v);
    default:
      // No maxlength: the browser would cut a pasted comment silently; the server refuses it with a message instead.
      return html`<textarea name="q_${v.q.key}" id="i-${v.q.key}" aria-labelledby="l-${v.q.key}" data-max="${MAX_TEXT_LENGTH}" rows="4">${v.values.join('\n')}</textarea>`;
  }
}

/** A question's fieldset, with its error message (if any) announced through aria-describedby. */
export function renderQuestion(v: QuestionView): Html {
  const { q } = v;
  return html`<fieldset class="q${v.error ? ' bad' : ''}" id="q-${q.key}" data-k="${q.key}"${q.required ? html` data-req` : ''} aria-describedby="e-${q.key}"${v.error ? html` aria-invalid="true"` : ''}>
<legend id="l-${q.key}" tabindex="-1"><span class="qt">${v.text}</span>${
    q.required ? html` <span class="req" aria-hidden="true">*</span><span class="sr">(${pageText(v.lang, 'required')})</span>` : ''
  }</legend>
${control(v)}<p class="err" id="e-${q.key}" aria-live="polite">${v.error ?? ''}</p></fieldset>`;
}
