/**
 * @module A case's SLA due time: CASE_SLA_BUSINESS_HOURS of its priority, counted in the business hours
 * of its location (src/core/support/businessHours.ts); with no business hours set, round the clock.
 */
import { addBusinessSeconds, parseBusinessHours } from '../support/businessHours.ts';
import { CASE_SLA_BUSINESS_HOURS, type CasePriority } from './model.ts';

export function caseDueAt(openedAt: Date, priority: CasePriority, businessHours: string | null, timeZone: string): Date {
  const seconds = CASE_SLA_BUSINESS_HOURS[priority] * 3600;
  const cal = businessHours ? parseBusinessHours(businessHours, timeZone) : null;
  const due = cal && typeof cal !== 'string' ? addBusinessSeconds(openedAt, seconds, cal) : null;
  return due ?? new Date(openedAt.getTime() + seconds * 1000);
}

/** Overdue: still open after its due time. */
export function isOverdue(c: { dueAt: Date | null; open: boolean }, now: Date): boolean {
  return c.open && c.dueAt !== null && c.dueAt.getTime() < now.getTime();
}
