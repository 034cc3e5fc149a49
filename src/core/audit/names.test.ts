import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, auditActionGroup } from './actions.ts';
import { auditActionName, auditCatalogue, auditGroupName } from './names.ts';

describe('audit log names', () => {
  it('names every action and every group', () => {
    for (const a of AUDIT_ACTIONS) {
      expect(auditCatalogue.has(a)).toBe(true);
      expect(auditCatalogue.has(`group.${auditActionGroup(a)}`)).toBe(true);
    }
  });

  it('reads an action in each language, and an unknown one as its code', () => {
    expect(auditActionName('en', 'auth.sign_in_failed')).toBe('Failed sign-in');
    expect(auditActionName('ru', 'survey.publish')).toBe('Опрос опубликован');
    expect(auditActionName('fa', 'auth.sign_in')).toBe('ورود');
    expect(auditActionName('en', 'legacy.thing')).toBe('legacy.thing');
    expect(auditGroupName('en', 'report')).toBe('Reports');
    expect(auditActionGroup('report.schedule.create')).toBe('report');
  });
});
