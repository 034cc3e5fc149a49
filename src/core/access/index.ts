/**
 * Who may do what: one role -> action matrix and the location-subtree rule. Pure; no I/O.
 * A principal's location grants cover each granted node's whole subtree.
 */
// auditor: a mystery shopper or internal auditor (docs/audits.md): sees only their assignments, submits visits, no dashboards
export const ROLES = ['owner', 'admin', 'analyst', 'location_manager', 'viewer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];
/** Roles that take part in cases (compensation limits are set per role): everyone but the auditor, who only submits visits. */
export const CASE_ROLES = ['owner', 'admin', 'analyst', 'location_manager', 'viewer'] as const satisfies readonly Role[];
/** Roles an invitation may grant: owners are made by promoting an existing user. */
export const INVITABLE_ROLES = ['admin', 'analyst', 'location_manager', 'viewer', 'auditor'] as const satisfies readonly Role[];

export const ACTIONS = [
  'org.manage', 'user.invite', 'user.manage', 'location.edit', 'location.read', 'survey.create', 'survey.edit',
  'survey.read', 'response.read', 'response.exclude', 'metrics.read', 'rollups.rebuild',
  'contact.read', 'contact.edit', 'contact.privacy', 'support.import',
  // closed loop (docs/closed-loop.md): work cases (of one's locations), configure routing / limits /
  // the feedback mailbox, manage alert rules, manage action plans
  'case.read', 'case.work', 'case.configure', 'alert.manage', 'plan.manage',
  // audits (docs/audits.md): read results and published visits (of one's locations), manage checklists /
  // waves / staff / quizzes / calibrations, review and publish visits and QA reviews (and decide appeals,
  // write coaching notes), submit visits (an auditor: only their own assignments), appeal a published item
  'audit.read', 'audit.manage', 'audit.review', 'audit.submit', 'audit.appeal',
  // staff voice and store economics (docs/staff.md, docs/store-economics.md): manage staff surveys' results
  // links and focus groups / debriefs; import footfall, transactions and shifts (of one's locations)
  'staff.manage', 'store.import',
  // sharing (docs/reports.md): report templates, schedules and organisation-wide saved views; public links and
  // embeds; the audit log page
  'report.manage', 'link.share', 'auditlog.read',
] as const;
export type Action = (typeof ACTIONS)[number];

const MATRIX: Record<Role, readonly Action[]> = {
  owner: [
    'org.manage', 'user.invite', 'user.manage', 'location.edit', 'location.read', 'survey.create',
    'survey.edit', 'survey.read', 'response.read', 'response.exclude', 'metrics.read', 'rollups.rebuild',
    'contact.read', 'contact.edit', 'contact.privacy', 'support.import',
    'case.read', 'case.work', 'case.configure', 'alert.manage', 'plan.manage',
    'audit.read', 'audit.manage', 'audit.review', 'audit.submit', 'audit.appeal',
    'staff.manage', 'store.import', 'report.manage', 'link.share', 'auditlog.read',
  ],
  admin: [
    'org.manage', 'user.invite', 'user.manage', 'location.edit', 'location.read', 'survey.create', 'survey.edit',
    'survey.read', 'response.read', 'response.exclude', 'metrics.read', 'rollups.rebuild',
    'contact.read', 'contact.edit', 'contact.privacy', 'support.import',
    'case.read', 'case.work', 'case.configure', 'alert.manage', 'plan.manage',
    'audit.read', 'audit.manage', 'audit.review', 'audit.submit', 'audit.appeal',
    'staff.manage', 'store.import', 'report.manage', 'link.share', 'auditlog.read',
  ],
  analyst: [
    'location.read', 'survey.create', 'survey.edit', 'survey.read', 'response.read', 'response.exclude', 'metrics.read', 'contact.read', 'contact.edit', 'support.import',
    'case.read', 'case.work', 'alert.manage', 'plan.manage',
    'audit.read', 'audit.manage', 'audit.review', 'audit.submit',
    'staff.manage', 'store.import', 'report.manage', 'link.share',
  ],
  // Support contacts and cases of their own locations only (src/db/support/storeEvents.ts, src/db/cases refuse the others).
  // Published audits of their own locations; they may appeal an item of them once.
  location_manager: [
    'location.read', 'survey.read', 'response.read', 'metrics.read', 'contact.read', 'support.import', 'case.read', 'case.work',
    'audit.read', 'audit.appeal', 'store.import',
  ],
  viewer: ['location.read', 'survey.read', 'metrics.read', 'audit.read'],
  // Their own assignments only (src/db/audits refuses the others); no dashboards, no locations list.
  auditor: ['audit.submit'],
};

export interface Principal {
  orgId: string;
  userId: string;
  role: Role;
  /** Paths of the granted location nodes; null means the whole organisation. */
  locationPaths: string[] | null;
}

/** What one request may read: the organisation and the location subtrees (null = all). */
export interface Scope {
  orgId: string;
  locationPaths: string[] | null;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function roleAllows(role: Role, action: Action): boolean {
  return MATRIX[role].includes(action);
}

/** True when `path` lies inside one of the granted subtrees (or the principal is unrestricted). */
export function pathInScope(scope: Pick<Scope, 'locationPaths'>, path: string | null): boolean {
  if (scope.locationPaths === null) return true;
  if (path === null) return false;
  return scope.locationPaths.some((granted) => path.startsWith(granted));
}

export function can(principal: Principal, action: Action, target?: { orgId: string; locationPath?: string | null }): boolean {
  if (!roleAllows(principal.role, action)) return false;
  if (!target) return true;
  if (target.orgId !== principal.orgId) return false;
  if (target.locationPath === undefined) return true;
  return pathInScope(principal, target.locationPath);
}

export function scopeOf(principal: Principal): Scope {
  return { orgId: principal.orgId, locationPaths: principal.locationPaths };
}

/** Location managers are always limited; other roles are limited only when given locations (an auditor's reach is their assignments). */
export function effectiveLocationPaths(role: Role, grantedPaths: string[]): string[] | null {
  if (role === 'owner') return null;
  if (role === 'location_manager') return grantedPaths;
  return grantedPaths.length > 0 ? grantedPaths : null;
}

/**
 * Scope of the "rest of the company" benchmark of a comparison: the whole organisation, for anyone
 * who may read metrics. Only one aggregate built from it (a metric result: value, n, interval) may
 * reach the caller, never rows per location, location ids or names; and the aggregate must pool at
 * least two locations, or it would be one store's own figure.
 * @returns null when the role may not read metrics
 */
export function benchmarkScope(principal: Principal): Scope | null {
  if (!roleAllows(principal.role, 'metrics.read')) return null;
  return { orgId: principal.orgId, locationPaths: null };
}
