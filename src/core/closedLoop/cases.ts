/**
 * @module The rules of working a case (docs/closed-loop.md "Cases"): status moves, what resolving needs,
 * @mentions in notes, what counts as the first action, compensation within a role's limit, and the
 * e-mail threading marks of a reply. Pure; the server applies them (src/server/cases/commands).
 */
import type { Role } from '../access/index.ts';
import { canMoveCase, type CaseEventKind, type CaseStatus } from './model.ts';

/** Why a status move is refused, or null when it is allowed. */
export type MoveRefusal = 'same_status' | 'not_allowed' | 'resolve_needs_root_cause';

/**
 * Whether a case may move from `from` to `to` by a plain status change. Resolving needs a root cause
 * and the controllable flag, so it goes through the resolve action (resolveRefusal), never a bare
 * status change; reopening is a move to in_progress from resolved or closed.
 */
export function moveRefusal(from: CaseStatus, to: CaseStatus): MoveRefusal | null {
  if (from === to) return 'same_status';
  if (!canMoveCase(from, to)) return 'not_allowed';
  if (to === 'resolved') return 'resolve_needs_root_cause';
  return null;
}

/** A reopened case is open again: its resolution time and close time are cleared (the root cause is kept as history in the timeline). */
export function isReopen(from: CaseStatus, to: CaseStatus): boolean {
  return (from === 'resolved' || from === 'closed') && to === 'in_progress';
}

export interface ResolveInput {
  rootCauseId?: string | null;
  controllable?: boolean | null;
}

/**
 * Why resolving is refused: the case cannot move to resolved from its status, or a root cause or the
 * controllable flag is missing. The field named is the one to fix.
 */
export function resolveRefusal(from: CaseStatus, input: ResolveInput): { field: 'status' | 'rootCauseId' | 'controllable' } | null {
  if (!canMoveCase(from, 'resolved')) return { field: 'status' };
  if (!input.rootCauseId) return { field: 'rootCauseId' };
  if (typeof input.controllable !== 'boolean') return { field: 'controllable' };
  return null;
}

/**
 * Timeline events that count as the first action on a case (cases.first_action_at, the "time to first
 * action" metric): a person changed its status, wrote a note, replied to the customer, assigned it,
 * recorded compensation or resolved it. Opening, escalation, the customer's own letters and the
 * recovery survey are not actions of the team; neither is a priority change alone.
 */
export const FIRST_ACTION_KINDS: readonly CaseEventKind[] = ['status', 'note', 'reply_sent', 'assigned', 'compensation', 'root_cause'];

/** True when an event of `kind` by `actorUserId` (null: the system) is an action of a person. */
export function isFirstActionEvent(kind: CaseEventKind, actorUserId: string | null): boolean {
  return actorUserId !== null && FIRST_ACTION_KINDS.includes(kind);
}

export interface MentionableUser {
  id: string;
  email: string;
}

/** A user's handle for @mentions: the part of their e-mail before the @, lower-cased. */
export function mentionHandle(email: string): string {
  const at = email.indexOf('@');
  return (at < 0 ? email : email.slice(0, at)).toLowerCase();
}

const MENTION_RE = /(^|[^\p{L}\p{N}_.@-])@([\p{L}\p{N}_.+-]+(?:@[\p{L}\p{N}_.-]+\.[\p{L}\p{N}]+)?)/gu;

/**
 * The users @mentioned in a note: `@` followed by a user's full e-mail (`@olga@shop.example`) or their
 * handle (`@olga`: the part of the e-mail before the @), case-insensitively. A handle shared by two
 * users of the organisation names neither (write the full e-mail). Trailing punctuation is not part of
 * the mention ("@olga, please" names olga). An e-mail address inside a word (`x@olga`) is no mention.
 * @returns user ids in order of first mention, without repeats
 */
export function parseMentions(text: string, users: readonly MentionableUser[]): string[] {
  const byEmail = new Map(users.map((u) => [u.email.toLowerCase(), u.id]));
  const handles = new Map<string, string | null>();
  for (const u of users) {
    const h = mentionHandle(u.email);
    handles.set(h, handles.has(h) ? null : u.id);
  }
  const found: string[] = [];
  for (const m of text.matchAll(MENTION_RE)) {
    const token = m[2].replace(/[.\-+]+$/u, '').toLowerCase();
    const id = token.includes('@') ? byEmail.get(token) : handles.get(token);
    if (id && !found.includes(id)) found.push(id);
  }
  return found;
}

/** What a role may give as compensation on one case: nothing, up to an amount, or without limit. */
export type CompensationLimit = { kind: 'none' } | { kind: 'max'; amount: number } | { kind: 'unlimited' };

/**
 * A role's compensation limit from the organisation's compensation_limits rows (role -> max amount).
 * A row always applies (an owner or admin can be capped too). Without a row, owners and admins give
 * any amount (they set the limits), every other role gives none.
 */
export function compensationLimitOf(role: Role, limits: ReadonlyMap<string, number>): CompensationLimit {
  const max = limits.get(role);
  if (max !== undefined) return { kind: 'max', amount: max };
  return role === 'owner' || role === 'admin' ? { kind: 'unlimited' } : { kind: 'none' };
}

/** Amounts as whole cents, so 0.1 + 0.2 compares as money does. */
export const toCents = (amount: number) => Math.round(amount * 100);

/**
 * Whether `amount` may be given on a case that already carries `alreadyGiven` under `limit`: the limit
 * holds per case (the sum of its compensations), as the articles' "up to a set amount" per claim.
 */
export function compensationRefusal(limit: CompensationLimit, amount: number, alreadyGiven: number): 'not_allowed' | 'over_limit' | null {
  if (limit.kind === 'none') return 'not_allowed';
  if (limit.kind === 'unlimited') return null;
  return toCents(alreadyGiven) + toCents(amount) > toCents(limit.amount) ? 'over_limit' : null;
}

/** The case number mark that threads replies back: `[#123]`. */
export const caseSubjectMark = (number: number) => `[#${number}]`;

/** The reply's subject: the one given (or the case title) with the number mark once, at the end. */
export function replySubject(subject: string | null | undefined, title: string, number: number): string {
  const base = (subject ?? '').trim() || title;
  return base.includes(caseSubjectMark(number)) ? base : `${base} ${caseSubjectMark(number)}`;
}

/** The case number a subject carries (`Re: Broken kettle [#123]` -> 123), or null. */
export function caseNumberInSubject(subject: string): number | null {
  const m = /\[#(\d{1,9})\]/.exec(subject);
  return m ? Number(m[1]) : null;
}

/** The Message-ID of a reply sent from a case: `<case-{caseId}-{eventId}@{host}>`. */
export function caseMessageId(caseId: string, eventId: string, host: string): string {
  return `<case-${caseId}-${eventId}@${host}>`;
}

/**
 * Whether two location scopes share a location (null: the whole organisation): who a caller limited to
 * some stores may see among the people who work cases (the assign menu, @mention completion).
 */
export function scopesOverlap(a: readonly string[] | null, b: readonly string[] | null): boolean {
  if (a === null || b === null) return true;
  return a.some((x) => b.some((y) => x.startsWith(y) || y.startsWith(x)));
}
