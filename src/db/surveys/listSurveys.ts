/** The survey list with per-survey response counts, in one aggregate query (no query per survey). */
import type { Queryable } from '../connection.ts';
import type { Scope } from '../../core/access/index.ts';
import type { LocalizedText, SurveyAudience, SurveyStatus } from '../../core/surveys/types.ts';
import { locationScopeSql } from '../scope.ts';

export interface SurveyListRow {
  id: string;
  slug: string;
  name: string;
  title: LocalizedText;
  status: SurveyStatus;
  audience: SurveyAudience;
  languages: string[];
  defaultLanguage: string;
  questionCount: number;
  responseCount: number;
  lastResponseAt: Date | null;
  /** Set while the survey is archived (hidden from lists by default). */
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * Lists the organisation's surveys, newest first: the current ones, or the archived ones. Response counts
 * include only responses inside the caller's location scope and leave out excluded ones (they are not
 * part of any metric).
 */
export async function listSurveys(db: Queryable, scope: Scope, opts: { archived?: boolean } = {}): Promise<SurveyListRow[]> {
  const params: unknown[] = [scope.orgId, opts.archived ?? false];
  const inScope = locationScopeSql(scope, 'r.location_id', params);
  const { rows } = await db.query(
    `/* listSurveys */
     with counts as (
       select r.survey_id, count(*)::int as n, max(r.submitted_at) as last_at
         from responses r
        where r.org_id = $1 and not r.excluded and ${inScope}
        group by r.survey_id
     ), questions_active as (
       select q.survey_id, count(*)::int as n
         from questions q
        where q.org_id = $1 and q.archived_in_version is null
        group by q.survey_id
     )
     select s.id, s.slug, s.name, s.title, s.status, s.audience, s.languages, s.default_language, s.created_at, s.updated_at, s.archived_at,
            coalesce(qa.n, 0) as question_count, coalesce(c.n, 0) as response_count, c.last_at
       from surveys s
       left join counts c on c.survey_id = s.id
       left join questions_active qa on qa.survey_id = s.id
      where s.org_id = $1 and (s.archived_at is not null) = $2
      order by s.created_at desc, s.id`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    title: r.title,
    status: r.status,
    audience: r.audience,
    languages: r.languages,
    defaultLanguage: r.default_language,
    questionCount: r.question_count,
    responseCount: r.response_count,
    lastResponseAt: r.last_at,
    archivedAt: r.archived_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}
