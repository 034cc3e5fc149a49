/**
 * Personal links. The token of an invitation is HMAC-SHA256(organisation key, invitation id) in
 * base64url: the database keeps only its SHA-256 (survey_invitations.token_hash), and the link can be
 * built again for each reminder or resend. /i/<token> opens the survey; ?s=<score> pre-fills the first
 * question. The opt-out link is the contact's own (src/core/contacts/unsubscribe.ts).
 */
import crypto from 'node:crypto';

export function newInvitationKey(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export function invitationToken(key: string, invitationId: string): string {
  return crypto.createHmac('sha256', key).update(invitationId).digest('base64url');
}

export function tokenHash(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** Tokens as built above: 43 base64url characters. */
export const INVITATION_TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

const trimSlash = (base: string) => base.replace(/\/+$/, '');

export function personalLink(publicUrl: string, token: string, score?: number): string {
  return `${trimSlash(publicUrl)}/i/${token}${score === undefined ? '' : `?s=${score}`}`;
}
