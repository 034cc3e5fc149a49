/** @module The data-quality reasons a response can be flagged with (docs/analytics.md "Data validation"); the rules themselves are SQL in src/db/quality/responseFlags.ts. */
export const QUALITY_REASONS = ['missing_required', 'straight_lining', 'duplicate_contact', 'speeder', 'unknown_location'] as const;
export type QualityReason = (typeof QUALITY_REASONS)[number];
