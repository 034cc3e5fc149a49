/**
 * Names the support dashboard and its API share (no zod: the dashboard imports these as values): the
 * groups KPIs are broken down by, the time distribution's buckets and the repeat-contact metric's name.
 */

export const SUPPORT_GROUPS = ['agent', 'team', 'location', 'channel', 'category', 'priority'] as const;
export type SupportGroup = (typeof SUPPORT_GROUPS)[number];

/** Upper bounds (seconds, exclusive) of the time distribution's buckets: <15m, 15m-1h, 1-4h, 4-24h, 1-3d, >3d. */
export const SUPPORT_TIME_BUCKETS = [900, 3600, 14_400, 86_400, 259_200] as const;

/** The name of the repeat-contact rate with its window (METRICS.md repeat.v1: the window is part of the name). */
export const repeatMetricName = (days: number) => `repeat_${days}d`;
