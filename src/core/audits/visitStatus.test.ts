import { describe, expect, it } from 'vitest';
import { canAppeal, canCorrect, moveVisit, VisitStatusError } from './visitStatus.ts';

describe('moveVisit', () => {
  it('reviews a submitted visit', () => {
    expect(moveVisit('submitted', 'review')).toEqual({ status: 'reviewed', recordsReview: true, recordsPublish: false });
  });
  it('publishes a reviewed visit without recording a second review', () => {
    expect(moveVisit('reviewed', 'publish')).toEqual({ status: 'published', recordsReview: false, recordsPublish: true });
  });
  it('publishes a submitted visit in one step and records it as reviewed too', () => {
    expect(moveVisit('submitted', 'publish')).toEqual({ status: 'published', recordsReview: true, recordsPublish: true });
  });
  it('refuses to review twice, to review a published visit, and to publish twice', () => {
    expect(() => moveVisit('reviewed', 'review')).toThrow(new VisitStatusError('The visit is reviewed already'));
    expect(() => moveVisit('published', 'review')).toThrow(VisitStatusError);
    expect(() => moveVisit('published', 'publish')).toThrow('The visit is published already');
  });
});

describe('corrections and appeals', () => {
  it('allows corrections before publishing only, appeals after it only', () => {
    expect([canCorrect('submitted'), canCorrect('reviewed'), canCorrect('published')]).toEqual([true, true, false]);
    expect([canAppeal('submitted'), canAppeal('reviewed'), canAppeal('published')]).toEqual([false, false, true]);
  });
});
