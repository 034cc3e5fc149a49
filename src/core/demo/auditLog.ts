/**
 * The demo's audit log (docs/audit-log.md, docs/demo.md): about thirty plausible past events by the demo's three users,
 * spread over the demo's months — sign-ins, the NPS survey edited and published, a role change with before and after,
 * exports, a report schedule, a shared link. Pure data: src/db/demo/insertDemoAuditLog.ts writes it.
 */
import type { AuditAction } from '../audit/actions.ts';
import { DEMO_ANALYST_EMAIL, DEMO_MANAGER_EMAIL, DEMO_OWNER_EMAIL } from './structure.ts';

export interface DemoAuditEvent {
  /** days before `now` (the event's day), and the hour of that day (UTC) */
  daysAgo: number;
  hour: number;
  actorEmail: string | null;
  action: AuditAction;
  /** `survey` targets the demo NPS survey; `user` the user of `targetEmail` */
  targetType: 'survey' | 'user' | 'org' | 'report' | 'link' | 'audit_log' | 'response';
  targetEmail?: string;
  targetLabel?: string;
  details?: Record<string, unknown>;
}

const OWNER = DEMO_OWNER_EMAIL;
const MANAGER = DEMO_MANAGER_EMAIL;
const ANALYST = DEMO_ANALYST_EMAIL;
const browser = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0';

/** Oldest first; `days` shortens the list to the demo's period (an event older than it is left out). */
export function demoAuditEvents(days: number): (DemoAuditEvent & { userAgent: string })[] {
  const events: DemoAuditEvent[] = [
    { daysAgo: 178, hour: 7, actorEmail: OWNER, action: 'auth.sign_in', targetType: 'user', targetEmail: OWNER },
    { daysAgo: 178, hour: 8, actorEmail: OWNER, action: 'org.update', targetType: 'org', targetLabel: 'Demo', details: { before: { timezone: 'UTC' }, after: { timezone: 'Europe/Moscow' } } },
    { daysAgo: 177, hour: 9, actorEmail: OWNER, action: 'survey.update', targetType: 'survey', details: { questions: 4 } },
    { daysAgo: 177, hour: 10, actorEmail: OWNER, action: 'survey.publish', targetType: 'survey', details: { before: { status: 'draft' }, after: { status: 'published' } } },
    { daysAgo: 170, hour: 11, actorEmail: OWNER, action: 'invitation.create', targetType: 'user', targetEmail: MANAGER, details: { role: 'location_manager' } },
    { daysAgo: 169, hour: 6, actorEmail: MANAGER, action: 'invitation.accept', targetType: 'user', targetEmail: MANAGER },
    { daysAgo: 169, hour: 6, actorEmail: MANAGER, action: 'auth.sign_in', targetType: 'user', targetEmail: MANAGER },
    { daysAgo: 160, hour: 12, actorEmail: OWNER, action: 'invitation.create', targetType: 'user', targetEmail: ANALYST, details: { role: 'viewer' } },
    { daysAgo: 159, hour: 8, actorEmail: ANALYST, action: 'auth.sign_in', targetType: 'user', targetEmail: ANALYST },
    { daysAgo: 150, hour: 13, actorEmail: OWNER, action: 'user.update', targetType: 'user', targetEmail: ANALYST, details: { before: { role: 'viewer' }, after: { role: 'analyst' } } },
    { daysAgo: 140, hour: 9, actorEmail: ANALYST, action: 'responses.export', targetType: 'survey', details: { format: 'xlsx', lang: 'en' } },
    { daysAgo: 131, hour: 7, actorEmail: MANAGER, action: 'auth.sign_in_failed', targetType: 'user', targetEmail: MANAGER },
    { daysAgo: 131, hour: 7, actorEmail: MANAGER, action: 'auth.sign_in', targetType: 'user', targetEmail: MANAGER },
    { daysAgo: 120, hour: 10, actorEmail: ANALYST, action: 'report.create', targetType: 'report', targetLabel: 'Monthly NPS by store' },
    { daysAgo: 120, hour: 10, actorEmail: ANALYST, action: 'report.schedule.create', targetType: 'report', targetLabel: 'Monthly NPS by store', details: { every: 'month', day: 1, recipients: 2 } },
    { daysAgo: 105, hour: 14, actorEmail: OWNER, action: 'survey.update', targetType: 'survey', details: { questions: 5 } },
    { daysAgo: 105, hour: 14, actorEmail: OWNER, action: 'survey.widget', targetType: 'survey', details: { enabled: true } },
    { daysAgo: 90, hour: 6, actorEmail: null, action: 'report.send', targetType: 'report', targetLabel: 'Monthly NPS by store', details: { recipients: 2 } },
    { daysAgo: 88, hour: 11, actorEmail: ANALYST, action: 'link.create', targetType: 'link', targetLabel: 'Monthly NPS by store', details: { expiresInDays: 30 } },
    { daysAgo: 75, hour: 9, actorEmail: MANAGER, action: 'auth.sign_in', targetType: 'user', targetEmail: MANAGER },
    { daysAgo: 75, hour: 9, actorEmail: MANAGER, action: 'response.exclude', targetType: 'response', targetLabel: 'Staff test answer', details: { reason: 'test' } },
    { daysAgo: 60, hour: 6, actorEmail: null, action: 'report.send', targetType: 'report', targetLabel: 'Monthly NPS by store', details: { recipients: 2 } },
    { daysAgo: 58, hour: 15, actorEmail: OWNER, action: 'user.totp_enable', targetType: 'user', targetEmail: OWNER },
    { daysAgo: 45, hour: 8, actorEmail: ANALYST, action: 'auth.sign_in', targetType: 'user', targetEmail: ANALYST },
    { daysAgo: 45, hour: 8, actorEmail: ANALYST, action: 'responses.export', targetType: 'survey', details: { format: 'csv', lang: 'en' } },
    { daysAgo: 30, hour: 6, actorEmail: null, action: 'report.send', targetType: 'report', targetLabel: 'Monthly NPS by store', details: { recipients: 3 } },
    { daysAgo: 29, hour: 12, actorEmail: OWNER, action: 'report.schedule.update', targetType: 'report', targetLabel: 'Monthly NPS by store', details: { before: { recipients: 2 }, after: { recipients: 3 } } },
    { daysAgo: 14, hour: 10, actorEmail: OWNER, action: 'table.export', targetType: 'audit_log', details: { format: 'xlsx', lang: 'ru', action: 'user' } },
    { daysAgo: 7, hour: 7, actorEmail: MANAGER, action: 'auth.sign_in', targetType: 'user', targetEmail: MANAGER },
    { daysAgo: 2, hour: 9, actorEmail: OWNER, action: 'auth.sign_in', targetType: 'user', targetEmail: OWNER },
    { daysAgo: 1, hour: 16, actorEmail: OWNER, action: 'auth.sign_out', targetType: 'user', targetEmail: OWNER },
  ];
  return events.filter((e) => e.daysAgo < days).map((e) => ({ ...e, userAgent: browser }));
}
