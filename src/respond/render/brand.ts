/** The organisation's branding on respondent pages: an accent style block and the logo (a separate, cached image). */
import { readableTextOn } from '../../core/branding/branding.ts';
import type { LoadedSurvey } from '../../db/surveys/loadSurvey.ts';
import { html, type Html } from '../html.ts';

/**
 * CSS giving buttons and selected number scales the accent colour, with black or white text, whichever
 * contrasts more (stars and smileys keep their own look). '' without an accent. The colour is stored only
 * as #rrggbb (validated and checked by the database), so it is safe inside CSS.
 */
export function accentStyle(survey: LoadedSurvey): string {
  const accent = survey.branding?.accentColor;
  if (!accent) return '';
  const text = readableTextOn(accent);
  return `button:not(.sec),.scale:not(.stars,.smileys) input:checked+span{background:${accent};border-color:${accent};color:${text}}`;
}

/** The logo above the page (outside <main>, so it stays on the enhanced thank-you), or ''. */
export function logoHeader(survey: LoadedSurvey): Html | '' {
  const b = survey.branding;
  if (!b?.logoVersion) return '';
  const src = `/s/${encodeURIComponent(survey.slug)}/logo?v=${encodeURIComponent(b.logoVersion)}`;
  return html`<header class="brand"><img src="${src}" alt="${b.orgName}"></header>`;
}
