/**
 * @module Audit waves and assignments (docs/audits.md "Waves and assignments"): who may be an auditor, where
 * due dates fall, and a wave's progress. Pure; no I/O.
 */
import type { Role } from '../access/index.ts';
import { addDays, daysBetween, type CalendarDay } from '../time/orgCalendar.ts';

export const WAVE_STATUSES = ['planned', 'open', 'closed'] as const;

export const ASSIGNMENT_STATUSES = ['assigned', 'submitted', 'cancelled'] as const;

/** Location kinds a wave may visit: the own stores and branches (any kind but `company`) and competitors. */
export const AUDITABLE_LOCATION_KINDS = ['region', 'store', 'branch', 'call_center', 'team', 'other', 'competitor'] as const;

/** Roles that may carry out a visit: mystery shoppers (`auditor`) and staff doing internal checks. */
export const AUDITOR_ROLES = ['auditor', 'owner', 'admin', 'analyst'] as const satisfies readonly Role[];

export function canBeAuditor(role: string): boolean {
  return (AUDITOR_ROLES as readonly string[]).includes(role);
}

/** The due date lies inside the wave's period (both ends included). */
export function dueInWave(due: CalendarDay, wave: { startsOn: CalendarDay; endsOn: CalendarDay }): boolean {
  return due >= wave.startsOn && due <= wave.endsOn;
}

/**
 * `n` due dates spread over the period: the middle of each of n equal parts, so one visit falls mid-period
 * and two at a quarter and three quarters. Every date lies inside the period; with more visits than days,
 * days repeat.
 * @example spreadDueDates('2026-03-01', '2026-03-30', 2) // ['2026-03-08', '2026-03-23']
 */
export function spreadDueDates(startsOn: CalendarDay, endsOn: CalendarDay, n: number): CalendarDay[] {
  const days = daysBetween(startsOn, endsOn) + 1;
  return Array.from({ length: n }, (_, i) => addDays(startsOn, Math.min(days - 1, Math.floor(((i + 0.5) * days) / n))));
}

export interface WaveProgress {
  /** Planned visits that are not cancelled. */
  assigned: number;
  /** Of those, visits submitted (in any review status). */
  submitted: number;
  /** Of those, visits published to the location. */
  published: number;
  cancelled: number;
}

/** Percent of the assigned visits that were submitted / published (0 for a wave without assignments). */
export function progressShare(p: WaveProgress): { submitted: number; published: number } {
  if (p.assigned === 0) return { submitted: 0, published: 0 };
  return { submitted: (100 * p.submitted) / p.assigned, published: (100 * p.published) / p.assigned };
}
