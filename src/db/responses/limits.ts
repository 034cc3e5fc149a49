/**
 * Exact response limits and quotas (src/core/surveys/quotas.ts): a submission takes its places in
 * `survey_counters` and is stored in one transaction. Each claim is an atomic
 * `update ... set n = n + 1 where n < limit`: the row lock makes concurrent claims wait for each other,
 * and PostgreSQL re-checks `n < limit` on the committed row, so N concurrent submissions against a
 * limit of k store exactly k. Claims go in counter order, so two submissions never deadlock.
 */
import type { Queryable } from '../connection.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import { RESPONSE_LIMIT_COUNTER, type CounterClaim } from '../../core/surveys/quotas.ts';

/** The organisation's location a submission names by id or code (as the insert resolves it), or null. */
export async function findSubmissionLocation(
  db: Queryable, orgId: string, locId: string | null, locCode: string | null,
): Promise<{ id: string; code: string | null } | null> {
  if (!locId && !locCode) return null;
  const { rows } = await db.query(
    `/* findSubmissionLocation */ select id, code from locations where org_id = $1 and (id = $2::uuid or ($2::uuid is null and code = $3))
      order by id limit 1`,
    [orgId, locId, locCode],
  );
  return rows[0] ? { id: rows[0].id, code: rows[0].code ?? null } : null;
}

/**
 * Takes one place in each counter: `full` lists the claims that found no place (then the caller rolls back),
 * `filled` those this submission took the last place of. A response-limit counter starts at the survey's
 * stored responses; a quota counts from its first use.
 */
export async function claimCounters(
  db: Queryable, orgId: string, surveyId: string, claims: CounterClaim[],
): Promise<{ full: CounterClaim[]; filled: CounterClaim[] }> {
  const full: CounterClaim[] = [];
  const filled: CounterClaim[] = [];
  for (const claim of claims) {
    await db.query(
      `/* createCounter */ insert into survey_counters (org_id, survey_id, counter, n)
       select $1, $2, $3, case when $4 then (select count(*) from responses where org_id = $1 and survey_id = $2) else 0 end
       on conflict do nothing`,
      [orgId, surveyId, claim.counter, claim.quota === null],
    );
    const { rows } = await db.query(
      `/* claimCounter */ update survey_counters set n = n + 1 where org_id = $1 and survey_id = $2 and counter = $3 and n < $4 returning n`,
      [orgId, surveyId, claim.counter, claim.limit],
    );
    if (!rows[0]) full.push(claim);
    else if (rows[0].n >= claim.limit) filled.push(claim);
  }
  return { full, filled };
}

/**
 * True when the survey's response limit is reached: its counter (or, before the first counted submission,
 * its stored responses) is at the limit. The form page then shows the closed page.
 */
export async function responseLimitReached(db: Queryable, orgId: string, surveyId: string, limit: number | null | undefined): Promise<boolean> {
  if (!limit) return false;
  const { rows } = await db.query(
    `/* responseLimitReached */ select coalesce((select n from survey_counters where org_id = $1 and survey_id = $2 and counter = $4),
                                             (select count(*)::int from responses where org_id = $1 and survey_id = $2)) >= $3 as reached`,
    [orgId, surveyId, limit, RESPONSE_LIMIT_COUNTER],
  );
  return rows[0].reached === true;
}

/**
 * Closes the survey (a "close" quota just filled), in the submission's transaction, and records it in the
 * audit log as `survey.close` by the system with the quota's key (docs/audit-log.md).
 */
export async function closeSurveyForQuota(db: Queryable, orgId: string, surveyId: string, quotaKey: string): Promise<void> {
  const { rows } = await db.query(
    `/* closeSurveyForQuota */ update surveys set status = 'closed', updated_at = now() where org_id = $1 and id = $2 and status = 'live' returning name`,
    [orgId, surveyId],
  );
  if (!rows[0]) return;
  await recordAuditEvent(db, {
    orgId, actorId: null, action: 'survey.close', targetType: 'survey', targetId: surveyId, targetLabel: rows[0].name, details: { quota: quotaKey },
  });
}

/** A transaction for counting: its own on a pool, a savepoint in the caller's transaction on a client. */
export async function beginCounted(db: Queryable) {
  const client = 'release' in db ? null : await db.connect();
  const q = client ?? db;
  const [begin, rollback, commit] = client ? ['begin', 'rollback', 'commit'] : ['savepoint counted', 'rollback to savepoint counted', 'release savepoint counted'];
  await q.query(begin);
  return {
    q,
    rollback: async () => void (await q.query(rollback)),
    commit: async () => void (await q.query(commit)),
    release: () => client?.release(),
  };
}
