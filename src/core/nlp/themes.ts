/**
 * @module Theme matching (docs/text.md, "Themes"): a theme dictionary (id, names, terms per language) is
 * compiled into stem sequences, and a text has a theme when one of the theme's terms appears in it as
 * consecutive stems. Terms are matched in the language of the text; a text in a language without a
 * stemmer (uk, de, ...) is matched word for word against every language's terms.
 */
import { z } from 'zod';
import { ANALYSIS_LANGUAGES, type AnalysisLanguage } from './langid.ts';
import { normalizeText } from './normalize.ts';
import { stemsOf, type PreparedText } from './prepare.ts';
import { stem } from './stem.ts';
import { tokenize, words } from './tokenize.ts';

const TermList = z.array(z.string().trim().min(1).max(100)).max(500);

/** One theme of an organisation's dictionary (the JSON of `sarafan text themes --dictionary`). */
export const ThemeDefinitionSchema = z.object({
  id: z.string().regex(/^[a-z0-9_-]{1,64}$/, 'lower-case letters, digits, "_" or "-", at most 64'),
  names: z.object({ en: z.string().max(100).optional(), ru: z.string().max(100).optional(), fa: z.string().max(100).optional() }).default({}),
  terms: z.object({ en: TermList.optional(), ru: TermList.optional(), fa: TermList.optional() }),
});
export type ThemeDefinition = z.infer<typeof ThemeDefinitionSchema>;

export const ThemeDictionarySchema = z
  .array(ThemeDefinitionSchema)
  .max(500)
  .refine((themes) => new Set(themes.map((t) => t.id)).size === themes.length, 'theme ids must be unique');

interface CompiledTerm {
  themeId: string;
  stems: string[];
}

/** A dictionary ready for matching: per language, terms indexed by their first stem. */
export interface CompiledThemes {
  ids: string[];
  byLanguage: Record<AnalysisLanguage, Map<string, CompiledTerm[]>>;
  /** Every language's terms together, unstemmed (texts in other languages). */
  all: Map<string, CompiledTerm[]>;
}

function addTerm(index: Map<string, CompiledTerm[]>, term: CompiledTerm): void {
  const list = index.get(term.stems[0]!);
  if (list) list.push(term);
  else index.set(term.stems[0]!, [term]);
}

/** Stems every term of the dictionary in its own language. */
export function compileThemes(themes: readonly ThemeDefinition[]): CompiledThemes {
  const byLanguage = { ru: new Map(), fa: new Map(), en: new Map() } as Record<AnalysisLanguage, Map<string, CompiledTerm[]>>;
  const all = new Map<string, CompiledTerm[]>();
  for (const theme of themes) {
    for (const lang of ANALYSIS_LANGUAGES) {
      for (const term of theme.terms[lang] ?? []) {
        const termWords = words(tokenize(normalizeText(term)));
        if (termWords.length === 0) continue;
        addTerm(byLanguage[lang], { themeId: theme.id, stems: termWords.map((w) => stem(w, lang)) });
        addTerm(all, { themeId: theme.id, stems: termWords });
      }
    }
  }
  return { ids: themes.map((t) => t.id), byLanguage, all };
}

export interface ThemeMatch {
  id: string;
  /** The matched terms as stems (for highlighting and for checking why a theme was given). */
  terms: string[];
}

/** The themes of one prepared text, in dictionary order. */
export function matchThemes(prepared: PreparedText, themes: CompiledThemes): ThemeMatch[] {
  const index = prepared.analysisLang ? themes.byLanguage[prepared.analysisLang] : themes.all;
  const stems = stemsOf(prepared);
  const found = new Map<string, Set<string>>();
  stems.forEach((s, i) => {
    for (const term of index.get(s) ?? []) {
      if (term.stems.every((ts, j) => stems[i + j] === ts)) {
        let set = found.get(term.themeId);
        if (!set) found.set(term.themeId, (set = new Set()));
        set.add(term.stems.join(' '));
      }
    }
  });
  return themes.ids.filter((id) => found.has(id)).map((id) => ({ id, terms: [...found.get(id)!] }));
}
