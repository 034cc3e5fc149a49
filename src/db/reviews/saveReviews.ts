/** Writes of reviews: the import's batch insert (duplicates skipped by the content hash) and delete. */
import type { Queryable } from '../connection.ts';
import type { Scope } from '../../core/access/index.ts';
import type { ReviewDraft } from '../../core/reviews/importRows.ts';
import { locationScopeSql } from '../scope.ts';

/** Rows per insert statement. */
const BATCH = 2000;

/** The hashes among `hashes` that the organisation's reviews hold already. */
export async function findStoredReviewHashes(db: Queryable, orgId: string, hashes: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < hashes.length; i += 10_000) {
    const { rows } = await db.query(
      `/* findStoredReviewHashes */ select content_hash from reviews where org_id = $1 and content_hash = any($2::text[])`,
      [orgId, hashes.slice(i, i + 10_000)],
    );
    for (const r of rows) found.add(r.content_hash);
  }
  return found;
}

/**
 * Inserts reviews with their content hashes; a hash stored meanwhile (a concurrent import) is skipped.
 * @returns how many rows were inserted
 */
export async function insertReviews(tx: Queryable, orgId: string, reviews: readonly { draft: ReviewDraft; hash: string }[]): Promise<number> {
  let added = 0;
  for (let i = 0; i < reviews.length; i += BATCH) {
    const batch = reviews.slice(i, i + BATCH);
    const col = <T,>(pick: (d: ReviewDraft) => T) => batch.map((b) => pick(b.draft));
    const res = await tx.query(
      `/* insertReviews */ insert into reviews(org_id, source, external_id, url, author, rating, rating_scale, text, language, location_id, published_at, content_hash)
       select $1::uuid, * from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::numeric[], $7::smallint[], $8::text[], $9::text[], $10::uuid[],
         $11::timestamptz[], $12::text[])
       on conflict (org_id, content_hash) do nothing`,
      [
        orgId, col((d) => d.source), col((d) => d.externalId), col((d) => d.url), col((d) => d.author), col((d) => d.rating),
        col((d) => d.ratingScale), col((d) => d.text), col((d) => d.language), col((d) => d.locationId), col((d) => d.publishedAt),
        batch.map((b) => b.hash),
      ],
    );
    added += res.rowCount ?? 0;
  }
  return added;
}

/** Deletes one review in scope. @returns false when there is none (or it is outside the scope) */
export async function deleteReview(tx: Queryable, scope: Scope, id: string): Promise<boolean> {
  const params: unknown[] = [scope.orgId, id];
  const res = await tx.query(
    `/* deleteReview */ delete from reviews r where r.org_id = $1 and r.id = $2 and ${locationScopeSql(scope, 'r.location_id', params)}`,
    params,
  );
  return (res.rowCount ?? 0) > 0;
}
