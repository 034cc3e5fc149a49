/**
 * @module The theme suggestions API contract (docs/api.md "Comments: sentiment and themes"): suggested
 * themes of a survey's comments that match no theme, and accepting (with a name: renaming), merging
 * into an existing theme, or dismissing one.
 */
import { z } from 'zod';
import { CommentFilterSchema } from './comments.ts';
import { ThemeId } from './analytics.ts';
import { ANALYSIS_LANGUAGES } from '../nlp/languages.ts';
import type { ThemeSuggestion } from '../nlp/themeSuggestions.ts';

/** The comment filters without `theme`: suggestions come from the comments that have none. */
export const ThemeSuggestionsQuery = CommentFilterSchema.omit({ theme: true });

const Lang = z.enum(ANALYSIS_LANGUAGES);
const Terms = z.array(z.string().trim().min(1).max(100)).min(1, 'at least one word').max(50);

/** POST …/accept: a new theme named `name` (in every language until edited) whose `lang` terms are `terms`. */
export const AcceptSuggestionSchema = z.object({ name: z.string().trim().min(1).max(100), lang: Lang, terms: Terms }).strict();
/** POST …/merge: `terms` (words of language `lang`) are added to theme `into`. */
export const MergeSuggestionSchema = z.object({ into: ThemeId, lang: Lang, terms: Terms }).strict();
/** POST …/dismiss: the suggestion's key (`lang:stem stem stem`); similar suggestions stay hidden. */
export const DismissSuggestionSchema = z.object({ key: z.string().max(400).regex(new RegExp(`^(${ANALYSIS_LANGUAGES.join('|')}):\\S+( \\S+){0,2}$`, 'u'), 'a suggestion key') }).strict();

/** A suggested theme as the analysis found it (core/nlp/themeSuggestions.ts). */
export type ThemeSuggestionItem = ThemeSuggestion;

export interface ThemeSuggestionsAnswer {
  /** The newest comments without a theme read at most, how many were read, and whether older ones were left out. */
  limit: number;
  read: number;
  truncated: boolean;
  /** Of those read: how many match no theme now (ru / fa / en), and how many are in another language (not clustered). */
  unmatched: number;
  otherLanguage: number;
  /** Suggestions hidden because they were dismissed. */
  dismissed: number;
  suggestions: ThemeSuggestionItem[];
}
