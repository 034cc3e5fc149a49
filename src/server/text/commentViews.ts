/**
 * @module The comments view's answers (docs/comments.md): analysed comments with filters, key phrases of
 * detractors vs promoters, theme counts per month and per location. The caller passes the scoped
 * source context (src/server/analytics/request.ts), so a location manager sees only their locations.
 */
import type pg from 'pg';
import type { CommentFilterQuery, KeyPhrasesAnswer, KeyPhraseItem, TextCommentsAnswer } from '../../core/api/comments.ts';
import { isNpsQuestion, scoredQuestion } from '../../core/analytics/metrics.ts';
import { keyPhrases, prepareText } from '../../core/nlp/index.ts';
import type { KeyPhrase, KeyPhraseDoc } from '../../core/nlp/keyphrases.ts';
import { NPS_GROUP_RANGES } from '../../core/stats/nps.ts';
import type { SourceContext } from '../../db/queries/analyticsSource.ts';
import type { LoadedSurvey } from '../../db/surveys/loadSurvey.ts';
import { listAnalysedComments, listCommentTexts, type CommentFilter } from '../../db/text/commentAnalysis.ts';

/** The db filter of a request: the survey, its main scored question, and the comment filters. */
export function commentFilter(survey: LoadedSurvey, q: CommentFilterQuery): CommentFilter {
  const main = scoredQuestion(survey, undefined);
  return { surveyId: survey.id, mainQuestionId: main?.id ?? null, q: q.q, themes: q.theme, sentiments: q.sentiment, lang: q.lang, scoreMin: q.scoreMin, scoreMax: q.scoreMax };
}

export async function getTextComments(pool: pg.Pool, ctx: SourceContext, survey: LoadedSurvey, q: CommentFilterQuery & { limit: number; offset: number }): Promise<TextCommentsAnswer> {
  const f = commentFilter(survey, q);
  const { rows, total } = await listAnalysedComments(pool, ctx, f, { limit: q.limit, offset: q.offset });
  return { mainQuestionId: f.mainQuestionId, total, comments: rows };
}

/** Texts read per group for key phrases (the newest). */
export const KEYPHRASE_TEXTS = 5000;

/**
 * What detractors say more than promoters and the reverse (weighted log-odds, src/core/nlp/keyphrases.ts).
 * Groups: NPS 0-6 vs 9-10 when the survey has an NPS question, else negative vs positive sentiment.
 */
export async function getKeyPhrases(pool: pg.Pool, ctx: SourceContext, survey: LoadedSurvey, q: CommentFilterQuery): Promise<KeyPhrasesAnswer> {
  const f = commentFilter(survey, q);
  const main = scoredQuestion(survey, undefined);
  const nps = !!main && isNpsQuestion(main);
  const read = (group: 'detractor' | 'promoter') =>
    nps
      ? listCommentTexts(pool, ctx, { ...f, scoreMin: Math.max(f.scoreMin ?? 0, NPS_GROUP_RANGES[group][0]), scoreMax: Math.min(f.scoreMax ?? 10, NPS_GROUP_RANGES[group][1]) }, KEYPHRASE_TEXTS)
      : listCommentTexts(pool, ctx, { ...f, sentiments: [group === 'detractor' ? 'negative' : 'positive'] }, KEYPHRASE_TEXTS);
  const [a, b] = await Promise.all([read('detractor'), read('promoter')]);
  const result = comparePhrases(a, b);
  return { groupedBy: nps ? 'nps' : 'sentiment', detractors: { n: a.length, phrases: result.a }, promoters: { n: b.length, phrases: result.b } };
}

/** Key phrases of texts of group A against group B and the reverse, as the API answers them (comments and reviews). */
export function comparePhrases(a: ReadonlyArray<{ text: string; language: string | null }>, b: ReadonlyArray<{ text: string; language: string | null }>): { a: KeyPhraseItem[]; b: KeyPhraseItem[] } {
  const docs = (rows: ReadonlyArray<{ text: string; language: string | null }>): KeyPhraseDoc[] => rows.map((r) => ({ text: r.text, prepared: prepareText(r.text, r.language ?? undefined) }));
  const result = keyPhrases(docs(a), docs(b));
  const item = (k: KeyPhrase): KeyPhraseItem => ({ phrase: k.phrase, count: k.count, otherCount: k.otherCount, z: k.z, examples: k.examples });
  return { a: result.a.map(item), b: result.b.map(item) };
}
