/**
 * Writes of a survey definition: the survey row and its question rows. Callers run these inside one
 * transaction together with the audit-log row (src/server/surveys/commands).
 */
import type { AuditAction } from '../../core/audit/actions.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import type { Queryable } from '../connection.ts';
import { DomainError } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import type { RevisedQuestion } from '../../core/surveys/revision.ts';
import type { SurveyAudience, SurveyDef } from '../../core/surveys/types.ts';
import type { Quota } from '../../core/surveys/quotas.ts';

/** The survey-level fields stored in `surveys`. */
export type SurveyFields = Pick<SurveyDef, 'slug' | 'name' | 'title' | 'intro' | 'thanks' | 'languages' | 'defaultLanguage' | 'template'> & {
  audience: SurveyAudience;
  responseLimit: number | null;
  quotas: Quota[];
  countPartial: boolean;
  opensAt: string | null;
  closesAt: string | null;
  closedRedirectSlug: string | null;
  randomGroups: string[][];
};

type KeptWhenAbsent = 'responseLimit' | 'quotas' | 'opensAt' | 'closesAt' | 'closedRedirectSlug' | 'randomGroups' | 'countPartial';

/** The stored fields of a definition; slug and template are decided by the caller (generated, kept). */
export function surveyFields(
  input: Pick<SurveyDef, 'name' | 'title' | 'intro' | 'thanks' | 'languages' | 'defaultLanguage' | KeptWhenAbsent>,
  slug: string,
  template: string | null,
  audience: SurveyAudience,
  stored?: Pick<SurveyDef, KeptWhenAbsent>,
): SurveyFields {
  const { name, title, intro, thanks, languages, defaultLanguage } = input;
  // Absent in an update: kept as stored (a client that does not know the field does not clear it); null or [] clears.
  const kept = <K extends KeptWhenAbsent>(k: K) => (input[k] !== undefined ? input[k] : stored?.[k]);
  return {
    slug, name, title, intro, thanks, languages, defaultLanguage, template, audience,
    responseLimit: kept('responseLimit') ?? null,
    quotas: kept('quotas') ?? [],
    opensAt: kept('opensAt') ?? null,
    closesAt: kept('closesAt') ?? null,
    closedRedirectSlug: kept('closedRedirectSlug') ?? null,
    randomGroups: kept('randomGroups') ?? [],
    countPartial: kept('countPartial') ?? false,
  };
}

/** The id of the organisation's survey (not archived) at `slug`, or null. */
export async function orgSurveyIdBySlug(db: Queryable, orgId: string, slug: string): Promise<string | null> {
  const { rows } = await db.query(`/* orgSurveyIdBySlug */ select id from surveys where org_id = $1 and slug = $2 and archived_at is null`, [orgId, slug]);
  return rows[0]?.id ?? null;
}

/** Turns the unique-slug violation into a 409 the builder can show next to the slug field. */
function slugConflict(err: unknown, slug: string): never {
  const e = err as { code?: string; constraint?: string };
  if (e.code === '23505' && e.constraint === 'surveys_slug_key') {
    throw new DomainError('conflict', `slug: "${slug}" is already used by another survey`, { field: 'slug' });
  }
  throw err;
}

/** Inserts a draft survey and returns its id. @throws DomainError('conflict') when the slug is taken. */
export async function insertSurvey(db: Queryable, orgId: string, actorId: string, s: SurveyFields): Promise<string> {
  try {
    const { rows } = await db.query(
      `/* insertSurvey */ insert into surveys(org_id, slug, name, title, intro, thanks, languages, default_language, template, created_by, audience,
                                      response_limit, quotas, opens_at, closes_at, closed_redirect_slug, random_groups, count_partial)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14, $15, $16, $17::jsonb, $18) returning id`,
      [orgId, s.slug, s.name, s.title, s.intro, s.thanks, s.languages, s.defaultLanguage, s.template, actorId, s.audience,
       s.responseLimit, JSON.stringify(s.quotas), s.opensAt, s.closesAt, s.closedRedirectSlug, JSON.stringify(s.randomGroups), s.countPartial],
    );
    return rows[0].id as string;
  } catch (err) {
    return slugConflict(err, s.slug);
  }
}

/** Updates the survey-level fields and the version. @throws DomainError('conflict') when the slug is taken. */
export async function updateSurvey(db: Queryable, orgId: string, surveyId: string, s: SurveyFields, version: number): Promise<void> {
  try {
    await db.query(
      `/* updateSurvey */ update surveys set slug = $3, name = $4, title = $5, intro = $6, thanks = $7, languages = $8,
              default_language = $9, version = $10, audience = $11, response_limit = $12, quotas = $13::jsonb,
              opens_at = $14, closes_at = $15, closed_redirect_slug = $16, random_groups = $17::jsonb, count_partial = $18, updated_at = now()
        where org_id = $1 and id = $2`,
      [orgId, surveyId, s.slug, s.name, s.title, s.intro, s.thanks, s.languages, s.defaultLanguage, version, s.audience,
       s.responseLimit, JSON.stringify(s.quotas), s.opensAt, s.closesAt, s.closedRedirectSlug, JSON.stringify(s.randomGroups), s.countPartial],
    );
  } catch (err) {
    slugConflict(err, s.slug);
  }
}

/** Writes the planned question rows: updates existing ids, inserts new ones, deletes `deleteIds`. */
export async function writeQuestions(
  db: Queryable,
  orgId: string,
  surveyId: string,
  questions: RevisedQuestion[],
  deleteIds: string[],
): Promise<void> {
  if (deleteIds.length) {
    await db.query(`/* deleteQuestions */ delete from questions where org_id = $1 and survey_id = $2 and id = any($3::uuid[])`, [
      orgId,
      surveyId,
      deleteIds,
    ]);
  }
  // Rows are matched by key, so an id keeps its key and the (survey, key) unique index never trips here.
  for (const q of questions) {
    const values = [
      q.key, q.position, q.type, q.metric, q.required, q.text, q.scale?.min ?? null, q.scale?.max ?? null,
      q.scale ? q.scale.style : null, q.scale?.labels ?? {}, q.boxMin ?? null, q.direction ?? null, q.attribute ?? null,
      JSON.stringify(q.options ?? []), q.followsQuestionKey ?? null, q.whyTexts ?? {}, q.showIf ? JSON.stringify(q.showIf) : null,
      q.addedInVersion, q.archivedInVersion, q.staffRole ?? null, q.randomizeOptions ?? false, q.jumps?.length ? JSON.stringify(q.jumps) : null, q.range ? JSON.stringify(q.range) : null,
      q.matrix ? JSON.stringify(q.matrix) : null,
    ];
    if (q.id) {
      await db.query(
        `/* updateQuestion */ update questions set key = $3, position = $4, type = $5, metric = $6, required = $7, text = $8,
                scale_min = $9, scale_max = $10, scale_style = $11, scale_labels = $12, box_min = $13, direction = $14,
                attribute = $15, options = $16::jsonb, follows_question_key = $17, why_texts = $18, show_if = $19::jsonb,
                added_in_version = $20, archived_in_version = $21, staff_role = $22, randomize_options = $23, jumps = $24::jsonb,
                number_range = $25::jsonb, matrix = $26::jsonb
          where org_id = $1 and survey_id = $2 and id = $27`,
        [orgId, surveyId, ...values, q.id],
      );
    } else {
      await db.query(
        `/* insertQuestion */ insert into questions(org_id, survey_id, key, position, type, metric, required, text, scale_min, scale_max,
                scale_style, scale_labels, box_min, direction, attribute, options, follows_question_key, why_texts, show_if,
                added_in_version, archived_in_version, staff_role, randomize_options, jumps, number_range, matrix)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::jsonb, $17, $18, $19::jsonb, $20, $21, $22, $23, $24::jsonb,
                 $25::jsonb, $26::jsonb)`,
        [orgId, surveyId, ...values],
      );
    }
  }
}

/** Sets the status; returns false when the survey does not exist in the organisation. */
export async function setSurveyStatusRow(db: Queryable, orgId: string, surveyId: string, status: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `/* setSurveyStatus */ update surveys set status = $3, updated_at = now() where org_id = $1 and id = $2`,
    [orgId, surveyId, status],
  );
  return (rowCount ?? 0) > 0;
}

/** True when at least one response (excluded ones too) exists: from then on edits follow the live rules. */
export async function surveyHasResponses(db: Queryable, orgId: string, surveyId: string): Promise<boolean> {
  const { rows } = await db.query(
    `/* surveyHasResponses */ select exists(select 1 from responses where org_id = $1 and survey_id = $2) as has`,
    [orgId, surveyId],
  );
  return rows[0].has as boolean;
}

/** Appends one audit-log row in the caller's transaction (src/db/audit/recordAuditEvent.ts). */
export async function auditSurvey(db: Queryable, orgId: string, actorId: string, action: AuditAction, surveyId: string, detail: object): Promise<void> {
  await recordAuditEvent(db, { orgId, actorId, action, targetType: 'survey', targetId: surveyId, details: detail as Record<string, unknown> });
}

/** Locks the survey row for the rest of the transaction so two concurrent edits cannot both bump the version. */
export async function lockSurvey(db: Queryable, orgId: string, surveyId: string): Promise<boolean> {
  if (!isUuid(surveyId)) return false;
  const { rows } = await db.query(`/* lockSurvey */ select 1 from surveys where org_id = $1 and id = $2 for update`, [orgId, surveyId]);
  return rows.length > 0;
}
