/**
 * @module A survey's translatable texts as units with stable keys (translation files, docs/api.md
 * "Translation files"): the one walk over a definition, the texts per language it yields, what is
 * missing, and applying translated texts back. Pure; the file formats are in src/server/surveys/translationFiles.ts.
 *
 * Keys: `title`, `intro`, `thanks`, `q.<key>.text`, `q.<key>.scale.min`, `q.<key>.scale.max`,
 * `q.<key>.options.<value>`, `q.<key>.rows.<row key>` (a matrix's rows), `q.<key>.why.<detractor|passive|promoter>`. Archived questions are left out
 * (respondents never see them).
 */
import type { SurveyInput } from './definition.ts';
import { SCORE_GROUPS } from './types.ts';

type Texts = Record<string, string>;

/** One translatable text: its key and its texts by language. */
export interface TranslationUnit {
  key: string;
  texts: Texts;
}

/** One text for one language, as read from a translation file. */
export interface TranslatedText {
  key: string;
  lang: string;
  text: string;
}

/** What a file would change, or why it is refused (unknown keys or languages). */
export interface TranslationPlan {
  survey: SurveyInput;
  updated: number;
  unknownKeys: string[];
  unknownLanguages: string[];
}

/** The one walk: every translatable text of the survey with its key, as the live object (so apply can write to a copy). */
function slots(survey: SurveyInput): Array<{ key: string; texts: Texts }> {
  const out: Array<{ key: string; texts: Texts }> = [];
  const add = (key: string, texts: Texts | undefined) => {
    if (texts) out.push({ key, texts });
  };
  add('title', survey.title);
  // Intro and thanks are optional: a survey without them has nothing to translate there.
  if (Object.values(survey.intro).some(Boolean)) add('intro', survey.intro);
  if (Object.values(survey.thanks).some(Boolean)) add('thanks', survey.thanks);
  for (const q of survey.questions) {
    if (q.archivedInVersion) continue;
    const at = `q.${q.key}`;
    add(`${at}.text`, q.text);
    add(`${at}.scale.min`, q.scale?.labels?.min);
    add(`${at}.scale.max`, q.scale?.labels?.max);
    for (const o of q.options ?? []) add(`${at}.options.${o.value}`, o.label);
    for (const r of q.rows ?? []) add(`${at}.rows.${r.key}`, r.label);
    for (const group of SCORE_GROUPS) add(`${at}.why.${group}`, q.whyTexts?.[group]);
    // A jump's own thank-you text (flow.ts), when it has one.
    q.jumps?.forEach((j, i) => {
      if (j.thanks && Object.values(j.thanks).some(Boolean)) add(`${at}.jumps.${i}.thanks`, j.thanks);
    });
  }
  return out;
}

/** The survey's translatable texts, in display order, each with a copy of its texts by language. */
export function translationUnits(survey: SurveyInput): TranslationUnit[] {
  return slots(survey).map(({ key, texts }) => ({ key, texts: { ...texts } }));
}

/** Each (key, language) of the survey's languages without a text (empty or blank counts as missing). */
export function missingTranslations(survey: SurveyInput): Array<{ key: string; lang: string }> {
  const missing: Array<{ key: string; lang: string }> = [];
  for (const { key, texts } of slots(survey)) {
    for (const lang of survey.languages) if (!texts[lang]?.trim()) missing.push({ key, lang });
  }
  return missing;
}

/**
 * The survey with `entries` written in. Empty texts leave the stored text as it is (an untranslated cell is not
 * a deletion); keys and languages the survey does not have are listed and nothing is applied for them.
 * `updated` counts (key, language) pairs whose text changed.
 */
export function applyTranslations(survey: SurveyInput, entries: readonly TranslatedText[]): TranslationPlan {
  const copy = structuredClone(survey);
  const byKey = new Map(slots(copy).map((s) => [s.key, s.texts]));
  const languages = new Set(copy.languages);
  const unknownKeys = new Set<string>();
  const unknownLanguages = new Set<string>();
  let updated = 0;
  for (const { key, lang, text } of entries) {
    const texts = byKey.get(key);
    if (!texts) unknownKeys.add(key);
    if (!languages.has(lang)) unknownLanguages.add(lang);
    const value = text.trim();
    if (!texts || !languages.has(lang) || !value || texts[lang] === value) continue;
    texts[lang] = value;
    updated++;
  }
  return { survey: copy, updated, unknownKeys: [...unknownKeys], unknownLanguages: [...unknownLanguages] };
}
