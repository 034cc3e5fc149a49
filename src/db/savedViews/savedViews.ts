/**
 * @module Saved views (saved_views, saved_view_pins; docs/analytics.md "Saved views"): a user sees their own
 * views and the shared views of their organisation; pins are per user. Narrowing a view's locations to the
 * caller's scope is src/core/views/savedViews.ts's; `listPinnedViews` does it for the home page.
 */
import { scopeOf, type Principal, type Scope } from '../../core/access/index.ts';
import { narrowViewQuery, viewLocationIds, viewUrl } from '../../core/views/savedViews.ts';
import type { Queryable } from '../connection.ts';
import { locationScopeSql } from '../scope.ts';

export interface SavedViewRow {
  id: string;
  name: string;
  surveyId: string;
  surveyName: string;
  query: string;
  shared: boolean;
  ownerUserId: string;
  ownerName: string;
  pinned: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `v.id, v.name, v.survey_id, s.name as survey_name, v.query, v.shared, v.owner_user_id,
  coalesce(nullif(u.name, ''), u.email) as owner_name, v.created_at, v.updated_at,
  exists (select 1 from saved_view_pins p where p.org_id = v.org_id and p.view_id = v.id and p.user_id = $2) as pinned`;
const FROM = `from saved_views v
  join surveys s on s.org_id = v.org_id and s.id = v.survey_id
  join users u on u.org_id = v.org_id and u.id = v.owner_user_id`;
/** The views `$2` (the user) may see in organisation `$1`. */
const VISIBLE = `v.org_id = $1 and (v.owner_user_id = $2 or v.shared)`;

function toRow(r: Record<string, any>): SavedViewRow {
  return {
    id: r.id, name: r.name, surveyId: r.survey_id, surveyName: r.survey_name, query: r.query, shared: r.shared,
    ownerUserId: r.owner_user_id, ownerName: r.owner_name, pinned: r.pinned, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

/** The caller's own views and the organisation's shared ones, optionally of one survey: pinned first, then by name. */
export async function listSavedViews(db: Queryable, principal: Principal, surveyId?: string): Promise<SavedViewRow[]> {
  const { rows } = await db.query(
    `/* listSavedViews */ select ${COLUMNS} ${FROM} where ${VISIBLE} and ($3::uuid is null or v.survey_id = $3)
      order by pinned desc, lower(v.name), v.created_at`,
    [principal.orgId, principal.userId, surveyId ?? null],
  );
  return rows.map(toRow);
}

/** One view the caller may see; null otherwise (another user's personal view, another organisation's, none). */
export async function getSavedView(db: Queryable, principal: Principal, id: string): Promise<SavedViewRow | null> {
  const { rows } = await db.query(`/* getSavedView */ select ${COLUMNS} ${FROM} where ${VISIBLE} and v.id = $3`, [principal.orgId, principal.userId, id]);
  return rows[0] ? toRow(rows[0]) : null;
}

export async function insertSavedView(db: Queryable, principal: Principal, v: { name: string; surveyId: string; query: string; shared: boolean }): Promise<string> {
  const { rows } = await db.query(
    `/* insertSavedView */ insert into saved_views(org_id, owner_user_id, survey_id, name, query, shared) values ($1, $2, $3, $4, $5, $6) returning id`,
    [principal.orgId, principal.userId, v.surveyId, v.name, v.query, v.shared],
  );
  return rows[0].id as string;
}

export async function updateSavedView(db: Queryable, orgId: string, id: string, patch: { name?: string; query?: string; shared?: boolean }): Promise<void> {
  await db.query(
    `/* updateSavedView */ update saved_views set name = coalesce($3, name), query = coalesce($4, query), shared = coalesce($5, shared), updated_at = now()
      where org_id = $1 and id = $2`,
    [orgId, id, patch.name ?? null, patch.query ?? null, patch.shared ?? null],
  );
}

export async function deleteSavedView(db: Queryable, orgId: string, id: string): Promise<void> {
  await db.query(`/* deleteSavedView */ delete from saved_views where org_id = $1 and id = $2`, [orgId, id]);
}

/** A view made personal again leaves the home pages of everyone but its owner. */
export async function deleteOthersPins(db: Queryable, orgId: string, viewId: string, ownerUserId: string): Promise<void> {
  await db.query(`/* deleteOthersPins */ delete from saved_view_pins where org_id = $1 and view_id = $2 and user_id <> $3`, [orgId, viewId, ownerUserId]);
}

export async function pinSavedView(db: Queryable, principal: Principal, viewId: string): Promise<void> {
  await db.query(
    `/* pinSavedView */ insert into saved_view_pins(org_id, user_id, view_id) values ($1, $2, $3) on conflict do nothing`,
    [principal.orgId, principal.userId, viewId],
  );
}

export async function unpinSavedView(db: Queryable, principal: Principal, viewId: string): Promise<void> {
  await db.query(`/* unpinSavedView */ delete from saved_view_pins where org_id = $1 and user_id = $2 and view_id = $3`, [principal.orgId, principal.userId, viewId]);
}

/** Of `ids`, those naming a location of the organisation inside the scope. */
export async function listLocationIdsInScope(db: Queryable, scope: Scope, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const params: unknown[] = [scope.orgId, ids];
  const { rows } = await db.query(
    `/* listLocationIdsInScope */ select l.id from locations l where l.org_id = $1 and l.id = any($2::uuid[]) and ${locationScopeSql(scope, 'l.id', params)}`,
    params,
  );
  return new Set(rows.map((r) => r.id as string));
}

export interface PinnedView {
  id: string;
  name: string;
  surveyId: string;
  surveyName: string;
  /** The query string narrowed to the caller's locations. */
  query: string;
  /** The dashboard address that opens it. */
  url: string;
  shared: boolean;
}

/** The caller's pinned views, for the home page: each narrowed to the caller's locations, by name. */
export async function listPinnedViews(db: Queryable, principal: Principal): Promise<PinnedView[]> {
  const views = (await listSavedViews(db, principal)).filter((v) => v.pinned);
  const visible = await listLocationIdsInScope(db, scopeOf(principal), [...new Set(views.flatMap((v) => viewLocationIds(v.query)))]);
  return views.map((v) => {
    const { query } = narrowViewQuery(v.query, visible);
    return { id: v.id, name: v.name, surveyId: v.surveyId, surveyName: v.surveyName, query, url: viewUrl(v.surveyId, query), shared: v.shared };
  });
}
