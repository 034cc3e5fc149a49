/**
 * @module Multilingual text analytics (ru / fa / en), pure: the entry points the CLI, the benchmark and
 * (next) the comments view and review import call. docs/text.md describes the pipeline.
 */
export { normalizeText, dominantScript, type Script } from './normalize.ts';
export { tokenize, words, type Token, type TokenKind } from './tokenize.ts';
export { detectLanguage, analysisLanguage, ANALYSIS_LANGUAGES, type AnalysisLanguage, type LanguageGuess } from './langid.ts';
export { stem } from './stem.ts';
export { isStopword } from './stopwords.ts';
export { prepareText, stemsOf, type PreparedText } from './prepare.ts';
export { labelOfScore, parseLabelledTsv, SENTIMENT_LABELS, SCORE_SCALES, type SentimentLabel, type ScoreScale, type LabelledText, type TsvProblem } from './labels.ts';
export { classifySentiment, trainFromTexts, type SentimentResult, type TrainResult } from './sentiment.ts';
export { lexiconSentiment } from './lexicon.ts';
export { modelToJson, modelFromJson, ModelFormatError, type SentimentModelJson, type ModelQuality } from './modelFile.ts';
export type { SentimentModel, TrainOptions } from './sentimentModel.ts';
export { quality, type Quality } from './evaluate.ts';
export { keyPhrases, weightedLogOdds, type KeyPhrase, type KeyPhraseDoc, type KeyPhraseOptions } from './keyphrases.ts';
export { termFrequencies, type TermFrequency } from './frequencies.ts';
export { compileThemes, matchThemes, ThemeDictionarySchema, type ThemeDefinition, type CompiledThemes, type ThemeMatch } from './themes.ts';
export { starterThemes, STARTER_THEMES, INDUSTRIES, type Industry } from './starterThemes.ts';
export { gsdmm, suggestThemes, type SuggestedTheme, type GsdmmOptions } from './gsdmm.ts';
