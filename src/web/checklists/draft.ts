/**
 * @module The checklist editor's working copy: every text as one string per language, numbers as typed, so
 * nothing the user typed is lost on a bad value. `toChecklistJson` turns it back into the checklist JSON the
 * API stores, and `checkDraft` runs the same parser the server runs (src/core/audits/checklist.ts), so a
 * problem shows at its field before saving.
 */
import {
  ChecklistError, parseChecklist, SCORED_ANSWER_TYPES, type AnswerType, type ChecklistDefinition, type EvidenceKind, type LocalizedText, type PassOperator,
} from '../../core/audits/checklist.ts';
import { LANGUAGES, type Language } from '../../core/i18n/languages.ts';

export type Texts = Record<Language, string>;

export interface DraftItem {
  uid: string;
  key: string;
  text: Texts;
  points: string;
  critical: boolean;
  standard: string;
  answerType: AnswerType;
  passOp: PassOperator;
  passValue: string;
  passUnit: string;
  evidence: EvidenceKind;
}

export interface DraftSection {
  uid: string;
  key: string;
  name: Texts;
  items: DraftItem[];
}

export interface Draft {
  name: Texts;
  sections: DraftSection[];
}

let counter = 0;
const uid = () => `u${++counter}`;

export function textsOf(text: LocalizedText): Texts {
  const out = Object.fromEntries(LANGUAGES.map((l) => [l, ''])) as Texts;
  if (typeof text === 'string') out.en = text;
  else for (const l of LANGUAGES) out[l] = text[l] ?? '';
  return out;
}

function localized(texts: Texts): Partial<Texts> {
  return Object.fromEntries(LANGUAGES.filter((l) => texts[l].trim() !== '').map((l) => [l, texts[l]]));
}

export function draftOf(definition: ChecklistDefinition): Draft {
  return {
    name: textsOf(definition.name),
    sections: definition.sections.map((s) => ({
      uid: uid(),
      key: s.key,
      name: textsOf(s.name),
      items: s.items.map((i) => ({
        uid: uid(), key: i.key, text: textsOf(i.text), points: String(i.points), critical: i.critical, standard: i.standard ?? '',
        answerType: i.answerType, passOp: i.passRule?.op ?? 'lte', passValue: i.passRule ? String(i.passRule.value) : '', passUnit: i.passRule?.unit ?? '',
        evidence: i.evidence,
      })),
    })),
  };
}

/** A number as typed, or the text itself (so the parser names the field). */
const numberOrText = (v: string): number | string => (v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v);

export const isScored = (t: AnswerType) => (SCORED_ANSWER_TYPES as readonly string[]).includes(t);

/** The checklist JSON of the draft (docs/audits.md "Command line"). */
export function toChecklistJson(draft: Draft): Record<string, unknown> {
  return {
    name: localized(draft.name),
    sections: draft.sections.map((s) => ({
      key: s.key,
      // A section without a name is named by its key (as the parser does).
      ...(Object.keys(localized(s.name)).length ? { name: localized(s.name) } : {}),
      items: s.items.map((i) => ({
        key: i.key,
        text: localized(i.text),
        points: isScored(i.answerType) ? numberOrText(i.points) : 0,
        ...(i.critical && isScored(i.answerType) ? { critical: true } : {}),
        ...(i.standard.trim() ? { standard: i.standard.trim() } : {}),
        answerType: i.answerType,
        ...(i.answerType === 'number' ? { passRule: { op: i.passOp, value: numberOrText(i.passValue), ...(i.passUnit.trim() ? { unit: i.passUnit.trim() } : {}) } } : {}),
        evidence: i.evidence,
      })),
    })),
  };
}

/** The first problem the parser finds, as `{path, problem}`, or null. */
export function checkDraft(draft: Draft): { path: string; problem: string } | null {
  try {
    parseChecklist(toChecklistJson(draft));
    return null;
  } catch (err) {
    if (err instanceof ChecklistError) return { path: err.path, problem: err.problem };
    throw err;
  }
}

/** Possible points of a section or of the draft: the sum of the scored items' points (what typed as a number). */
export function sectionPoints(section: DraftSection): number {
  return section.items.reduce((sum, i) => {
    const n = Number(i.points);
    return sum + (isScored(i.answerType) && i.points.trim() !== '' && Number.isFinite(n) && n > 0 ? n : 0);
  }, 0);
}
export const totalPoints = (draft: Draft) => draft.sections.reduce((sum, s) => sum + sectionPoints(s), 0);

/** A key not used yet in the draft: `prefix_1`, `prefix_2`... */
function freshKey(used: Set<string>, prefix: string): string {
  let n = used.size + 1;
  while (used.has(`${prefix}_${n}`)) n += 1;
  return `${prefix}_${n}`;
}

export function newItem(draft: Draft): DraftItem {
  const used = new Set(draft.sections.flatMap((s) => s.items.map((i) => i.key)));
  return {
    uid: uid(), key: freshKey(used, 'item'), text: textsOf(''), points: '1', critical: false, standard: '', answerType: 'yes_no',
    passOp: 'lte', passValue: '', passUnit: '', evidence: 'none',
  };
}

export function newSection(draft: Draft): DraftSection {
  const used = new Set(draft.sections.map((s) => s.key));
  const section: DraftSection = { uid: uid(), key: freshKey(used, 'section'), name: textsOf(''), items: [] };
  section.items.push(newItem(draft));
  return section;
}

/** `list` with the element at `from` moved one place up (-1) or down (+1). */
export function moved<T>(list: readonly T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  if (to < 0 || to >= list.length) return [...list];
  const copy = [...list];
  [copy[from], copy[to]] = [copy[to], copy[from]];
  return copy;
}
