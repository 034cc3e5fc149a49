/**
 * The personal quiz link's token: `<employee id>.<HMAC-SHA256(organisation key, "quiz:<quiz id>:<employee id>")>`
 * in base64url, with the same organisation key and HMAC as the invitations' personal links
 * (src/server/invitations/commands/links.ts). Nothing is stored: the link can be built again at any time,
 * and it is only good for that quiz and that employee. Used by the links API and the public page /quiz/:slug.
 */
import crypto from 'node:crypto';
import { isUuid } from '../../../core/ids.ts';
import { invitationToken } from '../../invitations/commands/links.ts';

const mac = (key: string, quizId: string, employeeId: string) => invitationToken(key, `quiz:${quizId}:${employeeId.toLowerCase()}`);

export function quizToken(key: string, quizId: string, employeeId: string): string {
  return `${employeeId}.${mac(key, quizId, employeeId)}`;
}

/** The employee id the token was made for, or null when it is malformed or not signed with `key` for this quiz. */
export function quizTokenEmployee(key: string | null, quizId: string, token: unknown): string | null {
  if (!key || typeof token !== 'string' || token.length > 100) return null;
  const [employeeId, given, extra] = token.split('.');
  if (extra !== undefined || !employeeId || !given || !isUuid(employeeId)) return null;
  const expected = Buffer.from(mac(key, quizId, employeeId));
  const actual = Buffer.from(given);
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected) ? employeeId.toLowerCase() : null;
}

/** The personal link: /quiz/<slug>?e=<token>. */
export function quizLink(base: string, slug: string, token?: string): string {
  return `${base.replace(/\/+$/, '')}/quiz/${slug}${token ? `?e=${encodeURIComponent(token)}` : ''}`;
}
