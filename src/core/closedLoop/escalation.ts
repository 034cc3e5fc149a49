/**
 * @module Escalation of cases past their SLA (docs/closed-loop.md "Escalation and digest"): one level up
 * the location hierarchy per breach. The ladder is the location managers of the case location's
 * ancestors, nearest first (ancestors without a manager are skipped); its rung k is escalation level k.
 * A rung whose manager already owns the case is passed over. Past the last rung comes the top: the
 * organisation's admins are told, once; after that nothing more happens.
 */

export interface Rung {
  userId: string;
  locationId: string;
}

export type EscalationStep =
  | { kind: 'manager'; level: number; userId: string; locationId: string }
  | { kind: 'top'; level: number }
  | null;

/**
 * @param level the case's escalation level now (0: never escalated)
 * @param ladder managers of the ancestors, nearest first, one per ancestor
 * @param owner the case's owner now (null: none, or a team)
 */
export function nextEscalation(level: number, ladder: readonly Rung[], owner: string | null): EscalationStep {
  let i = level;
  while (i < ladder.length && ladder[i].userId === owner) i++;
  if (i < ladder.length) return { kind: 'manager', level: i + 1, userId: ladder[i].userId, locationId: ladder[i].locationId };
  if (level <= ladder.length) return { kind: 'top', level: ladder.length + 1 };
  return null;
}
