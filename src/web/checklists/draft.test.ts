import { describe, expect, it } from 'vitest';
import { exportChecklist, parseChecklist } from '../../core/audits/checklist.ts';
import { starterChecklist } from '../../core/audits/starters.ts';
import { checkDraft, draftOf, moved, newItem, newSection, sectionPoints, toChecklistJson, totalPoints } from './draft.ts';

describe('checklist editor draft', () => {
  it('turns a definition into a draft and back unchanged', () => {
    const def = starterChecklist('store_visit').definition;
    expect(exportChecklist(parseChecklist(toChecklistJson(draftOf(def))))).toEqual(exportChecklist(def));
  });

  it('adds up the possible points per section and overall, ignoring what is not a number', () => {
    const draft = draftOf(starterChecklist('store_visit').definition);
    // Starter "entrance": 1 + 2 + 1 + 1; "consultation": 3 + 3 + 2 + 0 (photo).
    expect(sectionPoints(draft.sections[0])).toBe(5);
    expect(sectionPoints(draft.sections[1])).toBe(8);
    expect(totalPoints(draft)).toBe(21);
    draft.sections[0].items[0].points = 'abc';
    expect(sectionPoints(draft.sections[0])).toBe(4);
  });

  it('names the field of the first problem, as the server would', () => {
    const draft = draftOf(starterChecklist('chat').definition);
    draft.sections[1].items[0].points = 'abc';
    expect(checkDraft(draft)).toEqual({ path: 'sections[1].items[0].points', problem: 'must be a number from 0 to 1000' });
    draft.sections[1].items[0].points = '2';
    draft.sections[0].items[0].text = { en: '', ru: ' ', fa: '' };
    expect(checkDraft(draft)).toEqual({ path: 'sections[0].items[0].text', problem: 'needs a text in at least one language' });
  });

  it('gives new sections and items keys not used yet, and moves within bounds', () => {
    const draft = draftOf(starterChecklist('chat').definition);
    const section = newSection(draft);
    draft.sections.push(section);
    section.items[0].text.en = 'New';
    expect(checkDraft(draft)).toBeNull();
    expect(draft.sections.filter((s) => s.key === section.key)).toHaveLength(1);
    expect(draft.sections.flatMap((s) => s.items).filter((i) => i.key === newItem(draft).key)).toHaveLength(0);
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });
});
