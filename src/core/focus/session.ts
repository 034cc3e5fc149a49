/**
 * @module The rules of a focus group or key-client debrief session (docs/staff.md "Focus groups and key-client
 * debriefs"): its kinds, and participants recorded by role and count, with a name only where the session
 * allows names.
 */

export const FOCUS_KINDS = ['focus_group', 'debrief'] as const;
export type FocusKind = (typeof FOCUS_KINDS)[number];

export interface Participant {
  role: string;
  count: number;
  name?: string | null;
}

/** Where the participants break the names rule: the first participant with a name when names are off, else null. */
export function nameNotAllowed(participants: readonly Participant[], namesAllowed: boolean): { index: number } | null {
  if (namesAllowed) return null;
  const index = participants.findIndex((p) => typeof p.name === 'string' && p.name.trim() !== '');
  return index < 0 ? null : { index };
}

/** A named participant stands for one person: a name with a count other than 1 is refused (its index, else null). */
export function namedGroup(participants: readonly Participant[]): { index: number } | null {
  const index = participants.findIndex((p) => typeof p.name === 'string' && p.name.trim() !== '' && p.count !== 1);
  return index < 0 ? null : { index };
}

/** All participants together. */
export const participantTotal = (participants: readonly Participant[]) => participants.reduce((sum, p) => sum + p.count, 0);
