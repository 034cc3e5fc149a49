import { describe, expect, it } from 'vitest';
import { ACTIONS, ROLES, benchmarkScope, can, effectiveLocationPaths, pathInScope, roleAllows, scopeOf, type Action, type Principal, type Role } from './index.ts';

/** The whole matrix, written out: a change to who may do what must change this table. */
const EXPECTED: Record<Role, Action[]> = {
  owner: [...ACTIONS],
  admin: [...ACTIONS],
  analyst: [
    'location.read', 'survey.create', 'survey.edit', 'survey.read', 'response.read', 'response.exclude', 'metrics.read', 'contact.read', 'contact.edit', 'support.import',
    'case.read', 'case.work', 'alert.manage', 'plan.manage',
    'audit.read', 'audit.manage', 'audit.review', 'audit.submit',
    'staff.manage', 'store.import', 'report.manage', 'link.share',
  ],
  location_manager: [
    'location.read', 'survey.read', 'response.read', 'metrics.read', 'contact.read', 'support.import', 'case.read', 'case.work',
    'audit.read', 'audit.appeal', 'store.import',
  ],
  viewer: ['location.read', 'survey.read', 'metrics.read', 'audit.read'],
  auditor: ['audit.submit'],
};

const principal = (role: Role, locationPaths: string[] | null): Principal => ({ orgId: 'org-1', userId: 'u-1', role, locationPaths });

describe('role -> action matrix', () => {
  it.each(ROLES)('%s may do exactly its listed actions', (role) => {
    expect(ACTIONS.filter((a) => roleAllows(role, a))).toEqual(EXPECTED[role]);
  });
});

describe('location scope', () => {
  it('covers the whole subtree of each granted node, and nothing outside', () => {
    const scope = { locationPaths: ['/root/north/', '/root/call/'] };
    expect(pathInScope(scope, '/root/north/')).toBe(true);
    expect(pathInScope(scope, '/root/north/store-1/')).toBe(true);
    expect(pathInScope(scope, '/root/')).toBe(false);
    expect(pathInScope(scope, '/root/south/store-2/')).toBe(false);
    expect(pathInScope(scope, null)).toBe(false);
    expect(pathInScope({ locationPaths: null }, null)).toBe(true);
  });

  it('limits location managers always, other roles only when they have grants, owners never', () => {
    expect(effectiveLocationPaths('owner', ['/r/a/'])).toBeNull();
    expect(effectiveLocationPaths('location_manager', [])).toEqual([]);
    expect(effectiveLocationPaths('admin', [])).toBeNull();
    expect(effectiveLocationPaths('admin', ['/r/a/'])).toEqual(['/r/a/']);
    expect(scopeOf(principal('viewer', ['/r/a/']))).toEqual({ orgId: 'org-1', locationPaths: ['/r/a/'] });
  });

  it('can() needs the role, the same organisation and a location inside the scope', () => {
    const manager = principal('location_manager', ['/r/a/']);
    expect(can(manager, 'response.read')).toBe(true);
    expect(can(manager, 'survey.edit')).toBe(false);
    expect(can(manager, 'response.read', { orgId: 'org-2' })).toBe(false);
    expect(can(manager, 'response.read', { orgId: 'org-1', locationPath: '/r/a/s1/' })).toBe(true);
    expect(can(manager, 'response.read', { orgId: 'org-1', locationPath: '/r/b/' })).toBe(false);
    expect(can(manager, 'response.read', { orgId: 'org-1', locationPath: null })).toBe(false);
    expect(can(principal('admin', null), 'response.read', { orgId: 'org-1', locationPath: null })).toBe(true);
  });
});

describe('benchmarkScope', () => {
  it('reads the whole organisation for every role that reads metrics, and nothing otherwise', () => {
    for (const role of ROLES) {
      const expected = roleAllows(role, 'metrics.read') ? { orgId: 'org-1', locationPaths: null } : null;
      expect(benchmarkScope(principal(role, ['/root/store/']))).toEqual(expected);
    }
  });
});
