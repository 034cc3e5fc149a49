/**
 * Loads the demo organisation in ONE transaction: skeleton, responses and answers by COPY, then
 * rollups. An interrupted run leaves nothing behind; a second run finds the `demo-nps` slug and
 * does nothing. An advisory lock makes two simultaneous runs queue instead of racing.
 */
import { insertDemoInvitations } from './demoInvitations.ts';
import type { Pool, PoolClient } from '../connection.ts';
import { withTransaction } from '../tx.ts';
import { generateDemoResponses, type DemoResponse } from '../../core/demo/responses.ts';
import { DEMO_SURVEYS } from '../../core/demo/surveys.ts';
import { DEMO_ANALYST_EMAIL, DEMO_MANAGER_EMAIL, DEMO_OWNER_EMAIL, DEMO_TIMEZONE } from '../../core/demo/structure.ts';
import { orgToday } from '../../core/time/orgCalendar.ts';
import { copyRows, type CopyValue } from './copyRows.ts';
import { insertDemoStructure, type DemoIds } from './insertDemoStructure.ts';
import { buildDemoRollups } from './buildDemoRollups.ts';
import { insertDemoIntegrations } from './insertDemoIntegrations.ts';
import { insertDemoKiosks, type DemoKioskSecrets } from './demoKiosks.ts';
import { setDemoWidgets } from './demoWidgets.ts';
import { insertDemoReviews } from './insertDemoReviews.ts';
import { ROLLUP_TABLES } from '../rollups/levels.ts';
import { insertDemoContacts } from './insertDemoContacts.ts';
import { DEMO_CONTACT_COUNT } from '../../core/demo/contacts.ts';
import { addDemoTelegram } from './demoTelegram.ts';
import { insertDemoSupport } from './insertDemoSupport.ts';
import { insertDemoAlerts, linkDemoAlertsToCases } from './insertDemoAlerts.ts';
import { insertDemoLetters } from './insertDemoLetters.ts';
import { insertDemoCases } from './insertDemoCases.ts';
import { insertDemoCaseOps } from './insertDemoCaseOps.ts';
import { DEMO_REGION_MANAGER } from '../../core/demo/caseOps.ts';
import { insertDemoActionPlans } from './insertDemoActionPlans.ts';
import { insertDemoAudits } from './insertDemoAudits.ts';
import { insertDemoAuditLog } from './insertDemoAuditLog.ts';
import { DEMO_AUDITOR, DEMO_QA_LEAD } from '../../core/demo/audits.ts';
import { insertDemoFocusSessions, insertDemoStaffResponses } from './insertDemoStaffVoice.ts';
import { insertDemoStoreEconomics } from './insertDemoStoreEconomics.ts';
import { insertDemoReports } from './insertDemoReports.ts';
import { insertDemoQuestionLibrary } from './insertDemoQuestionLibrary.ts';
import { insertDemoProgress } from './insertDemoProgress.ts';

/** The slug that marks an existing demo (unique across organisations). */
export const DEMO_SLUG = 'demo-nps';
const DEMO_LOCK = 727_050;
const CHUNK = 5_000;

/** Columns the demo and the benchmark COPY into `responses`, in row order. */
export const RESPONSE_COLUMNS = [
  'org_id', 'id', 'survey_id', 'location_id', 'channel', 'language', 'hidden', 'idempotency_key', 'survey_version',
  'contact_key', 'started_at', 'submitted_at', 'duration_ms',
] as const;
/** Columns COPYed into `answers`, in row order. */
export const ANSWER_COLUMNS = [
  'org_id', 'response_id', 'question_id', 'survey_id', 'location_id', 'channel', 'language', 'submitted_at', 'score', 'choice', 'text',
] as const;

/** Size, seed and period of the demo; the password hash of its users. */
export interface LoadDemoOptions {
  /** Number of responses (default 40,000). */
  responses?: number;
  seed?: number;
  now?: Date;
  days?: number;
  /** argon2 hash of the demo users' password (hashing lives in the server layer). */
  passwordHash: string;
  /** Called after each chunk with responses written so far. */
  onProgress?: (done: number, total: number) => void;
  /** The demo's kiosks with their hashed secrets (docs/kiosk.md); none when absent. */
  kiosks?: readonly DemoKioskSecrets[];
}

/** `created` with counts and elapsed time, or `exists` when the demo was there already. */
export type LoadDemoResult =
  | { status: 'created'; orgId: string; responses: number; answers: number; scoreRows: number; ms: number }
  | { status: 'exists'; orgId: string };

/** The organisation holding the demo, or null. */
export async function findDemoOrg(db: Pool | PoolClient): Promise<string | null> {
  const { rows } = await db.query(`select org_id from surveys where slug = $1`, [DEMO_SLUG]);
  return (rows[0]?.org_id as string | undefined) ?? null;
}

function responseRow(ids: DemoIds, r: DemoResponse): CopyValue[] {
  const survey = ids.surveys.get(r.survey)!;
  return [ids.orgId, r.id, survey.id, ids.locations.get(r.location)!, r.channel, r.language, r.hidden, `demo-${r.id}`, 1,
    r.contactKey, r.startedAt, r.submittedAt, r.durationMs];
}

function* answerRows(ids: DemoIds, chunk: readonly DemoResponse[]): Generator<CopyValue[]> {
  for (const r of chunk) {
    const survey = ids.surveys.get(r.survey)!;
    const location = ids.locations.get(r.location)!;
    for (const [key, a] of Object.entries(r.answers)) {
      yield [ids.orgId, r.id, survey.questions.get(key)!, survey.id, location, r.channel, r.language, r.submittedAt,
        a.score ?? null, a.choice ?? null, a.text ?? null];
    }
  }
}

async function loadResponses(tx: PoolClient, ids: DemoIds, opts: LoadDemoOptions, total: number): Promise<{ responses: number; answers: number }> {
  const stream = generateDemoResponses({ seed: opts.seed ?? 20_260_101, count: total, now: opts.now ?? new Date(), days: opts.days ?? 182 });
  let responses = 0;
  let answers = 0;
  let chunk: DemoResponse[] = [];
  const flush = async () => {
    responses += await copyRows(tx, 'responses', RESPONSE_COLUMNS, chunk.map((r) => responseRow(ids, r)));
    answers += await copyRows(tx, 'answers', ANSWER_COLUMNS, answerRows(ids, chunk));
    chunk = [];
    opts.onProgress?.(responses, total);
  };
  for (const r of stream) {
    chunk.push(r);
    if (chunk.length >= CHUNK) await flush();
  }
  if (chunk.length) await flush();
  return { responses, answers };
}

/**
 * Creates the demo organisation unless it exists.
 * @returns `exists` with the organisation id when the demo is already there
 */
export async function loadDemo(pool: Pool, opts: LoadDemoOptions): Promise<LoadDemoResult> {
  const started = Date.now();
  const total = Math.max(1, Math.floor(opts.responses ?? 40_000));
  const result = await withTransaction(pool, async (tx): Promise<LoadDemoResult> => {
    await tx.query(`select pg_advisory_xact_lock($1)`, [DEMO_LOCK]);
    const existing = await findDemoOrg(tx);
    if (existing) return { status: 'exists', orgId: existing };
    const ids = await insertDemoStructure(tx, opts.passwordHash, DEMO_SURVEYS);
    await setDemoWidgets(tx, ids);
    const { responses, answers } = await loadResponses(tx, ids, opts, total);
    await insertDemoContacts(tx, ids.orgId, ids.locations, { seed: opts.seed ?? 20_260_101, count: DEMO_CONTACT_COUNT, today: orgToday(DEMO_TIMEZONE, opts.now ?? new Date()) });
    await insertDemoKiosks(tx, ids, opts.kiosks ?? []);
    await insertDemoInvitations(tx, ids, { seed: opts.seed ?? 20_260_101, now: opts.now ?? new Date() }); // e-mail waves (docs/invitations.md)
    await addDemoTelegram(tx, ids.orgId);
    // Support contacts of the same stores and customers (docs/support.md); links some CSAT answers to the contact they follow.
    await insertDemoSupport(tx, ids, { seed: opts.seed ?? 20_260_101, now: opts.now ?? new Date(), days: opts.days ?? 182 });
    // The staff pulse survey's anonymous answers (docs/staff.md "In the demo"); before the rollups, which count them.
    await insertDemoStaffResponses(tx, ids, { seed: opts.seed ?? 20_260_101, now: opts.now ?? new Date(), days: opts.days ?? 182 });
    // Footfall, shifts, till transactions and the referral loop (docs/store-economics.md "In the demo"); after the contacts and answers they follow.
    await insertDemoStoreEconomics(tx, ids, { seed: opts.seed ?? 20_260_101, now: opts.now ?? new Date(), days: opts.days ?? 182 });
    const { scoreRows } = await buildDemoRollups(tx, ids.orgId);
    await insertDemoIntegrations(tx, ids.orgId, ids.surveys.get(DEMO_SLUG)!.id);
    await insertDemoReviews(tx, ids, { seed: opts.seed ?? 20_260_101, now: opts.now ?? new Date(), days: opts.days ?? 182 });
    // Alert rules and what they fired over the last weeks, with the bell (docs/closed-loop.md "Alerts").
    await insertDemoAlerts(tx, ids, { now: opts.now ?? new Date(), surveySlug: DEMO_SLUG });
    await insertDemoLetters(tx, ids, { now: opts.now ?? new Date() }); // letters read from the feedback mailbox, some with cases (docs/closed-loop.md)
    // Follow-up cases of the demo's detractors and complaints-book claims (docs/closed-loop.md "Cases").
    await insertDemoCases(tx, ids, { seed: opts.seed ?? 20_260_101, now: opts.now ?? new Date() });
    await linkDemoAlertsToCases(tx, ids.orgId); // the detractor rule's alerts and the cases of the same answers
    // Case routing, business hours, limits, escalations and recovery answers (docs/closed-loop.md); after the cases demo.
    await insertDemoCaseOps(tx, ids, { seed: opts.seed ?? 20_260_101, now: opts.now ?? new Date(), passwordHash: opts.passwordHash });
    // Action plans at the improving and the declining store (docs/closed-loop.md "Action plans").
    await insertDemoActionPlans(tx, ids, { now: opts.now ?? new Date() });
    // Focus groups and key-client debriefs, some findings linked to those plans (docs/staff.md "In the demo").
    await insertDemoFocusSessions(tx, ids, { now: opts.now ?? new Date() });
    // Mystery shopping, mystery calls, QA reviews of the support contacts, coaching and a staff quiz (docs/audits.md "In the demo").
    await insertDemoAudits(tx, ids, { seed: opts.seed ?? 20_260_101, now: opts.now ?? new Date(), passwordHash: opts.passwordHash });
    // A weekly store report to the location managers, Monday 09:00 (docs/reports.md "Reports page").
    await insertDemoReports(tx, ids, { now: opts.now ?? new Date(), surveySlug: DEMO_SLUG, ownerEmail: DEMO_OWNER_EMAIL, timeZone: DEMO_TIMEZONE });
    await insertDemoQuestionLibrary(tx, ids.orgId, DEMO_OWNER_EMAIL); // questions for the builder's "Add from library"
    // Saved progress of phone respondents: the survey's drop-off view (docs/api.md "Partial responses").
    await insertDemoProgress(tx, ids, { seed: opts.seed ?? 20_260_101, now: opts.now ?? new Date(), surveySlug: DEMO_SLUG });
    // Who did what over the demo's months: sign-ins, the survey published, a role change, exports, a report schedule (docs/audit-log.md).
    await insertDemoAuditLog(tx, ids, { now: opts.now ?? new Date(), days: opts.days ?? 182, surveyId: ids.surveys.get(DEMO_SLUG)!.id });
    return { status: 'created', orgId: ids.orgId, responses, answers, scoreRows, ms: 0 };
  });
  if (result.status === 'created') {
    // Fresh statistics so the first dashboard queries get good plans (ANALYZE cannot be rolled back, so after commit).
    await pool.query(`analyze responses, answers, ${ROLLUP_TABLES.join(', ')}, footfall_hours, sales_transactions, store_hour_sales, staff_shifts`);
    result.ms = Date.now() - started;
  }
  return result;
}

/** Sets a new password for the demo users; returns how many were updated. */
export async function resetDemoPasswords(pool: Pool, orgId: string, passwordHash: string): Promise<number> {
  return withTransaction(pool, async (tx) => {
    const { rows } = await tx.query(
      `update users set password_hash = $2 where org_id = $1 and lower(email) = any($3::text[]) returning id`,
      [orgId, passwordHash, [DEMO_OWNER_EMAIL, DEMO_MANAGER_EMAIL, DEMO_ANALYST_EMAIL, DEMO_REGION_MANAGER.email, DEMO_AUDITOR.email, DEMO_QA_LEAD.email]],
    );
    // Whoever was signed in with the old password is signed out.
    await tx.query(`delete from sessions where org_id = $1 and user_id = any($2::uuid[])`, [orgId, rows.map((r) => r.id)]);
    return rows.length;
  });
}
