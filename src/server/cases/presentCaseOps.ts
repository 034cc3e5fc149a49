/** Presenters of the case-operations settings: business hours with what each location inherits, limits for every role. */
import { CASE_ROLES } from '../../core/access/index.ts';
import type { BusinessHoursAnswer, CompensationLimitsAnswer } from '../../core/api/caseOps.ts';
import type { Queryable } from '../../db/connection.ts';
import type { LocationHoursRow } from '../../db/cases/businessHours.ts';
import { getCompensationLimits } from '../../db/cases/compensationLimits.ts';

export function presentBusinessHours(org: { businessHours: string | null; timeZone: string }, rows: LocationHoursRow[]): BusinessHoursAnswer {
  const depthOf = (path: string) => path.split('/').filter(Boolean).length - 1;
  return {
    businessHours: org.businessHours,
    timeZone: org.timeZone,
    locations: rows.map((r) => ({
      id: r.id,
      name: r.name,
      parentId: r.parentId,
      depth: depthOf(r.path),
      businessHours: r.businessHours,
      effective: r.businessHours ?? r.ancestor?.hours ?? org.businessHours,
      inheritedFrom: r.businessHours ? 'self' : r.ancestor ? { locationId: r.ancestor.id, name: r.ancestor.name } : org.businessHours ? 'org' : 'none',
    })),
  };
}

export async function presentCompensationLimits(db: Queryable, orgId: string): Promise<CompensationLimitsAnswer> {
  const { currency, limits } = await getCompensationLimits(db, orgId);
  return { currency, limits: CASE_ROLES.map((role) => ({ role, maxAmount: limits.get(role) ?? null })) };
}
