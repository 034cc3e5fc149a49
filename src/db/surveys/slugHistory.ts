/**
 * Earlier public addresses of surveys (table survey_slugs, migration 060). A slug names at most one survey
 * across `surveys.slug` and this history, so an address printed on a poster never changes owner.
 */
import type { Queryable } from '../connection.ts';
import { DomainError } from '../../core/errors.ts';

/** Advisory lock taken by every writer that gives a survey a new slug: the check below and the write are one step. */
const SLUG_LOCK = 727_010;

/**
 * Refuses `slug` when it still redirects to another survey. Holds SLUG_LOCK until the transaction ends,
 * so two writers cannot both pass this check for the same address.
 * @throws DomainError('conflict') naming the slug field
 */
export async function assertSlugNotRedirecting(tx: Queryable, slug: string, surveyId: string | null): Promise<void> {
  await tx.query(`/* slugLock */ select pg_advisory_xact_lock($1)`, [SLUG_LOCK]);
  const { rows } = await tx.query(
    `/* slugRedirecting */ select 1 from survey_slugs where slug = $1 and survey_id is distinct from $2::uuid`,
    [slug, surveyId],
  );
  if (rows.length) {
    throw new DomainError('conflict', `slug: "${slug}" is an earlier address of another survey and still redirects to it`, { field: 'slug' });
  }
}

/**
 * Records the move of a survey from `oldSlug` to `newSlug`: the old address redirects from now on, and
 * the new one, if it was an earlier address of the same survey, is current again.
 */
export async function recordSlugChange(tx: Queryable, orgId: string, surveyId: string, oldSlug: string, newSlug: string): Promise<void> {
  await tx.query(`/* forgetCurrentSlug */ delete from survey_slugs where slug = $1 and org_id = $2 and survey_id = $3`, [newSlug, orgId, surveyId]);
  await tx.query(
    `/* rememberSlug */ insert into survey_slugs(slug, org_id, survey_id) values ($1, $2, $3) on conflict (slug) do nothing`,
    [oldSlug, orgId, surveyId],
  );
}

/** The current slug of the survey that `slug` used to name, or null. */
export async function currentSlugFor(db: Queryable, slug: string): Promise<string | null> {
  const { rows } = await db.query(
    `/* currentSlugFor */ select s.slug from survey_slugs h join surveys s on s.org_id = h.org_id and s.id = h.survey_id where h.slug = $1`,
    [slug],
  );
  return (rows[0]?.slug as string | undefined) ?? null;
}

/** Earlier addresses of a survey, newest first (shown in the builder). */
export async function listEarlierSlugs(db: Queryable, orgId: string, surveyId: string): Promise<string[]> {
  const { rows } = await db.query(
    `/* listEarlierSlugs */ select slug from survey_slugs where org_id = $1 and survey_id = $2 order by created_at desc, slug`,
    [orgId, surveyId],
  );
  return rows.map((r) => r.slug as string);
}
