/** The pages of a survey that takes no answers now: "opens on ..." before its schedule, the closed page after it. */
import type { LoadedSurvey } from '../../db/surveys/loadSurvey.ts';
import { formatOpening } from '../../core/surveys/schedule.ts';
import { html } from '../html.ts';
import { pageText } from '../i18n.ts';
import { renderDocument } from './layout.ts';
import { accentStyle, logoHeader } from './brand.ts';
import { surveyTitle } from './surveyPage.ts';

/** Another live survey the closed page points to: its address and title in the page language. */
export interface ClosedRedirect {
  href: string;
  title: string;
}

/** Before `opensAt`: when the survey opens, in the organisation's zone and the page language. */
export function renderNotYetPage(survey: LoadedSurvey, lang: string, opensAt: string): string {
  const when = formatOpening(opensAt, lang, survey.orgTimeZone ?? 'UTC');
  const title = pageText(lang, 'notYetTitle');
  return renderDocument({
    lang, title: surveyTitle(survey, lang), style: accentStyle(survey), header: logoHeader(survey),
    body: html`<h1 tabindex="-1">${title}</h1><p>${pageText(lang, 'notYetText', { date: when })}</p>`,
  });
}

/** The closed page, with a link to the survey the author chose for after the close when it is live. */
export function renderClosedPage(survey: LoadedSurvey, lang: string, redirect: ClosedRedirect | null): string {
  const link = redirect ? html`<p>${pageText(lang, 'closedElsewhere')} <a href="${redirect.href}">${redirect.title}</a></p>` : '';
  return renderDocument({
    lang, title: surveyTitle(survey, lang), style: accentStyle(survey), header: logoHeader(survey),
    body: html`<h1 tabindex="-1">${pageText(lang, 'closedTitle')}</h1><p>${pageText(lang, 'closedText')}</p>${link}`,
  });
}
