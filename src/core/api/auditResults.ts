/**
 * @module The audit results API (docs/audits.md "Results"): GET /api/v1/audits/result-options, /summary, /by-location, /by-employee,
 * /trend, /items, /autofails, /to-fix, /benchmark, /customer-link. Queries are validated with these schemas; the
 * answers are typed here for the dashboard.
 */
import { z } from 'zod';
import { LANGUAGES } from '../i18n/languages.ts';
import type { CorrelationResult } from '../stats/correlation.ts';
import type { MetricResult } from '../stats/result.ts';
import { Day, Uuid } from './common.ts';

/** The filters of every results read: org-local days of visited_at, a location subtree, a checklist, a wave, a kind; `lang` of item texts. */
export const AuditResultsQuery = z.object({
  from: Day.optional(),
  to: Day.optional(),
  location: Uuid.optional(),
  checklistId: Uuid.optional(),
  waveId: Uuid.optional(),
  kind: z.enum(['visit', 'call', 'chat', 'internal']).optional(),
  lang: z.enum(LANGUAGES).default('en'),
});
export type AuditResultsQueryT = z.infer<typeof AuditResultsQuery>;

export const AuditTrendQuery = AuditResultsQuery.extend({ interval: z.enum(['week', 'month']).default('month') });
export const AuditCustomerLinkQuery = AuditResultsQuery.extend({
  /** NPS and CSAT from this survey's first NPS and CSAT questions; default: every survey's (pooled). */
  survey: Uuid.optional(),
});

/** A pooled score: 100 x earned / possible over the applicable items (null: nothing applicable). */
export interface PooledScore {
  score: number | null;
  earned: number;
  possible: number;
  /** Applicable item outcomes pooled. */
  items: number;
  /** Visits contributing. */
  visits: number;
}

export interface VisitFigures {
  /** Published visits. */
  n: number;
  /** Mean of the visit scores (autofail = 0; visits with nothing applicable left out). */
  mean: number | null;
  autofails: number;
  /** autofails / n, percent. */
  autofailRate: number | null;
}

export interface AuditSummaryAnswer extends VisitFigures {
  from: string | null;
  to: string | null;
  /** The period of the same length just before `from` (only with both from and to). */
  previous: (VisitFigures & { from: string; to: string }) | null;
  /** mean - previous.mean, in points. */
  change: number | null;
  /** For a caller limited to some locations: the whole organisation's own visits in the same filters (but location), as one benchmark number. */
  company: { n: number; mean: number | null } | null;
  standards: ({ key: string } & PooledScore)[];
  sections: ({ checklistId: string; checklistName: string; key: string; name: string } & PooledScore)[];
}

export interface AuditGroupRow {
  n: number;
  mean: number | null;
  autofails: number;
  latest: string;
}

export interface AuditByLocationAnswer {
  locations: ({ id: string; name: string } & AuditGroupRow)[];
}

export interface AuditByEmployeeAnswer {
  employees: ({ employeeId: string | null; name: string; locationName: string | null } & AuditGroupRow)[];
}

export interface AuditTrendAnswer {
  interval: 'week' | 'month';
  points: { period: string; n: number; mean: number | null; autofails: number }[];
}

export interface AuditItemsAnswer {
  items: {
    checklistId: string;
    checklistName: string;
    key: string;
    text: string;
    sectionKey: string;
    standard: string | null;
    critical: boolean;
    applicable: number;
    failed: number;
    /** failed / applicable, percent. */
    failRate: number | null;
    score: number | null;
    earned: number;
    possible: number;
  }[];
}

export interface AuditVisitWithItems {
  visitId: string;
  day: string;
  kind: string;
  location: { id: string; name: string } | null;
  checklistId: string;
  checklistName: string;
  score: number | null;
  autofail: boolean;
  items: { key: string; text: string; critical: boolean }[];
}

export interface AuditAutofailsAnswer {
  /** Newest first, at most 200. */
  visits: AuditVisitWithItems[];
}

export interface AuditToFixAnswer {
  /** The latest visit of each own location in scope with its failed items. */
  visits: AuditVisitWithItems[];
}

export interface AuditBenchmarkAnswer {
  own: VisitFigures;
  competitors: VisitFigures;
  standards: { key: string; own: PooledScore; competitors: PooledScore }[];
  /** Per competitor location, by its name only. */
  competitorLocations: { id: string; name: string; n: number; mean: number | null; standards: ({ key: string } & PooledScore)[] }[];
}

export interface AuditCustomerLinkAnswer {
  caveat: string;
  locations: {
    id: string;
    name: string;
    audit: { n: number; mean: number | null };
    standards: ({ key: string } & PooledScore)[];
    nps: MetricResult;
    csat: MetricResult;
  }[];
  correlations: { standard: string; nps: CorrelationResult; csat: CorrelationResult }[];
  minLocations: number;
}

/** GET /audits/result-options: the checklists and waves of the published visits the caller may see (the filters' choices). */
export interface AuditResultOptionsAnswer {
  checklists: { id: string; name: string }[];
  waves: { id: string; name: string }[];
}
