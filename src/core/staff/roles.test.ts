import { describe, expect, it } from 'vitest';
import { staffRoleIssues } from './roles.ts';

describe('staffRoleIssues', () => {
  it('accepts each role on its question type once in a staff survey', () => {
    expect(
      staffRoleIssues('staff', [
        { type: 'nps', staffRole: 'expected_nps' },
        { type: 'rating', boxMin: 4, staffRole: 'expected_csat' },
        { type: 'multi', staffRole: 'expected_complaints' },
        { type: 'single', staffRole: 'team' },
      ]),
    ).toEqual([]);
  });

  it('refuses roles in customer surveys, on the wrong type, and twice', () => {
    expect(staffRoleIssues('customers', [{ type: 'single', staffRole: 'team' }])).toEqual([
      { path: ['questions', 0, 'staffRole'], message: 'only questions of staff surveys have a staff role' },
    ]);
    const wrong = staffRoleIssues('staff', [
      { type: 'rating', staffRole: 'expected_nps' },
      { type: 'rating', staffRole: 'expected_csat' },
      { type: 'single', staffRole: 'expected_complaints' },
      { type: 'multi', staffRole: 'team' },
    ]);
    expect(wrong.map((i) => i.message)).toEqual([
      'expected_nps needs an NPS (0..10) question',
      'expected_csat needs a rating question with boxMin (or the csat metric)',
      'expected_complaints needs a multiple-choice question',
      'team needs a single-choice question',
    ]);
    expect(staffRoleIssues('staff', [{ type: 'single', staffRole: 'team' }, { type: 'single', staffRole: 'team' }])).toEqual([
      { path: ['questions', 1, 'staffRole'], message: 'the role team is already given to an earlier question' },
    ]);
  });

  it('leaves the audience rule to the command when the audience is not given, and skips archived entries', () => {
    expect(staffRoleIssues(undefined, [{ type: 'single', staffRole: 'team' }])).toEqual([]);
    expect(staffRoleIssues('customers', [{ type: 'single', staffRole: 'team', archivedInVersion: 2 }])).toEqual([]);
  });
});
