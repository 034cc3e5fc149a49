/**
 * @module Analysed comments (table comment_analysis, migration 092): what the analysis job reads and
 * writes, manual corrections, the training set, and the comments view's filtered reads (list, theme
 * counts per month and per location, texts for key phrases). Every read of a survey's comments
 * applies the dashboard filters and the caller's location scope (src/db/queries/analyticsSource.ts common).
 */
import type { Queryable } from '../connection.ts';
import { binder, commentFilterSql, common, localDayRangeSql, type SourceContext } from '../queries/analyticsSource.ts';
import type { AnalysedComment, CommentAnalysis, SentimentValue as Sentiment } from '../../core/api/comments.ts';
import { commentAnswerSql } from './commentAnswers.ts';

/** Only answers to open-text questions are comments (not dates, e-mails, phones). */
const COMMENT = commentAnswerSql();

/** A comment the job must analyse (new, text changed, older model or dictionary; never manual). */
export interface CommentToAnalyse {
  responseId: string;
  questionId: string;
  text: string;
  /** The response's language: the default for short texts. */
  language: string;
}

/**
 * Up to `limit` comments of the organisation whose analysis is missing or out of date: no row, or a
 * non-manual row whose text changed, whose model is not the current one (`model_at` vs text_models),
 * or that predates the last theme dictionary change.
 */
export async function listCommentsToAnalyse(db: Queryable, orgId: string, limit: number): Promise<CommentToAnalyse[]> {
  const { rows } = await db.query(
    `/* listCommentsToAnalyse */
     select a.response_id, a.question_id, a.text, a.language
       from answers a
       join orgs o on o.id = a.org_id
       left join text_models m on m.org_id = a.org_id
       left join comment_analysis c on c.org_id = a.org_id and c.response_id = a.response_id and c.question_id = a.question_id
      where a.org_id = $1 and a.text is not null and btrim(a.text) <> '' and ${COMMENT}
        and (c.response_id is null
             or (c.source <> 'manual'
                 and (c.text_md5 <> md5(a.text) or c.model_at is distinct from m.trained_at
                      or (o.text_themes_changed_at is not null and c.analysed_at < o.text_themes_changed_at))))
      limit $2`,
    [orgId, limit],
  );
  return rows.map((r) => ({ responseId: r.response_id, questionId: r.question_id, text: r.text, language: r.language }));
}

export interface CommentAnalysisRow {
  responseId: string;
  questionId: string;
  lang: string;
  sentiment: Sentiment;
  p: number;
  source: 'model' | 'lexicon';
  themes: string[];
  /** The text analysed (its md5 is stored). */
  text: string;
  /** trained_at of the model used; null for the lexicon. */
  modelAt: string | null;
}

/** Stores analyses (one statement); a manual row is never overwritten. Returns the rows written. */
export async function saveCommentAnalyses(db: Queryable, orgId: string, rows: CommentAnalysisRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const { rowCount } = await db.query(
    `/* saveCommentAnalyses */
     insert into comment_analysis as c (org_id, response_id, question_id, lang, sentiment, p, source, themes, text_md5, model_at, analysed_at)
     select $1, x.response_id, x.question_id, x.lang, x.sentiment, x.p, x.source,
            coalesce((select array_agg(t) from jsonb_array_elements_text(x.themes) t), '{}'), md5(x.text), x.model_at, now()
       from jsonb_to_recordset($2::jsonb) as x(response_id uuid, question_id uuid, lang text, sentiment text, p real, source text, themes jsonb, text text, model_at timestamptz)
     on conflict (org_id, response_id, question_id) do update
        set lang = excluded.lang, sentiment = excluded.sentiment, p = excluded.p, source = excluded.source,
            themes = excluded.themes, text_md5 = excluded.text_md5, model_at = excluded.model_at, analysed_at = now()
      where c.source <> 'manual'`,
    [
      orgId,
      JSON.stringify(rows.map((r) => ({
        response_id: r.responseId, question_id: r.questionId, lang: r.lang, sentiment: r.sentiment, p: r.p,
        source: r.source, themes: r.themes, text: r.text, model_at: r.modelAt,
      }))),
    ],
  );
  return rowCount ?? 0;
}

/** The current analysis of one comment. */
type StoredAnalysis = CommentAnalysis;

/**
 * Stores a person's correction as source 'manual' (p = 1). Fields not given keep their analysed value
 * (or neutral / no themes for a comment not analysed yet). Returns null when the organisation has no
 * such comment (answer with text) in a location the caller may see (`scopeSql` built by the caller's scope).
 */
export async function correctComment(
  db: Queryable,
  ctx: SourceContext,
  key: { responseId: string; questionId: string },
  change: { sentiment?: Sentiment; themes?: string[]; userId: string | null },
): Promise<StoredAnalysis | null> {
  const values: unknown[] = [];
  const p = binder(values);
  const where = [`a.org_id = ${p(ctx.scope.orgId)}`, `a.response_id = ${p(key.responseId)}::uuid`, `a.question_id = ${p(key.questionId)}::uuid`, `a.text is not null`, COMMENT];
  where.push(...common('a', { ...ctx, filter: {} }, p, values));
  const sentiment = p(change.sentiment ?? null);
  const themes = p(change.themes ?? null);
  const user = p(change.userId);
  const { rows } = await db.query(
    `/* correctComment */
     insert into comment_analysis as c (org_id, response_id, question_id, lang, sentiment, p, source, themes, text_md5, model_at, analysed_at, corrected_by)
     select a.org_id, a.response_id, a.question_id, coalesce(old.lang, a.language),
            coalesce(${sentiment}::text, old.sentiment, 'neutral'), 1, 'manual',
            coalesce(${themes}::text[], old.themes, '{}'), md5(a.text), null, now(), ${user}::uuid
       from answers a
       left join comment_analysis old on old.org_id = a.org_id and old.response_id = a.response_id and old.question_id = a.question_id
      where ${where.join(' and ')}
     on conflict (org_id, response_id, question_id) do update
        set sentiment = excluded.sentiment, p = 1, source = 'manual', themes = excluded.themes,
            model_at = null, analysed_at = now(), corrected_by = excluded.corrected_by
     returning lang, sentiment, p, source, themes`,
    values,
  );
  const r = rows[0];
  return r ? { lang: r.lang, sentiment: r.sentiment, p: r.p, source: r.source, themes: r.themes } : null;
}

/** A comment with what labels it: a manual sentiment, or the score of its response's NPS / 1-5 CSAT question. */
export interface LabelSourceRow {
  text: string;
  language: string;
  manual: Sentiment | null;
  score: number | null;
  scale: 'nps' | 'csat5' | null;
}

/**
 * Text analytics leave staff surveys out (docs/staff.md "Employee surveys and anonymity"): their comments are never
 * listed, counted per theme or used as training data, only shown through the anonymity rule of src/core/staff.
 */
const NOT_STAFF = `not exists (select 1 from surveys sv where sv.org_id = a.org_id and sv.id = a.survey_id and sv.audience = 'staff')`;

/**
 * Training material of the organisation: every non-excluded comment with a manual sentiment or with a
 * score in the same response (the NPS question first, else a 1-5 CSAT question), newest first.
 */
export async function listLabelSources(db: Queryable, orgId: string, limit: number): Promise<LabelSourceRow[]> {
  const { rows } = await db.query(
    `/* listLabelSources */
     select a.text, a.language, case when c.source = 'manual' then c.sentiment end as manual, s.score, s.scale
       from answers a
       left join comment_analysis c on c.org_id = a.org_id and c.response_id = a.response_id and c.question_id = a.question_id
       left join lateral (
         select m.score, case when q.metric = 'nps' then 'nps' else 'csat5' end as scale
           from answers m join questions q on q.org_id = m.org_id and q.id = m.question_id
          where m.org_id = a.org_id and m.response_id = a.response_id and m.score is not null
            and (q.metric = 'nps' or (q.metric = 'csat' and q.scale_min = 1 and q.scale_max = 5))
          order by (q.metric = 'nps') desc, q.position
          limit 1) s on true
      where a.org_id = $1 and a.text is not null and btrim(a.text) <> '' and ${COMMENT} and not a.excluded and ${NOT_STAFF}
        and (c.source = 'manual' or s.score is not null)
      order by a.submitted_at desc
      limit $2`,
    [orgId, limit],
  );
  return rows.map((r) => ({ text: r.text, language: r.language, manual: r.manual, score: r.score, scale: r.scale }));
}

/** Organisations with a comment never analysed (the sweep queues their analysis). */
export async function listOrgsWithUnanalysedComments(db: Queryable): Promise<string[]> {
  const { rows } = await db.query(
    `/* listOrgsWithUnanalysedComments */
     select o.id from orgs o
      where exists (select 1 from answers a
                     where a.org_id = o.id and a.text is not null and btrim(a.text) <> '' and ${COMMENT}
                       and not exists (select 1 from comment_analysis c where c.org_id = a.org_id and c.response_id = a.response_id and c.question_id = a.question_id))`,
  );
  return rows.map((r) => r.id);
}

/** Organisations with at least one comment (the sweep checks whether their training is due). */
export async function listOrgsWithComments(db: Queryable): Promise<string[]> {
  const { rows } = await db.query(
    `/* listOrgsWithComments */
     select o.id from orgs o where exists (select 1 from answers a where a.org_id = o.id and a.text is not null and btrim(a.text) <> '' and ${COMMENT})`,
  );
  return rows.map((r) => r.id);
}

/** Filters of the comments view on top of the dashboard filters. */
export interface CommentFilter {
  surveyId: string;
  /** Question whose score filters and is shown (the main scored question); null: none. */
  mainQuestionId: string | null;
  q?: string;
  /** The comment carries one of these themes. */
  themes?: readonly string[];
  /** The comment has one of these sentiments. */
  sentiments?: readonly Sentiment[];
  /** Detected language of the comment (not the response's interface language). */
  lang?: string;
  scoreMin?: number;
  scoreMax?: number;
  /** Only comments without a theme (none analysed yet, or none found). */
  unthemed?: boolean;
}

/** FROM + WHERE over answers `a`, analysis `c` (left) and main score `m` (left) for a survey's comments in the filters and scope. */
function commentsFromWhere(ctx: SourceContext, f: CommentFilter, values: unknown[]): string {
  const p = binder(values);
  const where = [`a.org_id = ${p(ctx.scope.orgId)}`, `a.survey_id = ${p(f.surveyId)}::uuid`, `a.text is not null`, `btrim(a.text) <> ''`, COMMENT, NOT_STAFF];
  if (!ctx.filter.includeExcluded) where.push('not a.excluded');
  where.push(...localDayRangeSql('a.submitted_at', ctx.filter, ctx.timezone, p));
  where.push(...common('a', ctx, p, values));
  if (ctx.filter.dim) {
    where.push(`exists (select 1 from responses r where r.org_id = a.org_id and r.id = a.response_id and r.hidden ->> ${p(ctx.filter.dim.key)} = ${p(ctx.filter.dim.value)})`);
  }
  where.push(...commentFilterSql(ctx, 'a.response_id', p));
  // ILIKE with the wildcards of the search escaped: the search is literal text.
  if (f.q) where.push(`a.text ilike ${p(`%${f.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`)}`);
  if (f.themes?.length) where.push(`c.themes && ${p(f.themes)}::text[]`);
  if (f.unthemed) where.push(`coalesce(cardinality(c.themes), 0) = 0`);
  if (f.sentiments?.length) where.push(`c.sentiment = any(${p(f.sentiments)}::text[])`);
  if (f.lang) where.push(`c.lang = ${p(f.lang)}`);
  if (f.scoreMin !== undefined) where.push(`m.score >= ${p(f.scoreMin)}`);
  if (f.scoreMax !== undefined) where.push(`m.score <= ${p(f.scoreMax)}`);
  const mainQ = p(f.mainQuestionId);
  return `from answers a
       left join comment_analysis c on c.org_id = a.org_id and c.response_id = a.response_id and c.question_id = a.question_id
       left join answers m on m.org_id = a.org_id and m.response_id = a.response_id and m.question_id = ${mainQ}::uuid
      where ${where.join(' and ')}`;
}


/** A page of a survey's comments (newest first) with their analysis. */
export async function listAnalysedComments(db: Queryable, ctx: SourceContext, f: CommentFilter, page: { limit: number; offset: number }): Promise<{ rows: AnalysedComment[]; total: number }> {
  const values: unknown[] = [];
  const fromWhere = commentsFromWhere(ctx, f, values);
  const p = binder(values);
  const { rows } = await db.query(
    `/* listAnalysedComments */
     select a.response_id, a.question_id, q.key as question_key, a.text, m.score, a.location_id, l.name as location_name, a.language,
            to_char(a.submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as submitted_at_iso,
            c.lang, c.sentiment, c.p, c.source, c.themes, count(*) over () as total
       ${fromWhere.replace('where', `left join locations l on l.org_id = a.org_id and l.id = a.location_id
       join questions q on q.org_id = a.org_id and q.id = a.question_id
      where`)}
      order by a.submitted_at desc, a.response_id, q.key
      limit ${p(page.limit)} offset ${p(page.offset)}`,
    values,
  );
  return {
    total: rows.length ? Number(rows[0].total) : 0,
    rows: rows.map((r) => ({
      responseId: r.response_id,
      questionId: r.question_id,
      questionKey: r.question_key,
      text: r.text,
      score: r.score,
      submittedAt: r.submitted_at_iso,
      locationId: r.location_id,
      locationName: r.location_name,
      language: r.language,
      analysis: r.sentiment ? { lang: r.lang, sentiment: r.sentiment, p: r.p, source: r.source, themes: r.themes } : null,
    })),
  };
}

/** With a theme filter, theme counts keep those themes' rows only (not the other themes of their comments). */
function onlyTheme(f: CommentFilter, values: unknown[]): string {
  return f.themes?.length ? `and t.theme = any(${binder(values)(f.themes)}::text[])` : '';
}

/** Comments per theme and org-local month (first day, YYYY-MM-DD), with how many of them are negative. */
export async function countThemesByMonth(db: Queryable, ctx: SourceContext, f: CommentFilter): Promise<Array<{ month: string; theme: string; n: number; negative: number }>> {
  const values: unknown[] = [];
  const fromWhere = commentsFromWhere(ctx, f, values);
  const tz = binder(values)(ctx.timezone);
  const { rows } = await db.query(
    `/* countThemesByMonth */
     select to_char(date_trunc('month', a.submitted_at at time zone ${tz}), 'YYYY-MM-DD') as month, t.theme,
            count(*)::int as n, count(*) filter (where c.sentiment = 'negative')::int as negative
       ${fromWhere.replace('where', 'cross join lateral unnest(c.themes) as t(theme)\n      where')} ${onlyTheme(f, values)}
      group by 1, 2 order by 1, 2`,
    values,
  );
  return rows;
}

/** Comments per theme and location (null: none), with how many of them are negative. */
export async function countThemesByLocation(db: Queryable, ctx: SourceContext, f: CommentFilter): Promise<Array<{ locationId: string | null; locationName: string | null; theme: string; n: number; negative: number }>> {
  const values: unknown[] = [];
  const fromWhere = commentsFromWhere(ctx, f, values);
  const { rows } = await db.query(
    `/* countThemesByLocation */
     select a.location_id, l.name as location_name, t.theme, count(*)::int as n, count(*) filter (where c.sentiment = 'negative')::int as negative
       ${fromWhere.replace('where', `cross join lateral unnest(c.themes) as t(theme)
       left join locations l on l.org_id = a.org_id and l.id = a.location_id
      where`)} ${onlyTheme(f, values)}
      group by 1, 2, 3 order by 2 nulls last, 3`,
    values,
  );
  return rows.map((r) => ({ locationId: r.location_id, locationName: r.location_name, theme: r.theme, n: r.n, negative: r.negative }));
}

/** Texts of a survey's comments in the filters (newest first, ties in a fixed order; at most `limit`) with their main score and sentiment, for key phrases and theme suggestions. */
export async function listCommentTexts(db: Queryable, ctx: SourceContext, f: CommentFilter, limit: number): Promise<Array<{ text: string; language: string; score: number | null; sentiment: Sentiment | null }>> {
  const values: unknown[] = [];
  const fromWhere = commentsFromWhere(ctx, f, values);
  const lim = binder(values)(limit);
  const { rows } = await db.query(
    `/* listCommentTexts */
     select a.text, a.language, m.score, c.sentiment
       ${fromWhere}
      order by a.submitted_at desc, a.response_id, a.question_id
      limit ${lim}`,
    values,
  );
  return rows;
}

/** How many comments of the organisation could be training data (a manual sentiment or a score beside them), counting at most `cap`. */
export async function countLabelSources(db: Queryable, orgId: string, cap: number): Promise<number> {
  const { rows } = await db.query(
    `/* countLabelSources */
     select count(*)::int as n from (
       select 1 from answers a
         left join comment_analysis c on c.org_id = a.org_id and c.response_id = a.response_id and c.question_id = a.question_id
        where a.org_id = $1 and a.text is not null and btrim(a.text) <> '' and ${COMMENT} and not a.excluded and ${NOT_STAFF}
          and (c.source = 'manual' or exists (
                select 1 from answers m join questions q on q.org_id = m.org_id and q.id = m.question_id
                 where m.org_id = a.org_id and m.response_id = a.response_id and m.score is not null
                   and (q.metric = 'nps' or (q.metric = 'csat' and q.scale_min = 1 and q.scale_max = 5))))
        limit $2) x`,
    [orgId, cap],
  );
  return rows[0].n;
}
