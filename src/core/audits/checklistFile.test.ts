import { describe, expect, it } from 'vitest';
import { checklistDisposition } from './checklistFile.ts';

describe('checklistDisposition', () => {
  it('keeps a plain name and reduces anything else to "-"', () => {
    expect(checklistDisposition('Store visit 2026').fileName).toBe('Store-visit-2026.json');
    expect(checklistDisposition('../../etc/passwd"; x=y').fileName).toBe('etc-passwd-x-y.json');
  });
  it('falls back to "checklist" for a name with no Latin letters, and keeps the name in filename*', () => {
    const d = checklistDisposition('Чек-лист');
    expect(d.fileName).toBe('checklist.json');
    expect(d.header).toBe(`attachment; filename="checklist.json"; filename*=UTF-8''${encodeURIComponent('Чек-лист.json')}`);
  });
});
