/**
 * @module Versioning rules for editing a survey (docs/api.md "PUT /surveys/:id"). A draft without
 * answers is edited freely. Once a survey is live (or has answers) every stored answer must keep
 * meaning what it meant: texts change in place, new questions are appended, removed questions are
 * archived (never deleted), and the measuring part of a question (type, metric, scale, box, direction,
 * CSI attribute, option values) is frozen. Pure; no I/O.
 */
import { DomainError } from '../errors.ts';
import { logicQuestions } from './flow.ts';
import type { QuestionDef } from './types.ts';

/** One question row as it should be stored after the edit. */
export interface RevisedQuestion extends QuestionDef {
  /** Set for rows that already exist (update); absent for new rows (insert). */
  id?: string;
  position: number;
  addedInVersion: number;
  archivedInVersion: number | null;
}

export interface Revision {
  /** The survey's version after the edit (bumped when the set of active questions changed). */
  version: number;
  questions: RevisedQuestion[];
  /** Rows to delete (only in free-edit mode). */
  deleteIds: string[];
  added: string[];
  archived: string[];
  restored: string[];
}

type Stored = QuestionDef & { id: string };

/** The first measuring field that differs, or null. Labels and wording are not measuring fields. */
export function frozenChange(stored: QuestionDef, next: QuestionDef): string | null {
  if (stored.type !== next.type) return 'type';
  if (stored.metric !== next.metric) return 'metric';
  if (stored.scale?.min !== next.scale?.min || stored.scale?.max !== next.scale?.max) return 'scale';
  if ((stored.boxMin ?? null) !== (next.boxMin ?? null)) return 'boxMin';
  if ((stored.direction ?? null) !== (next.direction ?? null)) return 'direction';
  if ((stored.attribute ?? null) !== (next.attribute ?? null)) return 'attribute';
  const nextValues = new Set((next.options ?? []).map((o) => o.value));
  // New options may be added; existing values must stay, or earlier answers would point at nothing.
  if ((stored.options ?? []).some((o) => !nextValues.has(o.value))) return 'option values';
  return null;
}

/**
 * Plans the stored state after an edit.
 * @param stored the survey's current question rows (archived included)
 * @param input the new active questions in display order (already normalized)
 * @param version the survey's current version
 * @param strict true for live/closed surveys and any survey that has answers
 * @throws DomainError('conflict') when a frozen field of an existing question changes, a new question
 *   reuses an archived key with another shape, or appending breaks a reference to an earlier question.
 */
export function planRevision(stored: Stored[], input: QuestionDef[], version: number, strict: boolean): Revision {
  const byKey = new Map(stored.map((q) => [q.key, q]));
  const inputKeys = new Set(input.map((q) => q.key));
  if (!strict) {
    return {
      version,
      questions: input.map((q, i) => ({ ...q, id: byKey.get(q.key)?.id, position: i, addedInVersion: version, archivedInVersion: null })),
      deleteIds: stored.filter((q) => !inputKeys.has(q.key)).map((q) => q.id),
      added: input.filter((q) => !byKey.has(q.key)).map((q) => q.key),
      archived: [],
      restored: [],
    };
  }

  const next = version + 1;
  const existing: RevisedQuestion[] = [];
  const appended: RevisedQuestion[] = [];
  const restored: string[] = [];
  for (const q of input) {
    const old = byKey.get(q.key);
    if (!old) {
      appended.push({ ...q, position: 0, addedInVersion: next, archivedInVersion: null });
      continue;
    }
    const field = frozenChange(old, q);
    if (field) {
      const what = old.archivedInVersion ? `the archived question "${q.key}"` : `question "${q.key}"`;
      throw new DomainError(
        'conflict',
        `The ${field} of ${what} cannot change once the survey has been live, because earlier answers use it. ` +
          `Add a new question with a new key instead (and remove this one to archive it).`,
        { question: q.key, field },
      );
    }
    if (old.archivedInVersion) restored.push(q.key);
    existing.push({ ...q, id: old.id, position: 0, addedInVersion: old.addedInVersion ?? 1, archivedInVersion: null });
  }
  const active = [...existing, ...appended];
  active.forEach((q, i) => (q.position = i));
  assertReferencesEarlier(active);

  const archivedNow = stored.filter((q) => !q.archivedInVersion && !inputKeys.has(q.key));
  const untouched = stored.filter((q) => q.archivedInVersion && !inputKeys.has(q.key));
  const changed = appended.length + archivedNow.length + restored.length > 0;
  const finalVersion = changed ? next : version;
  return {
    version: finalVersion,
    questions: [
      ...active,
      ...archivedNow.map((q, i) => ({ ...q, position: active.length + i, addedInVersion: q.addedInVersion ?? 1, archivedInVersion: next })),
      ...untouched.map((q, i) => ({
        ...q,
        position: active.length + archivedNow.length + i,
        addedInVersion: q.addedInVersion ?? 1,
        archivedInVersion: q.archivedInVersion ?? next,
      })),
    ],
    deleteIds: [],
    added: appended.map((q) => q.key),
    archived: archivedNow.map((q) => q.key),
    restored,
  };
}

/** New questions go after the existing ones; a reference may then point forward, which we refuse. */
function assertReferencesEarlier(active: QuestionDef[]): void {
  const seen = new Set<string>();
  for (const q of active) {
    const refs: Array<[string | undefined, string]> = [
      ...logicQuestions(q.showIf).map((k): [string, string] => [k, 'showIf']),
      [q.followsQuestionKey, 'followsQuestionKey'],
    ];
    for (const [ref, field] of refs) {
      if (ref && !seen.has(ref)) {
        throw new DomainError(
          'conflict',
          `Question "${q.key}" refers to "${ref}", which would come after it: on a live survey new questions are appended at the end.`,
          { question: q.key, field },
        );
      }
    }
    seen.add(q.key);
  }
}
