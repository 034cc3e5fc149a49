/**
 * An organisation for the waves / visits tests: a region with stores A and B and a competitor, a checklist
 * (version 1) and the people: owner, analyst (reviewer), store managers of A and B, a viewer of A, an auditor.
 */
import type pg from 'pg';
import { buildLocation, buildOrg, buildUser } from '../../helpers/app.ts';
import { parseChecklist } from '../../../src/core/audits/checklist.ts';
import { parseStoredAnswers } from '../../../src/core/audits/answers.ts';
import { insertVisit } from '../../../src/db/audits/visitScore.ts';
import { withTransaction } from '../../../src/db/tx.ts';

/**
 * greet 2 points (yes/no), smile 1 point (yes/no/N-A), wait 3 points (number: at most 5 minutes),
 * clean 4 points critical; shelf a photo item (no points).
 */
export const CHECKLIST = {
  name: { en: 'Store visit', ru: 'Визит в магазин' },
  sections: [
    { key: 'welcome', name: 'Welcome', items: [
      { key: 'greet', text: { en: 'Greeted within 30 seconds', ru: 'Поприветствовали за 30 секунд' }, points: 2, standard: 'greeting' },
      { key: 'smile', text: 'Smiled', points: 1, answerType: 'yes_no_na', standard: 'greeting' },
    ] },
    { key: 'checkout', name: 'Checkout', items: [
      { key: 'wait', text: 'Waiting time at the till', points: 3, answerType: 'number', passRule: { op: 'lte', value: 5, unit: 'min' }, standard: 'checkout_speed' },
      { key: 'clean', text: 'Till area clean', points: 4, critical: true, standard: 'cleanliness' },
      { key: 'shelf', text: 'Photo of the shelf', points: 0, answerType: 'photo', evidence: 'photo' },
    ] },
  ],
};

export interface AuditOrg {
  orgId: string;
  region: { id: string; path: string };
  storeA: { id: string; path: string };
  storeB: { id: string; path: string };
  competitor: { id: string; path: string };
  rootId: string;
  checklistId: string;
  users: Record<'owner' | 'analyst' | 'managerA' | 'managerB' | 'viewerA' | 'auditor', string>;
  emails: Record<'owner' | 'analyst' | 'managerA' | 'managerB' | 'viewerA' | 'auditor', string>;
}

export async function seedAuditOrg(pool: pg.Pool, tag: string): Promise<AuditOrg> {
  const org = await buildOrg(pool, `Audit ${tag}`);
  const root = { id: org.rootLocationId, path: org.rootPath };
  const region = await buildLocation(pool, org.orgId, root, 'region', 'North');
  const storeA = await buildLocation(pool, org.orgId, region, 'store', 'Store A');
  const storeB = await buildLocation(pool, org.orgId, region, 'store', 'Store B');
  const competitor = await buildLocation(pool, org.orgId, root, 'competitor', 'Rival Mart');
  const { rows } = await pool.query(`insert into checklists(org_id, name) values ($1, 'Store visit') returning id`, [org.orgId]);
  const checklistId = rows[0].id as string;
  await pool.query(`insert into checklist_versions(org_id, checklist_id, version, definition) values ($1, $2, 1, $3)`, [org.orgId, checklistId, JSON.stringify(parseChecklist(CHECKLIST))]);
  const emails = {
    owner: `owner@${tag}.audit.test`, analyst: `analyst@${tag}.audit.test`, managerA: `lm-a@${tag}.audit.test`, managerB: `lm-b@${tag}.audit.test`,
    viewerA: `viewer-a@${tag}.audit.test`, auditor: `shopper@${tag}.audit.test`,
  };
  const users = {
    owner: await buildUser(pool, org.orgId, 'owner', emails.owner),
    analyst: await buildUser(pool, org.orgId, 'analyst', emails.analyst),
    managerA: await buildUser(pool, org.orgId, 'location_manager', emails.managerA, [storeA.id]),
    managerB: await buildUser(pool, org.orgId, 'location_manager', emails.managerB, [storeB.id]),
    viewerA: await buildUser(pool, org.orgId, 'viewer', emails.viewerA, [storeA.id]),
    auditor: await buildUser(pool, org.orgId, 'auditor', emails.auditor),
  };
  return { orgId: org.orgId, region, storeA, storeB, competitor, rootId: org.rootLocationId, checklistId, users, emails };
}

/** A visit stored as the submit endpoint would (insertVisit, the one writer). */
export async function seedVisit(
  pool: pg.Pool, o: AuditOrg, v: { locationId: string; answers: Record<string, unknown>; status?: 'submitted' | 'reviewed' | 'published'; kind?: 'visit' | 'call' | 'chat'; visitedAt?: string; notes?: string; assignmentId?: string; waveId?: string },
): Promise<string> {
  const definition = parseChecklist(CHECKLIST);
  return withTransaction(pool, async (tx) => (await insertVisit(tx, {
    orgId: o.orgId, kind: v.kind ?? 'visit', checklistId: o.checklistId, checklistVersion: 1, locationId: v.locationId, auditorId: o.users.auditor,
    visitedAt: new Date(v.visitedAt ?? '2026-11-20T10:00:00Z'), status: v.status, notes: v.notes ?? null, assignmentId: v.assignmentId ?? null, waveId: v.waveId ?? null,
  }, definition, parseStoredAnswers(definition, v.answers))).id);
}
