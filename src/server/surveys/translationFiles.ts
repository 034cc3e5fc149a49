/**
 * @module Translation files of a survey (docs/api.md "Translation files"): XLIFF 2.0 through the `xliff`
 * package (one file per target language) and CSV with a key column and one column per survey language.
 * The texts and their keys come from src/core/surveys/translationUnits.ts.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { js2xliff, xliff2js } from 'xliff';
import type { SurveyInput } from '../../core/surveys/definition.ts';
import { translationUnits, type TranslatedText } from '../../core/surveys/translationUnits.ts';
import { restoreFormulas, toCsv } from '../../core/text/csv.ts';
import { invalid } from '../../http/errors.ts';
import { csvDelimiter } from '../files/tabular.ts';

/** An XLIFF 2.0 document: every unit's source text, and its target where the survey already has one. */
export async function surveyXliff(survey: SurveyInput & { slug: string }, source: string, target: string): Promise<string> {
  const units = Object.fromEntries(
    translationUnits(survey).map(({ key, texts }) => [key, { source: texts[source] ?? '', ...(texts[target] ? { target: texts[target] } : {}) }]),
  );
  return js2xliff({ sourceLanguage: source, targetLanguage: target, resources: { [survey.slug]: units } });
}

/** A CSV (UTF-8 with a BOM so spreadsheet programs read it as UTF-8): key, then one column per survey language. */
export function surveyTranslationsCsv(survey: SurveyInput): string {
  const rows = translationUnits(survey).map(({ key, texts }) => [key, ...survey.languages.map((lang) => texts[lang] ?? '')]);
  return '\uFEFF' + toCsv(['key', ...survey.languages], rows);
}

const textOf = (value: unknown): string =>
  typeof value === 'string' ? value : Array.isArray(value) ? value.filter((v) => typeof v === 'string').join('') : '';

/** The target texts of an XLIFF 2 file, in its target language. @throws validation for a file that is not XLIFF 2 with a target language */
export async function readXliff(xml: string): Promise<TranslatedText[]> {
  let doc;
  try {
    doc = await xliff2js(xml);
  } catch {
    doc = null;
  }
  if (!doc?.resources) throw invalid('file: not an XLIFF 2 document', { field: 'file' });
  const lang = doc.targetLanguage;
  if (!lang) throw invalid('file: the XLIFF file has no target language (trgLang)', { field: 'file' });
  return Object.values(doc.resources).flatMap((units) =>
    Object.entries(units).filter(([, unit]) => unit.target !== undefined).map(([key, unit]) => ({ key, lang, text: textOf(unit.target) })),
  );
}

/** The texts of a translation CSV (delimiter from the header line; the apostrophes our export adds are removed). */
export function readTranslationsCsv(text: string): TranslatedText[] {
  let rows: string[][];
  try {
    rows = parseCsv(text, { bom: true, delimiter: csvDelimiter(text.replace(/^\uFEFF/, '')), relax_column_count: true, skip_empty_lines: true });
  } catch (err) {
    throw invalid(`file: not a readable CSV (${(err as Error).message})`, { field: 'file' });
  }
  const [header, ...body] = rows;
  if (!header || header[0]?.trim().toLowerCase() !== 'key') throw invalid('file: the first column must be "key"', { field: 'file' });
  const langs = header.slice(1).map((h) => h.trim().toLowerCase());
  return body.flatMap(([key, ...cells]) =>
    langs.map((lang, i) => ({ key: (key ?? '').trim(), lang, text: restoreFormulas(cells[i] ?? '') })).filter((e) => e.key && e.lang),
  );
}
