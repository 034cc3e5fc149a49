/**
 * @module Checklists and their versions (docs/audits.md "Checklists"; tables in
 * src/db/migrations/105_audits.sql). A checklist row names the current version; each version's definition is
 * stored whole (checklist_versions.definition) so visits keep the version they were scored against. The rule
 * deciding whether an edit replaces the current version or adds one is src/core/audits/versioning.ts.
 */
import type { Queryable } from '../connection.ts';
import { parseChecklist, type ChecklistDefinition } from '../../core/audits/checklist.ts';
import type { ChecklistInfo, ChecklistSummary, ChecklistVersionInfo } from '../../core/api/checklists.ts';
import type { ChecklistChannel } from '../../core/audits/checklist.ts';

export type ChecklistRow = ChecklistInfo;
export type ChecklistSummaryRow = ChecklistSummary & { createdAt: string };


const ROW = `c.id, c.name, c.channel, c.version, c.archived, c.starter, c.created_at, c.updated_at`;
const row = (r: any): ChecklistRow => ({
  id: r.id, name: r.name, channel: r.channel, version: r.version, archived: r.archived, starter: r.starter,
  createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
});

/** The organisation's checklists by name, with the current version's counts and all their visits; archived ones only when asked. */
export async function listChecklists(db: Queryable, orgId: string, includeArchived: boolean): Promise<ChecklistSummaryRow[]> {
  const { rows } = await db.query(
    `/* listChecklists */ select ${ROW},
       jsonb_array_length(v.definition->'sections') as sections_count,
       (select coalesce(sum(jsonb_array_length(s->'items')), 0)::int from jsonb_array_elements(v.definition->'sections') s) as items_count,
       (select count(*)::int from audit_visits av where av.org_id = c.org_id and av.checklist_id = c.id) as visits_count
     from checklists c
     join checklist_versions v on v.org_id = c.org_id and v.checklist_id = c.id and v.version = c.version
     where c.org_id = $1 and ($2 or not c.archived)
     order by c.archived, lower(c.name), c.created_at, c.id`,
    [orgId, includeArchived],
  );
  return rows.map((r) => ({ ...row(r), sectionsCount: r.sections_count, itemsCount: r.items_count, visitsCount: r.visits_count }));
}

/** One checklist, locked for an edit when `forUpdate`; null when the organisation has none with this id. */
export async function getChecklist(db: Queryable, orgId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<ChecklistRow | null> {
  const { rows } = await db.query(
    `/* getChecklist */ select ${ROW} from checklists c where c.org_id = $1 and c.id = $2${opts.forUpdate ? ' for update' : ''}`,
    [orgId, id],
  );
  return rows[0] ? row(rows[0]) : null;
}

/** The versions of a checklist, newest first, each with how many visits were scored against it. */
export async function listChecklistVersions(db: Queryable, orgId: string, id: string): Promise<ChecklistVersionInfo[]> {
  const { rows } = await db.query(
    `/* listChecklistVersions */ select v.version, v.created_at,
       (select count(*)::int from audit_visits av where av.org_id = v.org_id and av.checklist_id = v.checklist_id and av.checklist_version = v.version) as visits_count
     from checklist_versions v where v.org_id = $1 and v.checklist_id = $2 order by v.version desc`,
    [orgId, id],
  );
  return rows.map((r) => ({ version: r.version, createdAt: r.created_at.toISOString(), visitsCount: r.visits_count }));
}

/** The definitions of the versions that visits were scored against (their item keys keep their meaning). */
export async function listAnsweredChecklistDefinitions(db: Queryable, orgId: string, id: string): Promise<{ version: number; definition: ChecklistDefinition }[]> {
  const { rows } = await db.query(
    `/* listAnsweredChecklistDefinitions */ select v.version, v.definition from checklist_versions v
     where v.org_id = $1 and v.checklist_id = $2
       and exists (select 1 from audit_visits av where av.org_id = v.org_id and av.checklist_id = v.checklist_id and av.checklist_version = v.version)
     order by v.version`,
    [orgId, id],
  );
  return rows.map((r) => ({ version: r.version, definition: parseChecklist(r.definition) }));
}

/** A new checklist with its version 1, in the caller's transaction. */
export async function insertChecklist(
  tx: Queryable,
  c: { orgId: string; name: string; channel: ChecklistChannel; starter: string | null; createdBy: string | null; definition: ChecklistDefinition },
): Promise<ChecklistRow> {
  const { rows } = await tx.query(
    `/* insertChecklist */ insert into checklists as c (org_id, name, channel, starter, created_by) values ($1, $2, $3, $4, $5) returning ${ROW}`,
    [c.orgId, c.name, c.channel, c.starter, c.createdBy],
  );
  await insertChecklistVersion(tx, c.orgId, rows[0].id, 1, c.definition, c.createdBy);
  return row(rows[0]);
}

/** Stores a version's definition. */
export async function insertChecklistVersion(tx: Queryable, orgId: string, id: string, version: number, definition: ChecklistDefinition, createdBy: string | null): Promise<void> {
  await tx.query(
    `/* insertChecklistVersion */ insert into checklist_versions(org_id, checklist_id, version, definition, created_by) values ($1, $2, $3, $4, $5)`,
    [orgId, id, version, JSON.stringify(definition), createdBy],
  );
}

/** Rewrites a version no visit used (the caller checked, under the checklist's row lock). */
export async function replaceChecklistVersion(tx: Queryable, orgId: string, id: string, version: number, definition: ChecklistDefinition): Promise<void> {
  await tx.query(
    `/* replaceChecklistVersion */ update checklist_versions set definition = $4, created_at = now() where org_id = $1 and checklist_id = $2 and version = $3`,
    [orgId, id, version, JSON.stringify(definition)],
  );
}

/**
 * Locks a version's row against visits: inserting a visit checks its foreign key with a key-share lock on
 * this row, which `for update` waits for (a visit being submitted commits first and is then seen) and blocks
 * (a visit submitted now waits until the edit is stored). Call before checklistVersionHasVisits.
 */
export async function lockChecklistVersion(tx: Queryable, orgId: string, id: string, version: number): Promise<void> {
  await tx.query(`/* lockChecklistVersion */ select 1 from checklist_versions where org_id = $1 and checklist_id = $2 and version = $3 for update`, [orgId, id, version]);
}

/** True when a visit was scored against this version. */
export async function checklistVersionHasVisits(db: Queryable, orgId: string, id: string, version: number): Promise<boolean> {
  const { rows } = await db.query(
    `/* checklistVersionHasVisits */ select exists (select 1 from audit_visits where org_id = $1 and checklist_id = $2 and checklist_version = $3) as used`,
    [orgId, id, version],
  );
  return rows[0].used;
}

/** Sets name, channel, current version and archived (each only when given) and touches updated_at. */
export async function updateChecklist(
  tx: Queryable,
  orgId: string,
  id: string,
  change: { name?: string; channel?: ChecklistChannel; version?: number; archived?: boolean },
): Promise<ChecklistRow | null> {
  const { rows } = await tx.query(
    `/* updateChecklist */ update checklists c set name = coalesce($3, name), channel = coalesce($4, channel), version = coalesce($5, version),
       archived = coalesce($6, archived), updated_at = now()
     where org_id = $1 and id = $2 returning ${ROW}`,
    [orgId, id, change.name ?? null, change.channel ?? null, change.version ?? null, change.archived ?? null],
  );
  return rows[0] ? row(rows[0]) : null;
}
