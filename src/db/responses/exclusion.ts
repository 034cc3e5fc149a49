/** Marking responses (and their answers) as excluded from metrics (src/server/responses/commands/setResponseExclusion.ts). */
import type { Queryable } from '../connection.ts';

export interface LockedResponse {
  id: string;
  excluded: boolean;
  /** The response's location path; null without a location. */
  path: string | null;
}

/**
 * The organisation's responses among `ids`, row-locked in id order (two bulk calls cannot deadlock,
 * and two concurrent calls cannot both see "not excluded").
 */
export async function lockResponsesForExclusion(tx: Queryable, orgId: string, ids: string[]): Promise<LockedResponse[]> {
  const { rows } = await tx.query(
    `/* lockResponsesForExclusion */
     select r.id, r.excluded, l.path
       from responses r left join locations l on l.org_id = r.org_id and l.id = r.location_id
      where r.org_id = $1 and r.id = any($2::uuid[])
      order by r.id
        for update of r`,
    [orgId, ids],
  );
  return rows.map((r) => ({ id: r.id, excluded: r.excluded, path: r.path ?? null }));
}

/** Sets the responses' exclusion flag and reason (the reason only while excluded). */
export async function setResponsesExcluded(tx: Queryable, orgId: string, ids: string[], excluded: boolean, reason: string | null): Promise<void> {
  await tx.query(`/* setResponsesExcluded */ update responses set excluded = $3, exclusion_reason = $4 where org_id = $1 and id = any($2::uuid[])`, [
    orgId,
    ids,
    excluded,
    excluded ? reason : null,
  ]);
}

/** Sets the exclusion flag on every answer of the responses (metrics read answers). */
export async function setAnswersExcluded(tx: Queryable, orgId: string, responseIds: string[], excluded: boolean): Promise<void> {
  await tx.query(`/* setAnswersExcluded */ update answers set excluded = $3 where org_id = $1 and response_id = any($2::uuid[])`, [orgId, responseIds, excluded]);
}
