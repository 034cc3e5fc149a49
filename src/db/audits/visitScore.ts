/**
 * @module Writing a visit's score: the one place that turns stored answers into the score columns of
 * audit_visits and the per-item rows of audit_visit_items (by src/core/audits/scoring.ts), in the caller's
 * transaction. Submitting, a reviewer's correction, an upheld appeal, QA reviews and the demo all call it.
 */
import type { Queryable } from '../connection.ts';
import { parseChecklist, type ChecklistDefinition } from '../../core/audits/checklist.ts';
import { scoringAnswers, type StoredAnswers } from '../../core/audits/answers.ts';
import { scoreVisit, type VisitScore } from '../../core/audits/scoring.ts';

/** A checklist version's definition, or null when the organisation has no such version. */
export async function loadChecklistVersion(q: Queryable, orgId: string, checklistId: string, version: number): Promise<ChecklistDefinition | null> {
  const { rows } = await q.query(
    `/* loadChecklistVersion */ select definition from checklist_versions where org_id = $1 and checklist_id = $2 and version = $3`,
    [orgId, checklistId, version],
  );
  return rows[0] ? parseChecklist(rows[0].definition) : null;
}

/** Stores `answers` on the visit and rewrites its score and item rows. Returns the score. */
export async function writeVisitScore(tx: Queryable, orgId: string, visitId: string, definition: ChecklistDefinition, answers: StoredAnswers): Promise<VisitScore> {
  const score = scoreVisit(definition, scoringAnswers(definition, answers));
  await tx.query(
    `/* writeVisitScore.visit */ update audit_visits set answers = $3, score = $4, earned = $5, possible = $6, autofail = $7, updated_at = now()
     where org_id = $1 and id = $2`,
    [orgId, visitId, JSON.stringify(answers), score.score, score.earned, score.possible, score.autofail],
  );
  await tx.query(`/* writeVisitScore.clear */ delete from audit_visit_items where org_id = $1 and visit_id = $2`, [orgId, visitId]);
  if (score.items.length > 0) {
    await tx.query(
      `/* writeVisitScore.items */ insert into audit_visit_items(org_id, visit_id, item_key, section_key, standard, critical, applicable, earned, possible, failed)
       select $1, $2, i.key, i.section_key, i.standard, i.critical, i.applicable, i.earned, i.possible, i.failed
       from jsonb_to_recordset($3::jsonb) as i(key text, section_key text, standard text, critical boolean, applicable boolean, earned float8, possible float8, failed boolean)`,
      [orgId, visitId, JSON.stringify(score.items.map((i) => ({ key: i.key, section_key: i.sectionKey, standard: i.standard, critical: i.critical, applicable: i.applicable, earned: i.earned, possible: i.possible, failed: i.failed })))],
    );
  }
  return score;
}

/** A new visit as stored (src/db/migrations/105_audits.sql, audit_visits). */
export interface NewVisitRow {
  orgId: string;
  kind: 'visit' | 'call' | 'chat' | 'internal' | 'qa';
  checklistId: string;
  checklistVersion: number;
  waveId?: string | null;
  assignmentId?: string | null;
  calibrationId?: string | null;
  locationId?: string | null;
  employeeId?: string | null;
  employeeLabel?: string | null;
  supportContactId?: string | null;
  auditorId?: string | null;
  clientKey?: string | null;
  visitedAt: Date;
  position?: { latitude: number; longitude: number; accuracyM: number | null } | null;
  notes?: string | null;
  status?: 'submitted' | 'reviewed' | 'published';
  submittedAt?: Date;
}

/**
 * Inserts a visit with its answers and score, in the caller's transaction. A visit whose client key was
 * stored already (the same submission sent twice from a phone) is not stored again: its id comes back
 * with `created: false`.
 */
export async function insertVisit(tx: Queryable, v: NewVisitRow, definition: ChecklistDefinition, answers: StoredAnswers): Promise<{ id: string; created: boolean; score: VisitScore | null }> {
  const { rows } = await tx.query(
    `/* insertVisit */ insert into audit_visits(org_id, kind, checklist_id, checklist_version, wave_id, assignment_id, calibration_id, location_id,
       employee_id, employee_label, support_contact_id, auditor_id, client_key, visited_at, latitude, longitude, position_accuracy_m, notes, status, submitted_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, coalesce($20, now()))
     on conflict (org_id, client_key) where client_key is not null do nothing
     returning id`,
    [
      v.orgId, v.kind, v.checklistId, v.checklistVersion, v.waveId ?? null, v.assignmentId ?? null, v.calibrationId ?? null, v.locationId ?? null,
      v.employeeId ?? null, v.employeeLabel ?? null, v.supportContactId ?? null, v.auditorId ?? null, v.clientKey ?? null, v.visitedAt,
      v.position?.latitude ?? null, v.position?.longitude ?? null, v.position?.accuracyM ?? null, v.notes ?? null, v.status ?? 'submitted', v.submittedAt ?? null,
    ],
  );
  if (!rows[0]) {
    const existing = await tx.query(`/* insertVisit.existing */ select id from audit_visits where org_id = $1 and client_key = $2`, [v.orgId, v.clientKey]);
    return { id: existing.rows[0].id, created: false, score: null };
  }
  const score = await writeVisitScore(tx, v.orgId, rows[0].id, definition, answers);
  return { id: rows[0].id, created: true, score };
}
