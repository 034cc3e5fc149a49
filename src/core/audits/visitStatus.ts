/**
 * @module A visit's review workflow (docs/audits.md "Review, publishing and appeals"): submitted -> reviewed ->
 * published. A reviewer may correct answers (with a logged reason) until the visit is published; a
 * submitted visit may be published in one step, and is then recorded as reviewed too. After publishing, an
 * answer changes only through an upheld appeal, and only a published visit can be appealed. Pure; no I/O.
 */
/** What a visit is (audit_visits.kind): a store visit, a mystery call or chat, an internal check, a QA review of a support contact. */
export const VISIT_KINDS = ['visit', 'call', 'chat', 'internal', 'qa'] as const;

export const VISIT_STATUSES = ['submitted', 'reviewed', 'published'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

export type VisitMove = 'review' | 'publish';

export interface MoveResult {
  /** The status after the move. */
  status: VisitStatus;
  /** The move also records the review (reviewed_at / reviewed_by): a review, or publishing a submitted visit. */
  recordsReview: boolean;
  /** The move records publishing (published_at / published_by). */
  recordsPublish: boolean;
}

/** Why a move is refused, in words for the API's 409. */
export class VisitStatusError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VisitStatusError';
  }
}

/** The status after `move`, or a VisitStatusError when the visit's status does not allow it. */
export function moveVisit(current: VisitStatus, move: VisitMove): MoveResult {
  if (move === 'review') {
    if (current === 'submitted') return { status: 'reviewed', recordsReview: true, recordsPublish: false };
    throw new VisitStatusError(current === 'reviewed' ? 'The visit is reviewed already' : 'The visit is published already');
  }
  if (current === 'published') throw new VisitStatusError('The visit is published already');
  return { status: 'published', recordsReview: current === 'submitted', recordsPublish: true };
}

/** A reviewer's correction is allowed before publishing only (after it, through an appeal). */
export function canCorrect(status: VisitStatus): boolean {
  return status !== 'published';
}

/** Only a published visit can be appealed (by the location's manager, once per item). */
export function canAppeal(status: VisitStatus): boolean {
  return status === 'published';
}
