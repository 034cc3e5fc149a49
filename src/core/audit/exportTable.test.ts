import { describe, expect, it } from 'vitest';
import { auditExportHeaders, auditExportRow } from './exportTable.ts';

describe('audit log export table', () => {
  it('writes the action name in the language, the time in the zone and neutralises formulas', () => {
    expect(auditExportHeaders('en', 'Asia/Tehran').slice(0, 4)).toEqual(['Time (Asia/Tehran)', 'Who', 'Actor type', 'What']);
    const row = auditExportRow('fa', 'Asia/Tehran', {
      at: '2026-03-01T10:00:00.000Z', actorKind: 'user', actorLabel: '@admin <a@b.test>', action: 'survey.publish', targetType: 'survey',
      targetId: 's1', targetLabel: '=SUM(A1)', details: {}, ip: null, userAgent: null,
    });
    // 10:00 UTC is 13:30 in Tehran (UTC+3:30, no summer time since 2022).
    expect(row).toEqual(['2026-03-01 13:30:00', "'@admin <a@b.test>", 'کاربر', 'انتشار نظرسنجی', 'survey.publish', 'survey', "'=SUM(A1)", 's1', null, null, null]);
  });
});
