/**
 * The languages the text analysis knows (stemming, lexicon, stop-words, starter themes, theme terms,
 * suggestions). A module of its own, without the language identifier's n-gram data (langid.ts), so
 * the API contract and the dashboard can import the list.
 */
export const ANALYSIS_LANGUAGES = ['ru', 'fa', 'en'] as const;
export type AnalysisLanguage = (typeof ANALYSIS_LANGUAGES)[number];
