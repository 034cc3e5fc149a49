/**
 * The closed list of audit-log actions (docs/audit-log.md). Every recorded event names one of these; the
 * dashboard names each in the interface language (src/web/auditLog/messages*.ts), and the filter offers them
 * grouped by their first part. A new feature adds its actions here (and their names in en, ru and fa).
 */
export const AUDIT_ACTIONS = [
  // signing in and out (a failure is recorded when the e-mail belongs to a user; the password never is)
  'auth.sign_in', 'auth.sign_in_failed', 'auth.sign_out',
  // users and their invitations; `user.update` carries the role, locations and disabled flag before and after
  'user.create', 'user.update', 'user.delete', 'user.password_reset_link', 'user.password_reset', 'user.password_change',
  'user.totp_enable', 'user.totp_disable',
  'invitation.create', 'invitation.renew', 'invitation.revoke', 'invitation.accept', 'invitation.trigger',
  // the organisation's settings
  'org.update', 'org.require_totp', 'org.branding', 'org.logo', 'settings.update', 'referrals.settings',
  'location.create', 'location.update', 'location.delete', 'location.import',
  // surveys: `survey.status` is a move back to draft; going live and closing have their own names
  'survey.create', 'survey.update', 'survey.publish', 'survey.close', 'survey.status', 'survey.duplicate', 'survey.archive',
  'survey.restore', 'survey.delete', 'survey.widget',
  // answers and exports
  'response.exclude', 'response.include', 'responses.export', 'table.export', 'checklist.export',
  'contact.create', 'contact.update', 'contact.import', 'contact.export', 'contact.erase', 'contact.unsubscribe', 'contact.delete',
  'contact_attribute.create', 'contact_attribute.update', 'contact_attribute.delete',
  'review.import', 'review.delete', 'job.retry',
  // integrations
  'api_key.create', 'api_key.revoke', 'webhook.create', 'webhook.update', 'webhook.delete', 'webhook.resend',
  // sharing (docs/reports.md): reports, their schedules and deliveries, public links
  'report.create', 'report.update', 'report.delete', 'report.schedule.create', 'report.schedule.update', 'report.schedule.delete',
  'report.send', 'report.download', 'link.create', 'link.revoke',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The group of an action (its first part: `report.schedule.create` -> `report`), for the filter's sections. */
export const auditActionGroup = (action: string): string => action.split('.')[0]!;

/** Who did it: a signed-in user, an API key, or the application itself (jobs, the command line). */
export const AUDIT_ACTOR_KINDS = ['user', 'api_key', 'system'] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];
