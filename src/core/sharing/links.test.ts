import { describe, expect, it } from 'vitest';
import {
  embedFrameAncestors, embedSnippet, linkStatus, mayManageLink, sharedDefinition, unlockCookieName, unlockCookieValid, unlockCookieValue,
} from './links.ts';

const at = (iso: string) => new Date(iso);

describe('linkStatus', () => {
  it('is active until the expiry instant, expired from it on, and revoked whatever the expiry', () => {
    const now = at('2026-03-01T12:00:00Z');
    expect(linkStatus({ revokedAt: null, expiresAt: null }, now)).toBe('active');
    expect(linkStatus({ revokedAt: null, expiresAt: at('2026-03-01T12:00:01Z') }, now)).toBe('active');
    expect(linkStatus({ revokedAt: null, expiresAt: at('2026-03-01T12:00:00Z') }, now)).toBe('expired');
    expect(linkStatus({ revokedAt: at('2026-02-01T00:00:00Z'), expiresAt: at('2026-01-01T00:00:00Z') }, now)).toBe('revoked');
  });
});

describe('sharedDefinition', () => {
  const base = { surveyId: 'x', filters: {}, period: { rule: 'last_month' as const }, includeComments: false };
  it('adds the comments section only when the sharer included comments, and removes it otherwise', () => {
    expect(sharedDefinition({ ...base, sections: ['kpis', 'breakdown'] }, true)).toEqual({ ...base, sections: ['kpis', 'breakdown', 'comments'], includeComments: true });
    expect(sharedDefinition({ ...base, sections: ['comments', 'trend'], includeComments: true }, false)).toEqual({ ...base, sections: ['trend'], includeComments: false });
    // A view of comments only, not included: the headline figures instead of nothing.
    expect(sharedDefinition({ ...base, sections: ['comments'] }, false).sections).toEqual(['kpis']);
  });
});

describe('embedFrameAncestors', () => {
  it('names the listed sites, or any https site when none are listed; never a bare *', () => {
    expect(embedFrameAncestors([])).toBe("'self' https:");
    expect(embedFrameAncestors(['https://intranet.example', 'http://wiki:8080'])).toBe("'self' https://intranet.example http://wiki:8080");
  });
});

describe('the unlock cookie', () => {
  const id = '7d0b4c1e-1111-4222-8333-444455556666';
  const hash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g';
  it('opens its link until it expires, and no other link, password or forged expiry', () => {
    const value = unlockCookieValue(id, hash, 1_800_000_000);
    expect(value).toMatch(/^1800000000\.[A-Za-z0-9_-]{43}$/);
    expect(unlockCookieValid(value, id, hash, 1_799_999_999)).toBe(true);
    expect(unlockCookieValid(value, id, hash, 1_800_000_000)).toBe(false);
    expect(unlockCookieValid(value, id.replace('7d', '8d'), hash, 1_700_000_000)).toBe(false);
    expect(unlockCookieValid(value, id, `${hash}x`, 1_700_000_000)).toBe(false);
    expect(unlockCookieValid(value.replace('1800000000', '1900000000'), id, hash, 1_700_000_000)).toBe(false);
    expect(unlockCookieValid(undefined, id, hash, 1_700_000_000)).toBe(false);
    expect(unlockCookieValid('garbage', id, hash, 1_700_000_000)).toBe(false);
    expect(unlockCookieName(id)).toBe('sarafan_link_7d0b4c1e111142228333444455556666');
  });
});

describe('mayManageLink', () => {
  const link = (createdBy: string, locationPaths: string[] | null) => ({ createdBy, locationPaths });
  it('lets sharers manage their own links, owners and admins every link within their locations', () => {
    const analyst = { userId: 'u1', role: 'analyst' as const, locationPaths: null };
    expect(mayManageLink(analyst, link('u1', null))).toBe(true);
    expect(mayManageLink(analyst, link('u2', null))).toBe(false);
    expect(mayManageLink({ userId: 'o', role: 'owner', locationPaths: null }, link('u2', ['/r/a/']))).toBe(true);
    const northAdmin = { userId: 'a', role: 'admin' as const, locationPaths: ['/r/n/'] };
    expect(mayManageLink(northAdmin, link('u2', ['/r/n/s1/', '/r/n/s2/']))).toBe(true);
    expect(mayManageLink(northAdmin, link('u2', ['/r/n/s1/', '/r/s/s3/']))).toBe(false);
    expect(mayManageLink(northAdmin, link('u2', null))).toBe(false);
  });
});

describe('embedSnippet', () => {
  it('escapes the title and address into the iframe', () => {
    expect(embedSnippet('https://x.example/p/abc/embed', 'Q1 "draft" <b>&</b>')).toBe(
      '<iframe src="https://x.example/p/abc/embed" title="Q1 &quot;draft&quot; &lt;b&gt;&amp;&lt;/b&gt;" width="100%" height="800" style="border:0" loading="lazy" referrerpolicy="no-referrer"></iframe>',
    );
  });
});
