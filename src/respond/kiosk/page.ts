/**
 * The kiosk page (docs/kiosk.md): one server-rendered document with, per survey language, the score
 * screen (big buttons), the comment screen (when the survey has a comment question) and the thank-you
 * screen; the kiosk script (kiosk.js) switches screens and languages, queues answers in IndexedDB and
 * sends them. Inline CSS and script, allowed by their hashes; the page links nowhere.
 */
import fs from 'node:fs';
import { hash, squeeze } from '../assets.ts';
import { html, raw, type Html } from '../html.ts';
import { directionOf, isLanguage, nativeName } from '../../core/i18n/languages.ts';
import { localize } from '../../core/surveys/localize.ts';
import { scoreSteps, type KioskQuestions } from '../../core/kiosk/kiosk.ts';
import type { LoadedSurvey } from '../../db/surveys/loadSurvey.ts';
import { formatNumber, pageText } from '../i18n.ts';
import { kioskText, type KioskMessageKey } from './messages.ts';

const read = (name: string) => fs.readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');

export const KIOSK_CSS = squeeze(read('kiosk.css'), false);
export const KIOSK_SCRIPT = squeeze(read('kiosk.js'), true);
/** The service worker that keeps the page for a reload while offline (served as /k/<token>/sw.js). */
export const KIOSK_SERVICE_WORKER = squeeze(read('sw.js'), true);

/** The kiosk page may run its own inline code, talk to its own origin and register its service worker; nothing else. */
const KIOSK_CSP = [
  "default-src 'none'",
  `style-src ${hash(KIOSK_CSS)}`,
  `script-src ${hash(KIOSK_SCRIPT)}`,
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');

/** Headers of the kiosk page and its message pages. */
export const KIOSK_PAGE_HEADERS: Record<string, string> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': KIOSK_CSP,
  'x-content-type-options': 'nosniff',
  // The token is in the URL: never send it to another site.
  'referrer-policy': 'no-referrer',
  // The service worker keeps its own copy for offline reloads; the HTTP cache keeps none.
  'cache-control': 'no-store',
};

/** Mouth curves worst to best (drawn, not emoji: a tablet without an emoji font still shows faces). */
const MOUTHS = ['M30 72 Q50 52 70 72', 'M32 70 Q50 60 68 70', 'M32 66 L68 66', 'M32 62 Q50 72 68 62', 'M28 58 Q50 82 72 58'];
const FACE_COLOURS = ['#f3b2ad', '#f8cfa0', '#f6e08f', '#c9e6a5', '#9fd9b4'];

function face(i: number): Html {
  return html`<svg viewBox="0 0 100 100" width="1em" height="1em" aria-hidden="true" focusable="false"><circle cx="50" cy="50" r="46" fill="${FACE_COLOURS[i]}" stroke="#1b1d21" stroke-width="4"/><circle cx="35" cy="40" r="6" fill="#1b1d21"/><circle cx="65" cy="40" r="6" fill="#1b1d21"/><path d="${MOUTHS[i]}" fill="none" stroke="#1b1d21" stroke-width="5" stroke-linecap="round"/></svg>`;
}
const SMILEY_NAMES = ['smiley1', 'smiley2', 'smiley3', 'smiley4', 'smiley5'] as const;
const GROUP_CLASS = { detractor: 'd', passive: 'p', promoter: 'r' } as const;

export interface KioskPageInput {
  survey: LoadedSurvey;
  picked: KioskQuestions;
  /** The kiosk's id (names the tablet's answer queue). */
  kioskId: string;
  locationName: string;
  /** The language the page opens in (and returns to after each answer). */
  lang: string;
  pinSalt: string;
  pinHash: string;
}

/** Languages the kiosk offers: the survey's, default first. */
function kioskLanguages(survey: LoadedSurvey): string[] {
  const all = survey.languages.length ? survey.languages : [survey.defaultLanguage];
  return [survey.defaultLanguage, ...all.filter((l) => l !== survey.defaultLanguage)].filter((l, i, a) => a.indexOf(l) === i);
}

function scoreButtons(input: KioskPageInput, lang: string): Html {
  const q = input.picked.score;
  const fallback = input.survey.defaultLanguage;
  const steps = scoreSteps(input.picked);
  const min = steps[0].score;
  const max = steps[steps.length - 1].score;
  const smileys = q.type === 'rating' && q.scale?.style === 'smileys' && max - min === 4;
  const minLabel = localize(q.scale?.labels?.min, lang, fallback);
  const maxLabel = localize(q.scale?.labels?.max, lang, fallback);
  const buttons = steps.map(({ score, group, comment }) => {
    const digits = formatNumber(score, lang);
    let name = smileys ? pageText(lang, SMILEY_NAMES[score - min]) : digits;
    const end = score === min ? minLabel : score === max ? maxLabel : '';
    if (end) name = `${name}, ${end}`;
    const labelled = smileys || name !== digits;
    return html`<button type="button" class="sc g${GROUP_CLASS[group]}" data-v="${score}" data-g="${GROUP_CLASS[group]}"${comment ? html` data-c` : ''}${
      labelled ? html` aria-label="${name}"` : ''
    }>${smileys ? face(score - min) : html`<span${labelled ? html` aria-hidden="true"` : ''}>${digits}</span>`}</button>`;
  });
  return html`<div class="scs${smileys ? ' sm' : ''}${max - min >= 10 ? ' wide' : ''}" role="group" aria-labelledby="h-${lang}">${buttons}</div>${
    minLabel || maxLabel ? html`<div class="ends" aria-hidden="true"><span>${minLabel}</span><span>${maxLabel}</span></div>` : ''
  }`;
}

function languageSection(input: KioskPageInput, lang: string): Html {
  const { survey, picked } = input;
  const fallback = survey.defaultLanguage;
  const t = (key: KioskMessageKey) => kioskText(lang, key);
  const question = localize(picked.score.text, lang, fallback);
  const comment = picked.comment;
  const commentText = comment ? localize(comment.text, lang, fallback) : '';
  const why = (g: 'detractor' | 'passive' | 'promoter') => (comment?.whyTexts ? localize(comment.whyTexts[g], lang, fallback) : '') || commentText;
  const thanks = localize(survey.thanks, lang, fallback) || pageText(lang, 'thanksText');
  return html`<section class="kl" data-lang="${lang}" lang="${lang}" dir="${directionOf(lang)}"${lang === input.lang ? '' : html` hidden`}>
<div class="scr" data-s="score"><h1 id="h-${lang}" tabindex="-1">${question}</h1>${scoreButtons(input, lang)}</div>${
    comment
      ? html`<div class="scr" data-s="comment" hidden><h1 id="c-${lang}" tabindex="-1" data-d="${why('detractor')}" data-p="${why('passive')}" data-r="${why('promoter')}">${commentText}</h1>
<textarea id="t-${lang}" aria-labelledby="c-${lang}" aria-describedby="ch-${lang}" rows="4" maxlength="2000"></textarea><p class="hint" id="ch-${lang}">${t('commentHint')}</p>
<div class="acts"><button type="button" class="send">${t('send')}</button><button type="button" class="skip">${t('skip')}</button></div></div>`
      : ''
  }
<div class="scr" data-s="thanks" hidden><h1 tabindex="-1">${t('thanksTitle')}</h1><p class="big">${thanks}</p></div>
</section>`;
}

/** The texts the script shows itself (counter, notices, dialogs), finished, per language; and what it needs to work. */
function pageData(input: KioskPageInput, langs: string[]): string {
  const texts: Record<string, Record<string, string>> = {};
  for (const lang of langs) {
    const keys: KioskMessageKey[] = ['pending', 'offline', 'revoked', 'closed', 'pinWrong', 'language'];
    texts[lang] = Object.fromEntries(keys.map((k) => [k, kioskText(lang, k)]));
    texts[lang].dir = directionOf(lang);
  }
  // JSON inside <script type="application/json">: "<" is escaped so that no text can close the element.
  return JSON.stringify({ id: input.kioskId, lang: input.lang, pin: { s: input.pinSalt, h: input.pinHash }, t: texts }).replace(/</g, '\\u003c');
}

/** The staff dialogs (PIN, then settings): texts in the page's opening language (the staff's). */
function staffDialogs(input: KioskPageInput): Html {
  const t = (key: KioskMessageKey, vars?: Record<string, string>) => kioskText(input.lang, key, vars);
  return html`<dialog id="pin" aria-labelledby="pin-h"><h2 id="pin-h">${t('pinTitle')}</h2>
<label for="pin-i">${t('pinLabel')}</label> <input id="pin-i" type="password" inputmode="numeric" autocomplete="off" maxlength="8" dir="ltr">
<p class="err" id="pin-e" role="alert"></p><div class="acts"><button type="button" id="pin-ok">${t('pinOpen')}</button><button type="button" class="skip" id="pin-x">${t('cancel')}</button></div></dialog>
<dialog id="set" aria-labelledby="set-h"><h2 id="set-h">${t('settingsTitle')}</h2><p>${t('location', { name: input.locationName })}</p>
<p><span class="pl">${t('pending')}</span> <b class="pn" data-n="0">0</b></p>
<div class="acts col"><button type="button" id="set-sync">${t('syncNow')}</button><button type="button" id="set-fs">${t('leaveFullscreen')}</button><button type="button" class="skip" id="set-x">${t('backToSurvey')}</button></div></dialog>`;
}

/** The whole kiosk page. */
export function renderKioskPage(input: KioskPageInput): string {
  const { survey } = input;
  const langs = kioskLanguages(survey);
  const lang = input.lang;
  const title = localize(survey.title, lang, survey.defaultLanguage, survey.name);
  const switcher = langs.length > 1
    ? html`<div id="langs" role="group" aria-label="${kioskText(lang, 'language')}">${langs.map(
        (l) => html`<button type="button" value="${l}" lang="${l}" aria-pressed="${l === lang ? 'true' : 'false'}">${isLanguage(l) ? nativeName(l) : l.toUpperCase()}</button>`,
      )}</div>`
    : '';
  return html`<!doctype html>
<html lang="${lang}" dir="${directionOf(lang)}" class="kiosk"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1,maximum-scale=1,user-scalable=no"><meta name="robots" content="noindex"><link rel="icon" href="data:,">
<link rel="manifest" href="manifest.webmanifest"><meta name="mobile-web-app-capable" content="yes"><meta name="apple-mobile-web-app-capable" content="yes">
<title>${title}</title><style>${raw(KIOSK_CSS)}</style></head>
<body><header id="bar"><p id="st" role="status"><span class="pl">${kioskText(lang, 'pending')}</span> <b class="pn" id="pending" data-n="0">${formatNumber(0, lang)}</b> <span id="note"></span></p>${switcher}
<button type="button" id="staff" aria-label="${kioskText(lang, 'staff')}"><span aria-hidden="true">⚙</span></button></header>
<main>${langs.map((l) => languageSection(input, l))}<noscript><p class="big">${kioskText(lang, 'noScript')}</p></noscript></main>
${staffDialogs(input)}
<script type="application/json" id="kd">${raw(pageData(input, langs))}</script><script>${raw(KIOSK_SCRIPT)}</script></body></html>`.value;
}

/** A kiosk message page (unknown or switched-off kiosk, closed survey): no script, no links. */
export function renderKioskMessage(lang: string, title: string, text: string): string {
  return html`<!doctype html>
<html lang="${lang}" dir="${directionOf(lang)}" class="kiosk"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><link rel="icon" href="data:,">
<title>${title}</title><style>${raw(KIOSK_CSS)}</style></head>
<body><main><h1>${title}</h1><p class="big">${text}</p></main></body></html>`.value;
}

/** The web app manifest: "add to home screen" opens the kiosk full screen, in landscape. */
export function kioskManifest(name: string, lang: string): string {
  return JSON.stringify({ name, short_name: name.slice(0, 12), lang, dir: directionOf(lang), start_url: './', scope: './', display: 'fullscreen', orientation: 'landscape', background_color: '#f4f5f7', theme_color: '#0b57d0' });
}
