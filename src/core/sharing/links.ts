/**
 * @module Shared links' rules (docs/sharing.md): whether a link is live, what it shows (its definition with the
 * sharer's comment choice), who may frame its embed, the unlock cookie of a password-protected link, and the
 * embed snippet. Pure (node:crypto's HMAC only).
 */
import crypto from 'node:crypto';
import type { z } from 'zod';
import type { ReportDefinitionSchema } from '../api/reports.ts';
import { escapeXml } from '../text/xml.ts';
import { pathInScope, type Principal } from '../access/index.ts';

type ReportDefinition = z.infer<typeof ReportDefinitionSchema>;

export const SHARED_LINK_LANGUAGES = ['en', 'ru', 'fa'] as const;
export type SharedLinkLanguage = (typeof SHARED_LINK_LANGUAGES)[number];
export const SHARED_LINK_STATUSES = ['active', 'expired', 'revoked'] as const;
export type SharedLinkStatus = (typeof SHARED_LINK_STATUSES)[number];

/** How long an unlocked password-protected link stays open in that browser. */
export const UNLOCK_SECONDS = 30 * 60;

/** Revoked wins over expired; a link expires at `expiresAt` exactly. */
export function linkStatus(link: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): SharedLinkStatus {
  if (link.revokedAt) return 'revoked';
  if (link.expiresAt && link.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

/** The definition a link shows: comments only when the sharer included them (then as a section), never otherwise. */
export function sharedDefinition(definition: ReportDefinition, includeComments: boolean): ReportDefinition {
  const others = definition.sections.filter((s) => s !== 'comments');
  const sections = includeComments ? [...others, 'comments' as const] : others;
  return { ...definition, sections: sections.length ? sections : ['kpis'], includeComments };
}

/**
 * The CSP frame-ancestors value of a link's embed: the listed origins, or any https site (and this one) when none
 * are listed. Never `*`: plain-http framers must be named.
 */
export function embedFrameAncestors(origins: readonly string[]): string {
  return origins.length ? ["'self'", ...origins].join(' ') : "'self' https:";
}

/** The value of the unlock cookie: its expiry and an HMAC keyed by the link's password hash (a new password voids it). */
export function unlockCookieValue(linkId: string, passwordHash: string, expiresAtSeconds: number): string {
  const mac = crypto.createHmac('sha256', passwordHash).update(`${linkId}.${expiresAtSeconds}`).digest('base64url');
  return `${expiresAtSeconds}.${mac}`;
}

/** Whether `value` is an unexpired unlock cookie of this link and password. */
export function unlockCookieValid(value: string | undefined, linkId: string, passwordHash: string, nowSeconds: number): boolean {
  const m = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value ?? '');
  if (!m) return false;
  const expires = Number(m[1]);
  if (expires <= nowSeconds) return false;
  const expected = Buffer.from(unlockCookieValue(linkId, passwordHash, expires));
  const given = Buffer.from(value!);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

/** The cookie's name: one per link, so unlocking one link opens no other. */
export const unlockCookieName = (linkId: string) => `sarafan_link_${linkId.replace(/-/g, '')}`;

/** The `<iframe>` to paste into an intranet page. */
export function embedSnippet(embedUrl: string, title: string): string {
  return `<iframe src="${escapeXml(embedUrl)}" title="${escapeXml(title)}" width="100%" height="800" style="border:0" loading="lazy" referrerpolicy="no-referrer"></iframe>`;
}

/**
 * Whether `viewer` may see and revoke a link: their own; an owner's or admin's, every link that shows nothing outside
 * their locations (an unrestricted one: all the organisation's links).
 */
export function mayManageLink(
  viewer: Pick<Principal, 'userId' | 'role' | 'locationPaths'>,
  link: { createdBy: string; locationPaths: string[] | null },
): boolean {
  if (link.createdBy === viewer.userId) return true;
  if (viewer.role !== 'owner' && viewer.role !== 'admin') return false;
  if (viewer.locationPaths === null) return true;
  return link.locationPaths !== null && link.locationPaths.every((path) => pathInScope(viewer, path));
}
