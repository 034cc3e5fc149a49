/**
 * @module Which questions may carry a staff role (docs/staff.md "Employee surveys and anonymity"): roles
 * only in staff surveys, each role at most once, and each on the question type it reads. Pure; no I/O.
 */
import type { QuestionType, StaffRole, SurveyAudience } from '../surveys/types.ts';

interface RoleQuestion {
  type: QuestionType;
  metric?: string;
  staffRole?: StaffRole;
  boxMin?: number;
  archivedInVersion?: number | null;
}

/** The question a role needs, and the message when another kind carries it. */
const NEEDS: Record<StaffRole, { ok: (q: RoleQuestion) => boolean; message: string }> = {
  expected_nps: { ok: (q) => q.type === 'nps', message: 'expected_nps needs an NPS (0..10) question' },
  expected_csat: { ok: (q) => q.type === 'rating' && (q.boxMin !== undefined || q.metric === 'csat'), message: 'expected_csat needs a rating question with boxMin (or the csat metric)' },
  expected_complaints: { ok: (q) => q.type === 'multi', message: 'expected_complaints needs a multiple-choice question' },
  team: { ok: (q) => q.type === 'single', message: 'team needs a single-choice question' },
};

/**
 * Issues at ['questions', i, 'staffRole']; archived entries are kept as stored and not checked.
 * @param audience undefined when not known yet (an update that keeps the stored audience): the command
 *   checks again with the stored one.
 */
export function staffRoleIssues(audience: SurveyAudience | undefined, questions: readonly RoleQuestion[]): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const seen = new Set<StaffRole>();
  questions.forEach((q, i) => {
    if (!q.staffRole || q.archivedInVersion) return;
    const path = ['questions', i, 'staffRole'];
    if (audience === 'customers') issues.push({ path, message: 'only questions of staff surveys have a staff role' });
    else if (!NEEDS[q.staffRole].ok(q)) issues.push({ path, message: NEEDS[q.staffRole].message });
    else if (seen.has(q.staffRole)) issues.push({ path, message: `the role ${q.staffRole} is already given to an earlier question` });
    seen.add(q.staffRole);
  });
  return issues;
}
