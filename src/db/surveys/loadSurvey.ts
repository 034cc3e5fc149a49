/** Loads a survey with its questions as a SurveyDef. Callers pass the org (API) or the public slug (respondent pages). */
import type { Queryable } from '../connection.ts';
import type { QuestionDef, SurveyDef } from '../../core/surveys/types.ts';
import { isUuid } from '../../core/ids.ts';
import { LOGO_VERSION_SQL, type Branding } from '../org/branding.ts';

const SURVEY_COLUMNS = `id, org_id, slug, name, title, intro, thanks, languages, default_language, status, template, version, audience, response_limit, quotas,
  count_partial, opens_at, closes_at, closed_redirect_slug, random_groups`;

export interface LoadedSurvey extends SurveyDef {
  orgId: string;
  /** The organisation's name and branding: loaded with public pages (by slug) only. */
  branding?: Branding & { orgName: string };
  /** The organisation's time zone (IANA): loaded with public pages (by slug) only; dates on the page are in it. */
  orgTimeZone?: string;
}

function toQuestion(r: Record<string, any>): QuestionDef {
  const q: QuestionDef = {
    id: r.id,
    key: r.key,
    type: r.type,
    metric: r.metric,
    required: r.required,
    text: r.text,
    addedInVersion: r.added_in_version,
    archivedInVersion: r.archived_in_version,
    showIf: r.show_if ?? null,
  };
  if (r.scale_min !== null && r.scale_max !== null) {
    q.scale = { min: r.scale_min, max: r.scale_max, style: r.scale_style ?? 'numbers', labels: r.scale_labels ?? {} };
  }
  if (r.box_min !== null) q.boxMin = r.box_min;
  if (r.direction) q.direction = r.direction;
  if (r.attribute) q.attribute = r.attribute;
  if (r.staff_role) q.staffRole = r.staff_role;
  if (r.randomize_options) q.randomizeOptions = true;
  if (Array.isArray(r.jumps) && r.jumps.length) q.jumps = r.jumps;
  if (Array.isArray(r.options) && r.options.length) q.options = r.options;
  if (r.number_range) q.range = r.number_range;
  if (r.matrix) q.matrix = r.matrix;
  if (r.follows_question_key) {
    q.followsQuestionKey = r.follows_question_key;
    q.whyTexts = r.why_texts ?? {};
  }
  return q;
}

async function withQuestions(db: Queryable, row: Record<string, any> | undefined): Promise<LoadedSurvey | null> {
  if (!row) return null;
  const { rows } = await db.query(`select * from questions where org_id = $1 and survey_id = $2 order by position, key`, [row.org_id, row.id]);
  return {
    id: row.id,
    orgId: row.org_id,
    slug: row.slug,
    name: row.name,
    title: row.title,
    intro: row.intro,
    thanks: row.thanks,
    languages: row.languages,
    defaultLanguage: row.default_language,
    status: row.status,
    template: row.template,
    audience: row.audience,
    version: row.version,
    responseLimit: row.response_limit ?? null,
    quotas: row.quotas ?? [],
    countPartial: row.count_partial ?? false,
    opensAt: row.opens_at ? row.opens_at.toISOString() : null,
    closesAt: row.closes_at ? row.closes_at.toISOString() : null,
    closedRedirectSlug: row.closed_redirect_slug ?? null,
    randomGroups: row.random_groups ?? [],
    questions: rows.map(toQuestion),
    ...(row.org_name !== undefined
      ? { branding: { orgName: row.org_name, accentColor: row.accent_color ?? null, logoVersion: row.logo_version ?? null }, orgTimeZone: row.org_time_zone ?? 'UTC' }
      : {}),
  };
}

export async function loadSurvey(db: Queryable, orgId: string, surveyId: string): Promise<LoadedSurvey | null> {
  if (!isUuid(surveyId)) return null;
  const { rows } = await db.query(`select ${SURVEY_COLUMNS} from surveys where org_id = $1 and id = $2`, [orgId, surveyId]);
  return withQuestions(db, rows[0]);
}

export async function loadSurveyBySlug(db: Queryable, slug: string): Promise<LoadedSurvey | null> {
  const { rows } = await db.query(
    `select ${SURVEY_COLUMNS.split(/,\s*/).map((c) => `s.${c}`).join(', ')}, o.name as org_name, o.accent_color, o.timezone as org_time_zone,
            case when o.logo is null then null else ${LOGO_VERSION_SQL('o.logo_updated_at')} end as logo_version
       from surveys s join orgs o on o.id = s.org_id where s.slug = $1`,
    [slug],
  );
  return withQuestions(db, rows[0]);
}
