/**
 * @module Versioning rule for editing a checklist (docs/audits.md "Checklists"), the idea of
 * src/core/surveys/revision.ts applied to checklists. A visit keeps pointing at the checklist version it
 * was scored against, so: an edit of a version no visit used replaces that version in place; an edit of a
 * version visits used becomes a NEW version (the old one stays, unchanged, for its visits). Item keys are
 * what results roll up by across versions: an item key that visits answered keeps its meaning, so its
 * answer type is frozen (a changed question needs a new key); removing an item and changing its points or
 * texts are allowed (in a new version when visits used the current one). Pure; no I/O.
 */
import { DomainError } from '../errors.ts';
import { exportChecklist, type AnswerType, type ChecklistDefinition } from './checklist.ts';

/** What saving `next` does to the stored checklist. */
export type ChecklistEdit =
  /** The same definition: nothing to store. */
  | { kind: 'unchanged'; version: number }
  /** No visit used the current version: it is rewritten in place. */
  | { kind: 'replace'; version: number }
  /** Visits used the current version: `version` is new, the old one stays for them. */
  | { kind: 'new_version'; version: number };

/** The answer type of every item key answered in the versions visits used (the keys whose meaning is frozen). */
export function answeredItemTypes(usedDefinitions: readonly ChecklistDefinition[]): Map<string, AnswerType> {
  const types = new Map<string, AnswerType>();
  for (const def of usedDefinitions) for (const s of def.sections) for (const i of s.items) if (!types.has(i.key)) types.set(i.key, i.answerType);
  return types;
}

/** JSON with every object's keys sorted (jsonb stores objects in its own key order). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** True when the two definitions store the same checklist (defaults and key order aside). */
export function sameDefinition(a: ChecklistDefinition, b: ChecklistDefinition): boolean {
  return canonical(exportChecklist(a)) === canonical(exportChecklist(b));
}

/**
 * Plans saving `next` over the current version.
 * @param current the current version's definition
 * @param next the new definition (already parsed by parseChecklist)
 * @param opts.version the checklist's current version number
 * @param opts.currentHasVisits true when a visit points at the current version
 * @param opts.answeredTypes answeredItemTypes() of the versions visits used (any version)
 * @throws DomainError('conflict', details.path) when an answered item key changes its answer type
 */
export function planChecklistEdit(
  current: ChecklistDefinition,
  next: ChecklistDefinition,
  opts: { version: number; currentHasVisits: boolean; answeredTypes: ReadonlyMap<string, AnswerType> },
): ChecklistEdit {
  next.sections.forEach((s, i) =>
    s.items.forEach((item, j) => {
      const was = opts.answeredTypes.get(item.key);
      if (was !== undefined && was !== item.answerType) {
        const path = `sections[${i}].items[${j}].answerType`;
        throw new DomainError(
          'conflict',
          `${path}: visits answered item "${item.key}" as ${was}; keep that answer type or give the changed item a new key`,
          { path, key: item.key },
        );
      }
    }),
  );
  if (sameDefinition(current, next)) return { kind: 'unchanged', version: opts.version };
  return opts.currentHasVisits ? { kind: 'new_version', version: opts.version + 1 } : { kind: 'replace', version: opts.version };
}
