/** The survey form page (all questions on one page without JavaScript) and its thank-you page. */
import type { LoadedSurvey } from '../../db/surveys/loadSurvey.ts';
import type { AnswerMap, LocalizedText, QuestionDef } from '../../core/surveys/types.ts';
import { activeQuestions, questionText, validationMessage } from '../../core/surveys/logic.ts';
import { pipedQuestion, type FlowContext, type PageModel } from '../../core/surveys/flow.ts';
import { localize } from '../../core/surveys/localize.ts';
import { html, type Html } from '../html.ts';
import { thanksWithoutHeading } from '../../core/surveys/thanks.ts';
import { isLanguage, nativeName } from '../../core/i18n/languages.ts';
import { pageText, type PageMessageKey } from '../i18n.ts';
import { renderDocument } from './layout.ts';
import { MIN_GROUP } from '../../core/staff/anonymity.ts';
import { renderMatrix, renderQuestion, type QuestionView } from './questions.ts';
import { applyDisplayOrder, surveyDisplayOrder } from '../../core/surveys/displayOrder.ts';
import { accentStyle, logoHeader } from './brand.ts';

export interface SurveyPageView {
  survey: LoadedSurvey;
  lang: string;
  idempotencyKey: string;
  startedMs: number;
  locationId: string | null;
  channel: string;
  hidden: Record<string, string>;
  /** Submitted values per question key, to re-render after a validation error. */
  values?: Record<string, string[]>;
  /** Valid answers parsed from the submission (for the "why?" wording after an error). */
  answers?: AnswerMap;
  /** Messages per question key, in the respondent's language. */
  errors?: Record<string, string>;
  /** A message not tied to one question (e.g. an expired form). */
  formError?: string;
  /** The author's preview: a banner, and the form posts back to the preview (nothing is stored). */
  preview?: boolean;
  /**
   * The builder's live preview (an unsaved draft in a sandboxed frame): no language switcher (the builder has its
   * own), and the form is marked `data-pv` so the script shows the thank-you after its checks instead of posting.
   */
  frame?: boolean;
  /** A personal link's token (/i/:token), posted back as `_inv` so the answer is linked to the contact. */
  invitationToken?: string;
  /** A personal link's contact attributes, for `{{contact.ATTR}}` (none otherwise). */
  contact?: Record<string, string>;
}

/** The survey's address, with `?preview=1` for the author's preview. */
const formAction = (slug: string, preview: boolean | undefined) => `/s/${encodeURIComponent(slug)}${preview ? '?preview=1' : ''}`;

const previewBanner = (lang: string, preview: boolean | undefined) => (preview ? pageText(lang, 'previewBanner') : undefined);

function languageName(code: string): string {
  if (isLanguage(code)) return nativeName(code);
  try {
    return new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The survey in each offered language. Each language is a button of the form (`_switch`), so without
 * JavaScript the answers given so far travel with the POST and come back on the page in the new language
 * (nothing is stored); the script instead keeps them in sessionStorage and opens `data-href`, the same
 * survey (location, channel, hidden fields) in that language.
 */
function languageSwitcher(v: SurveyPageView): Html | '' {
  if (v.survey.languages.length < 2 || v.frame) return '';
  const links = v.survey.languages.map((code) => {
    const params = new URLSearchParams({ lang: code });
    if (v.locationId) params.set('loc', v.locationId);
    if (v.channel !== 'link') params.set('channel', v.channel);
    for (const [k, value] of Object.entries(v.hidden)) params.set(k, value);
    if (v.preview) params.set('preview', '1');
    const href = `/s/${encodeURIComponent(v.survey.slug)}?${params}`;
    if (code === v.lang) return html`<li><span lang="${code}" aria-current="true">${languageName(code)}</span></li>`;
    return html`<li><button type="submit" form="sv" name="_switch" value="${code}" formnovalidate data-href="${href}" lang="${code}">${languageName(code)}</button></li>`;
  });
  return html`<nav aria-label="${pageText(v.lang, 'languages')}"><ul class="langs">${links}</ul></nav>`;
}

/** The survey's title in the language (its internal name only when no title was written). */
export function surveyTitle(survey: LoadedSurvey, lang: string): string {
  return localize(survey.title, lang, survey.defaultLanguage, survey.name);
}

/** The thank-you heading and text: `text` already chosen and piped (a jump's own), else the survey's thanks. */
function thanksBody(survey: LoadedSurvey, lang: string, text?: string): Html {
  const title = pageText(lang, 'thanksTitle');
  const own = text ?? thanksWithoutHeading(localize(survey.thanks, lang, survey.defaultLanguage), title);
  return html`<h1 tabindex="-1">${title}</h1><p>${own || pageText(lang, 'thanksText')}</p>`;
}

/** What conditions and piping read on the page: hidden fields, channel, language, a personal link's contact. */
export function pageContext(v: Pick<SurveyPageView, 'hidden' | 'channel' | 'lang' | 'contact'>): FlowContext {
  return { hidden: v.hidden, channel: v.channel, language: v.lang, contact: v.contact ?? {} };
}

/**
 * The model the page script runs flow.ts on (pageState): the active questions localized to `lang`, with
 * their logic and only the texts that change on the page (piped ones, "why?" wordings); the thanks; the
 * request, with only the contact attributes the survey pipes in.
 */
function pageModel(survey: LoadedSurvey, lang: string, ctx: FlowContext): PageModel {
  const fallback = survey.defaultLanguage;
  const one = (t: LocalizedText | undefined): LocalizedText => ({ [lang]: localize(t, lang, fallback) });
  const questions = activeQuestions(survey).map((q) => {
    const text = localize(q.text, lang, fallback);
    const out: QuestionDef = { key: q.key, type: q.type, metric: q.metric, required: q.required, text: text.includes('{{') || q.whyTexts ? { [lang]: text } : {} };
    if (q.scale) out.scale = { min: q.scale.min, max: q.scale.max, style: q.scale.style };
    if (q.boxMin !== undefined) out.boxMin = q.boxMin;
    if (q.direction) out.direction = q.direction;
    if (q.options) out.options = q.options.map((o) => ({ value: o.value, label: one(o.label) }));
    if (q.followsQuestionKey && q.whyTexts) {
      out.followsQuestionKey = q.followsQuestionKey;
      out.whyTexts = Object.fromEntries(Object.entries(q.whyTexts).map(([g, t]) => [g, one(t)]));
    }
    if (q.showIf) out.showIf = q.showIf;
    if (q.jumps) out.jumps = q.jumps.map((j) => ({ ...j, ...(j.thanks ? { thanks: one(j.thanks) } : {}) }));
    return out;
  });
  const piped = new Set([...JSON.stringify(survey).matchAll(/\{\{\s*contact\.([A-Za-z0-9_.-]+)/g)].map((m) => m[1]));
  const contact = Object.fromEntries(Object.entries(ctx.contact ?? {}).filter(([k]) => piped.has(k)));
  return { lang, questions, thanks: one(survey.thanks), heading: pageText(lang, 'thanksTitle'), ctx: { ...ctx, contact } };
}

/** The full form page. */
export function renderSurveyPage(v: SurveyPageView): string {
  const { survey, lang } = v;
  const s = (key: PageMessageKey, vars?: Record<string, number>) => pageText(lang, key, vars);
  const fallback = survey.defaultLanguage;
  // Randomised options and question groups, in the order of this form's key (the same after a re-render).
  const questions = applyDisplayOrder(activeQuestions(survey), surveyDisplayOrder(survey, v.idempotencyKey));
  const errors = v.errors ?? {};
  const title = surveyTitle(survey, lang);
  const intro = localize(survey.intro, lang, fallback);

  const ctx = pageContext(v);
  const answers = v.answers ?? {};
  // Without JavaScript every question is on the page; texts pipe what is known (hidden fields, a contact, answers after an error).
  const view = (q: QuestionDef): QuestionView => ({
    q: pipedQuestion(q, { answers, questions, lang, fallback, ctx }),
    lang,
    fallback,
    text: questionText(q, answers, survey, lang, fallback, ctx),
    values: v.values?.[q.key] ?? [],
    error: errors[q.key],
  });
  // A matrix's rows (stored as rating questions) are shown together as one grid, where its first row is.
  const fields = questions.flatMap((q) => {
    if (!q.matrix) return [renderQuestion(view(q))];
    const grid = q.matrix;
    const rows = questions.filter((o) => o.matrix?.key === grid.key);
    if (rows[0] !== q) return [];
    return [renderMatrix(grid.key, localize(grid.text, lang, fallback), rows.map(view))];
  });
  const errorLinks = questions
    .filter((q) => errors[q.key])
    .map((q) => html`<li><a href="#q-${q.key}">${q.matrix ? `${localize(q.matrix.text, lang, fallback)} – ` : ''}${questionText(q, answers, survey, lang, fallback, ctx)}: ${errors[q.key]}</a></li>`);
  const summary =
    errorLinks.length || v.formError
      ? html`<div class="alert" role="alert" id="errs"><p>${v.formError ?? s('errorSummary')}</p>${errorLinks.length ? html`<ul>${errorLinks}</ul>` : ''}</div>`
      : '';
  // A staff survey states the anonymity rule whatever its intro says, and carries no hidden fields (docs/staff.md).
  const staff = survey.audience === 'staff';
  const anonymity = staff ? html`<p class="anon" role="note">${s('staffAnonymity', { min: MIN_GROUP })}</p>` : '';
  const hiddenInputs = Object.entries(staff ? {} : v.hidden).map(([k, value]) => html`<input type="hidden" name="h_${k}" value="${value}">`);

  const body = html`${languageSwitcher(v)}<h1>${title}</h1>${intro ? html`<p class="intro">${intro}</p>` : ''}${anonymity}${summary}
<form class="sv" id="sv" method="post" action="${formAction(survey.slug, v.preview)}" novalidate${v.frame ? html` data-pv` : ''} data-req="${validationMessage('required', lang)}" data-off="${s('offline')}" data-logic="${JSON.stringify(pageModel(survey, lang, ctx))}">
<input type="hidden" name="_k" value="${v.idempotencyKey}"><input type="hidden" name="_lang" value="${lang}"><input type="hidden" name="_started" value="${v.startedMs}">${
    v.locationId ? html`<input type="hidden" name="_loc" value="${v.locationId}">` : ''
  }<input type="hidden" name="_channel" value="${v.channel}">${
    v.invitationToken ? html`<input type="hidden" name="_inv" value="${v.invitationToken}">` : ''
  }${hiddenInputs}
${fields}
<div class="bar"><button type="button" class="sec bk" hidden>${s('back')}</button><span class="st" data-f="${pageText(lang, 'step', { n: '{n}', total: '{total}' })}" role="status"></span><button type="button" class="nx" hidden>${s('next')}</button><button type="submit" class="sb">${s('submit')}</button></div>
</form><template id="ty">${thanksBody(survey, lang)}</template>`;
  return renderDocument({
    lang, title, body, script: true, banner: previewBanner(lang, v.preview), style: accentStyle(survey), header: logoHeader(survey),
  });
}

/**
 * The localized thank-you page with the survey's own thanks text (or `text`, already chosen and piped: a jump's
 * own), and `extra` below it (a promoter's referral block, src/respond/referral/page.ts, whose buttons need the
 * enhancement script).
 */
export function renderThanksPage(survey: LoadedSurvey, lang: string, preview = false, extra?: Html, text?: string): string {
  const body = thanksBody(survey, lang, text);
  return renderDocument({
    lang, title: surveyTitle(survey, lang), body: extra ? html`${body}${extra}` : body,
    banner: previewBanner(lang, preview), style: accentStyle(survey), header: logoHeader(survey), script: !!extra,
  });
}
