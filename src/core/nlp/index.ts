/**
 * @module Multilingual text analytics (ru / fa / en), pure: the entry points the CLI and the benchmark
 * call, and the comments view and review import will (docs/text.md describes the pipeline). Smaller
 * pieces (normalizeText, tokenize, detectLanguage, stem, gsdmm, ...) are imported from their modules.
 */
export { prepareText } from './prepare.ts';
export { parseLabelledTsv, type SentimentLabel, type ScoreScale, type LabelledText } from './labels.ts';
export { classifySentiment, trainFromTexts, type SentimentClassifier } from './sentiment.ts';
export { modelToJson, modelFromJson } from './modelFile.ts';
export { quality } from './evaluate.ts';
export { keyPhrases } from './keyphrases.ts';
export { termFrequencies } from './frequencies.ts';
export { compileThemes, matchThemes, ThemeDictionarySchema, type ThemeDefinition } from './themes.ts';
export { starterThemes, type Industry } from './starterThemes.ts';
export { suggestThemes } from './gsdmm.ts';
