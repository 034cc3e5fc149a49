/**
 * @module Focus groups and key-client debriefs (tables focus_sessions, focus_findings; migrations 110, 114).
 * A caller restricted to locations sees the sessions held at a location of their subtrees; sessions without
 * a location are the whole organisation's (unrestricted callers only).
 */
import type { Scope } from '../../core/access/index.ts';
import type { FocusFinding, FocusSessionInput, FocusSessionRecord, FocusSessionSummary, Participant } from '../../core/api/focusSessions.ts';
import type { NotesAnalysis } from '../../core/focus/notes.ts';
import { participantTotal } from '../../core/focus/session.ts';
import type { Queryable } from '../connection.ts';
import { binder } from '../queries/analyticsSource.ts';

/** The session `fs` lies in the caller's scope. */
function visibleSql(scope: Scope, p: (v: unknown) => string): string {
  if (scope.locationPaths === null) return 'true';
  return `exists (select 1 from locations l where l.org_id = fs.org_id and l.id = fs.location_id and l.path like any(${p(scope.locationPaths.map((x) => `${x}%`))}::text[]))`;
}

export type FocusSessionRow = FocusSessionRecord;

const SUMMARY = `fs.id, fs.kind, fs.title, to_char(fs.held_on, 'YYYY-MM-DD') as held_day, fs.location_id, l.name as location_name, fs.moderator,
  fs.participants, fs.analysis ->> 'sentiment' as sentiment, fs.updated_at,
  (select count(*)::int from focus_findings f where f.org_id = fs.org_id and f.session_id = fs.id) as findings`;
const FROM = `from focus_sessions fs left join locations l on l.org_id = fs.org_id and l.id = fs.location_id`;

const participantsOf = (v: unknown): Participant[] =>
  (Array.isArray(v) ? v : []).map((x: any) => ({ role: String(x.role), count: Number(x.count), name: x.name ?? null }));

function summary(r: any): FocusSessionSummary {
  return {
    id: r.id, kind: r.kind, title: r.title, heldOn: r.held_day,
    location: r.location_id ? { id: r.location_id, name: r.location_name } : null,
    moderator: r.moderator,
    participantCount: participantTotal(participantsOf(r.participants)),
    sentiment: r.sentiment ?? null,
    findings: r.findings,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export interface FocusSessionFilter {
  kind?: string;
  /** The subtree of this location path. */
  locationPath?: string;
  from?: string;
  to?: string;
}

/** The caller's sessions, latest held first (at most 500). */
export async function listFocusSessions(db: Queryable, scope: Scope, f: FocusSessionFilter): Promise<FocusSessionSummary[]> {
  const params: unknown[] = [];
  const p = binder(params);
  const where = [`fs.org_id = ${p(scope.orgId)}`, visibleSql(scope, p)];
  if (f.kind) where.push(`fs.kind = ${p(f.kind)}`);
  if (f.locationPath) where.push(`l.path like ${p(`${f.locationPath}%`)}`);
  if (f.from) where.push(`fs.held_on >= ${p(f.from)}::date`);
  if (f.to) where.push(`fs.held_on <= ${p(f.to)}::date`);
  const { rows } = await db.query(
    `/* listFocusSessions */ select ${SUMMARY} ${FROM} where ${where.join(' and ')} order by fs.held_on desc, fs.created_at desc, fs.id limit 500`,
    params,
  );
  return rows.map(summary);
}

/** One session the caller can see (locked for an edit when `forUpdate`), or null. */
export async function getFocusSession(db: Queryable, scope: Scope, id: string, opts: { forUpdate?: boolean } = {}): Promise<FocusSessionRow | null> {
  const params: unknown[] = [];
  const p = binder(params);
  const { rows } = await db.query(
    `/* getFocusSession */ select ${SUMMARY}, fs.names_allowed, fs.questions, fs.notes, fs.language, fs.analysis, fs.analysed_at
     ${FROM} where fs.org_id = ${p(scope.orgId)} and fs.id = ${p(id)} and ${visibleSql(scope, p)}${opts.forUpdate ? ' for update of fs' : ''}`,
    params,
  );
  const r = rows[0];
  if (!r) return null;
  return {
    ...summary(r), namesAllowed: r.names_allowed, participants: participantsOf(r.participants), questions: r.questions, notes: r.notes, language: r.language,
    analysis: r.analysis, analysedAt: r.analysed_at ? new Date(r.analysed_at).toISOString() : null,
  };
}

/** What is stored of a session: the input with its language settled, and the notes' analysis. */
export interface FocusSessionWrite extends Omit<FocusSessionInput, 'language'> {
  language: string;
  analysis: NotesAnalysis;
}

const writeValues = (s: FocusSessionWrite) => [
  s.kind, s.title, s.heldOn, s.locationId, s.moderator, s.namesAllowed,
  JSON.stringify(s.participants.map((x) => ({ role: x.role, count: x.count, name: x.name || null }))), JSON.stringify(s.questions), s.notes, s.language,
  JSON.stringify(s.analysis),
];

export async function insertFocusSession(db: Queryable, orgId: string, createdBy: string | null, s: FocusSessionWrite): Promise<string> {
  const { rows } = await db.query(
    `/* insertFocusSession */ insert into focus_sessions(org_id, created_by, kind, title, held_on, location_id, moderator, names_allowed, participants, questions, notes, language, analysis, analysed_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, now()) returning id`,
    [orgId, createdBy, ...writeValues(s)],
  );
  return rows[0].id;
}

export async function updateFocusSession(db: Queryable, orgId: string, id: string, s: FocusSessionWrite): Promise<void> {
  await db.query(
    `/* updateFocusSession */ update focus_sessions set kind = $3, title = $4, held_on = $5, location_id = $6, moderator = $7, names_allowed = $8,
       participants = $9, questions = $10, notes = $11, language = $12, analysis = $13, analysed_at = now(), updated_at = now()
     where org_id = $1 and id = $2`,
    [orgId, id, ...writeValues(s)],
  );
}

/** Deletes the session and its findings. */
export async function deleteFocusSession(db: Queryable, orgId: string, id: string): Promise<void> {
  await db.query(`/* deleteFocusSession */ delete from focus_sessions where org_id = $1 and id = $2`, [orgId, id]);
}

// Findings ------------------------------------------------------------------------------------------

/** The linked plan shows only when the caller can see it (its locations touch their scope). */
function planVisibleSql(scope: Scope, p: (v: unknown) => string): string {
  if (scope.locationPaths === null) return 'true';
  return `exists (select 1 from locations pl where pl.org_id = ap.org_id and pl.id = any(ap.location_ids) and pl.path like any(${p(scope.locationPaths.map((x) => `${x}%`))}::text[]))`;
}

const findingSql = (scope: Scope, p: (v: unknown) => string) =>
  `select f.id, f.session_id, f.text, f.theme, f.action_plan_id, f.created_at, ap.title as plan_title, ap.status as plan_status, ${planVisibleSql(scope, p)} as plan_visible
   from focus_findings f left join action_plans ap on ap.org_id = f.org_id and ap.id = f.action_plan_id`;

function finding(r: any): FocusFinding {
  return {
    id: r.id, sessionId: r.session_id, text: r.text, theme: r.theme, actionPlanId: r.action_plan_id,
    actionPlan: r.action_plan_id && r.plan_visible ? { id: r.action_plan_id, title: r.plan_title, status: r.plan_status } : null,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** The findings of a session, oldest first. */
export async function listFocusFindings(db: Queryable, scope: Scope, sessionId: string): Promise<FocusFinding[]> {
  const params: unknown[] = [];
  const p = binder(params);
  const sql = findingSql(scope, p);
  const { rows } = await db.query(`/* listFocusFindings */ ${sql} where f.org_id = ${p(scope.orgId)} and f.session_id = ${p(sessionId)} order by f.created_at, f.id`, params);
  return rows.map(finding);
}

/** One finding of a session the caller can see, or null. */
export async function getFocusFinding(db: Queryable, scope: Scope, id: string): Promise<FocusFinding | null> {
  const params: unknown[] = [];
  const p = binder(params);
  const sql = findingSql(scope, p);
  const { rows } = await db.query(
    `/* getFocusFinding */ ${sql} join focus_sessions fs on fs.org_id = f.org_id and fs.id = f.session_id
     where f.org_id = ${p(scope.orgId)} and f.id = ${p(id)} and ${visibleSql(scope, p)}`,
    params,
  );
  return rows[0] ? finding(rows[0]) : null;
}

export interface FocusFindingWrite {
  text: string;
  theme: string | null;
  actionPlanId: string | null;
}

export async function insertFocusFinding(db: Queryable, orgId: string, sessionId: string, f: FocusFindingWrite): Promise<string> {
  const { rows } = await db.query(
    `/* insertFocusFinding */ insert into focus_findings(org_id, session_id, text, theme, action_plan_id) values ($1, $2, $3, $4, $5) returning id`,
    [orgId, sessionId, f.text, f.theme, f.actionPlanId],
  );
  return rows[0].id;
}

export async function updateFocusFinding(db: Queryable, orgId: string, id: string, f: FocusFindingWrite): Promise<void> {
  await db.query(`/* updateFocusFinding */ update focus_findings set text = $3, theme = $4, action_plan_id = $5 where org_id = $1 and id = $2`, [orgId, id, f.text, f.theme, f.actionPlanId]);
}

export async function deleteFocusFinding(db: Queryable, orgId: string, id: string): Promise<void> {
  await db.query(`/* deleteFocusFinding */ delete from focus_findings where org_id = $1 and id = $2`, [orgId, id]);
}
