/** Domain errors carry a stable snake_case code; HTTP status mapping lives in src/http/errors.ts. */
export type ErrorCode =
  | 'validation'
  | 'not_found'
  | 'unauthorized'
  | 'forbidden'
  /** a staff survey's individual answers or small groups: only /api/v1/staff/results shows them (docs/staff.md) */
  | 'staff_anonymous'
  | 'conflict'
  | 'rate_limited'
  | 'insufficient_data'
  | 'survey_closed'
  | 'setup_done'
  | 'unavailable'
  | 'internal'
  /** PDF rendering needs Chromium and it could not start (docs/reports.md) */
  | 'pdf_unavailable';

export class DomainError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
