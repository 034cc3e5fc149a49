/**
 * @module Analyses an organisation's new or changed comments (sentiment with the org's model or the
 * built-in lexicon, themes from its dictionary) in bounded batches, and stores them (comment_analysis).
 * Manual corrections are never touched (the SQL skips them). Imported reviews are analysed the same way
 * ({@link analyseText}, src/server/text/analyseReviews.ts).
 */
import type pg from 'pg';
import { classifySentiment, compileThemes, matchThemes, modelFromJson, prepareText, starterThemes, type SentimentClassifier } from '../../core/nlp/index.ts';
import type { CompiledThemes } from '../../core/nlp/themes.ts';
import { listCommentsToAnalyse, saveCommentAnalyses, type CommentAnalysisRow, type CommentToAnalyse } from '../../db/text/commentAnalysis.ts';
import { getTextModel } from '../../db/text/textModels.ts';
import { listOrgThemes, seedOrgThemes } from '../../db/text/orgThemes.ts';

/** Comments analysed per batch (one read, one write). */
export const ANALYSE_BATCH = 500;
/** Batches one run does at most; the job queues itself again when more remain. */
export const ANALYSE_MAX_BATCHES = 40;

/** The organisation's dictionary, seeded from the starter themes on first use. */
export async function orgThemes(pool: pg.Pool, orgId: string) {
  await seedOrgThemes(pool, orgId, starterThemes());
  return listOrgThemes(pool, orgId);
}

/** What analysing needs of an organisation: its model (null: lexicon mode) and compiled dictionary. */
export interface Analyser {
  model: SentimentClassifier | null;
  /** trained_at of the model as stored (marks the rows it analysed). */
  modelAt: string | null;
  themes: CompiledThemes;
}

export async function loadAnalyser(pool: pg.Pool, orgId: string): Promise<Analyser> {
  const stored = await getTextModel(pool, orgId);
  const model = stored ? modelFromJson(JSON.parse(stored.json)).model : null;
  return { model, modelAt: stored?.trainedAt ?? null, themes: compileThemes(await orgThemes(pool, orgId)) };
}

/** Sentiment of one text with the organisation's model, else the lexicon (comments and reviews alike). */
function textSentiment(analyser: Analyser, text: string, language?: string) {
  const prepared = prepareText(text, language);
  return { prepared, ...classifySentiment(prepared, analyser.model) };
}

/** Sentiment (with the model that gave it) and themes of one text: comments and reviews alike. */
export function analyseText(analyser: Analyser, text: string, language?: string) {
  const s = textSentiment(analyser, text, language);
  return {
    lang: s.lang,
    sentiment: s.sentiment,
    p: s.p,
    source: s.mode,
    themes: matchThemes(s.prepared, analyser.themes).map((m) => m.id),
    modelAt: s.mode === 'model' ? analyser.modelAt : null,
  };
}

/** Sentiment and themes of texts (pure given the analyser). */
export function analyseTexts(analyser: Analyser, items: CommentToAnalyse[]): CommentAnalysisRow[] {
  return items.map((c) => ({ responseId: c.responseId, questionId: c.questionId, text: c.text, ...analyseText(analyser, c.text, c.language) }));
}

/** Analyses pending comments batch by batch until none remain, `stop()` or the batch limit. */
export async function analyseOrgComments(pool: pg.Pool, orgId: string, opts: { stop?: () => boolean; batch?: number; maxBatches?: number; analyser?: Analyser } = {}) {
  const batch = opts.batch ?? ANALYSE_BATCH;
  const analyser = opts.analyser ?? (await loadAnalyser(pool, orgId));
  let analysed = 0;
  let batches = 0;
  for (;;) {
    if (opts.stop?.() || batches >= (opts.maxBatches ?? ANALYSE_MAX_BATCHES)) return { analysed, batches, more: true, mode: analyser.model ? 'model' : 'lexicon' };
    const items = await listCommentsToAnalyse(pool, orgId, batch);
    if (items.length === 0) return { analysed, batches, more: false, mode: analyser.model ? 'model' : 'lexicon' };
    analysed += await saveCommentAnalyses(pool, orgId, analyseTexts(analyser, items));
    batches++;
    if (items.length < batch) return { analysed, batches, more: false, mode: analyser.model ? 'model' : 'lexicon' };
  }
}
