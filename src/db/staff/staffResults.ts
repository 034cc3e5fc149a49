/**
 * What the staff results read (docs/staff.md): the locations of a subtree and the answers of a staff
 * survey's respondents, never their texts. Only scored and choice answers are selected.
 */
import type { Queryable } from '../connection.ts';
import type { AnswerMap } from '../../core/surveys/types.ts';

export interface ResultLocation {
  id: string;
  parentId: string | null;
  name: string;
  path: string;
}

/**
 * The locations under any of `paths` (each a subtree), or all of the organisation with null.
 */
export async function listResultLocations(db: Queryable, orgId: string, paths: string[] | null): Promise<ResultLocation[]> {
  const params: unknown[] = [orgId];
  let where = '';
  if (paths) {
    params.push(paths.map((p) => `${p}%`));
    where = ` and path like any($2::text[])`;
  }
  const { rows } = await db.query(
    `/* listResultLocations */ select id, parent_id, name, path from locations where org_id = $1${where} order by path`,
    params,
  );
  return rows.map((r) => ({ id: r.id, parentId: r.parent_id, name: r.name, path: r.path }));
}

/** The path of one location of the organisation, or null. */
export async function resultLocationPath(db: Queryable, orgId: string, locationId: string): Promise<string | null> {
  const { rows } = await db.query(`/* resultLocationPath */ select path from locations where org_id = $1 and id = $2`, [orgId, locationId]);
  return rows[0]?.path ?? null;
}

export interface ResultRespondent {
  locationId: string | null;
  answers: AnswerMap;
}

/**
 * The staff survey's counted responses (not excluded) in the period, at the given locations (null: all,
 * location-less answers included). Answers are keyed by question key; texts are never read.
 */
export async function listStaffRespondents(
  db: Queryable,
  orgId: string,
  surveyId: string,
  opts: { locationIds: string[] | null; from: string | null; toExclusive: string | null },
): Promise<ResultRespondent[]> {
  const params: unknown[] = [orgId, surveyId, opts.from, opts.toExclusive];
  let where = '';
  if (opts.locationIds) {
    params.push(opts.locationIds);
    where = ` and r.location_id = any($5::uuid[])`;
  }
  const { rows } = await db.query(
    `/* listStaffRespondents */
     select r.location_id,
            coalesce(jsonb_object_agg(q.key, jsonb_build_object('score', a.score, 'choice', a.choice, 'choices', a.choices))
                     filter (where q.key is not null), '{}') as answers
       from responses r
       -- Period days are the organisation's (docs/analytics.md "One clock"); the session's zone is UTC.
       join orgs o on o.id = r.org_id
       left join answers a on a.org_id = r.org_id and a.response_id = r.id
       left join questions q on q.org_id = a.org_id and q.id = a.question_id and q.type <> 'text'
      where r.org_id = $1 and r.survey_id = $2 and not r.excluded
        and ($3::date is null or r.submitted_at >= ($3::date::timestamp at time zone o.timezone))
        and ($4::date is null or r.submitted_at < ($4::date::timestamp at time zone o.timezone))${where}
      group by r.org_id, r.id`,
    params,
  );
  return rows.map((r) => {
    const answers: AnswerMap = {};
    for (const [key, a] of Object.entries(r.answers as Record<string, { score: number | null; choice: string | null; choices: string[] | null }>)) {
      answers[key] = {
        ...(a.score !== null ? { score: Number(a.score) } : {}),
        ...(a.choice !== null ? { choice: a.choice } : {}),
        ...(a.choices !== null ? { choices: a.choices } : {}),
      };
    }
    return { locationId: r.location_id, answers };
  });
}
