/** Shared links (table shared_links, docs/sharing.md): the token is stored as sha-256 only, the password as argon2id only. */
import type { Queryable } from '../connection.ts';
import { isUuid } from '../../core/ids.ts';

export interface SharedLinkRow {
  id: string;
  orgId: string;
  kind: 'view' | 'report';
  reportId: string | null;
  surveyId: string;
  surveyName: string;
  definition: unknown;
  title: string;
  lang: 'en' | 'ru' | 'fa';
  createdBy: string;
  createdByName: string;
  creatorRole: string;
  locationPaths: string[] | null;
  createdAt: Date;
  expiresAt: Date | null;
  passwordHash: string | null;
  includeComments: boolean;
  embedOrigins: string[];
  revokedAt: Date | null;
  lastViewedAt: Date | null;
  viewCount: number;
}

const SELECT = `select k.id, k.org_id, k.kind, k.report_id, k.survey_id, s.name as survey_name, k.definition, k.title, k.lang,
                       k.created_by, coalesce(nullif(u.name, ''), u.email) as created_by_name, k.creator_role, k.location_paths,
                       k.created_at, k.expires_at, k.password_hash, k.include_comments, k.embed_origins, k.revoked_at,
                       k.last_viewed_at, k.view_count
                  from shared_links k
                  join surveys s on s.org_id = k.org_id and s.id = k.survey_id
                  join users u on u.org_id = k.org_id and u.id = k.created_by`;

const toRow = (r: Record<string, any>): SharedLinkRow => ({
  id: r.id, orgId: r.org_id, kind: r.kind, reportId: r.report_id, surveyId: r.survey_id, surveyName: r.survey_name, definition: r.definition,
  title: r.title, lang: r.lang, createdBy: r.created_by, createdByName: r.created_by_name, creatorRole: r.creator_role,
  locationPaths: r.location_paths, createdAt: r.created_at, expiresAt: r.expires_at, passwordHash: r.password_hash,
  includeComments: r.include_comments, embedOrigins: r.embed_origins, revokedAt: r.revoked_at, lastViewedAt: r.last_viewed_at,
  viewCount: r.view_count,
});

export interface NewSharedLink {
  orgId: string;
  /** A link to a saved report; absent: a dashboard view. */
  reportId?: string;
  surveyId: string;
  definition: unknown;
  title: string;
  lang: string;
  tokenHash: string;
  createdBy: string;
  creatorRole: string;
  locationPaths: string[] | null;
  expiresAt: Date | null;
  passwordHash: string | null;
  includeComments: boolean;
  embedOrigins: string[];
}

export async function insertSharedLink(db: Queryable, link: NewSharedLink): Promise<string> {
  const { rows } = await db.query(
    `/* insertSharedLink */ insert into shared_links(org_id, kind, survey_id, definition, title, lang, token_hash, created_by, creator_role,
                                                     location_paths, expires_at, password_hash, include_comments, embed_origins, report_id)
     values ($1, $14, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $15) returning id`,
    [link.orgId, link.surveyId, JSON.stringify(link.definition), link.title, link.lang, link.tokenHash, link.createdBy, link.creatorRole,
      link.locationPaths, link.expiresAt, link.passwordHash, link.includeComments, link.embedOrigins, link.reportId ? 'report' : 'view', link.reportId ?? null],
  );
  return rows[0].id;
}

/** The organisation's links, newest first: `createdBy` only (null: everyone's), of `surveyId` only (null: all surveys). */
export async function listSharedLinks(db: Queryable, orgId: string, filter: { createdBy: string | null; surveyId: string | null }): Promise<SharedLinkRow[]> {
  const { rows } = await db.query(
    `/* listSharedLinks */ ${SELECT} where k.org_id = $1 and ($2::uuid is null or k.created_by = $2) and ($3::uuid is null or k.survey_id = $3)
      order by k.created_at desc, k.id limit 500`,
    [orgId, filter.createdBy, filter.surveyId],
  );
  return rows.map(toRow);
}

export async function getSharedLink(db: Queryable, orgId: string, id: string): Promise<SharedLinkRow | null> {
  if (!isUuid(id)) return null;
  const { rows } = await db.query(`/* getSharedLink */ ${SELECT} where k.org_id = $1 and k.id = $2`, [orgId, id]);
  return rows[0] ? toRow(rows[0]) : null;
}

/** Revokes once (a repeat keeps the first time and who). */
export async function revokeSharedLink(db: Queryable, orgId: string, id: string, by: string): Promise<void> {
  await db.query(
    `/* revokeSharedLink */ update shared_links set revoked_at = coalesce(revoked_at, now()), revoked_by = coalesce(revoked_by, $3)
      where org_id = $1 and id = $2`,
    [orgId, id, by],
  );
}

/** The link of a token hash, revoked or not (the page decides; all answer the same 404). */
export async function findSharedLinkByHash(db: Queryable, tokenHash: string): Promise<SharedLinkRow | null> {
  const { rows } = await db.query(`/* findSharedLinkByHash */ ${SELECT} where k.token_hash = $1`, [tokenHash]);
  return rows[0] ? toRow(rows[0]) : null;
}

/** One more view of the page. */
export async function countSharedLinkView(db: Queryable, orgId: string, id: string, at: Date): Promise<void> {
  await db.query(
    `/* countSharedLinkView */ update shared_links set view_count = view_count + 1, last_viewed_at = greatest(last_viewed_at, $3)
      where org_id = $1 and id = $2`,
    [orgId, id, at],
  );
}
