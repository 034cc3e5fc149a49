import { describe, expect, it } from 'vitest';
import { API_KEY_RE, bearerKey, keyScopeAllows } from './apiKeys.ts';

const KEY = `srf_${'A'.repeat(20)}-_${'z9'.repeat(10)}b`;

describe('bearerKey', () => {
  it('takes a well-formed key from a Bearer header (scheme in any case)', () => {
    expect(KEY).toMatch(API_KEY_RE);
    expect(bearerKey(`Bearer ${KEY}`)).toBe(KEY);
    expect(bearerKey(`bearer   ${KEY}  `)).toBe(KEY);
    expect(bearerKey(`BEARER ${KEY}`)).toBe(KEY);
  });
  it('is null without a Bearer header (the session applies)', () => {
    expect(bearerKey(undefined)).toBeNull();
    expect(bearerKey('')).toBeNull();
    expect(bearerKey(`Basic ${KEY}`)).toBeNull();
    expect(bearerKey('Bearerish x')).toBeNull();
  });
  it('is empty for a Bearer header without a well-formed key (refused unheard)', () => {
    expect(bearerKey('Bearer')).toBe('');
    expect(bearerKey('Bearer ')).toBe('');
    expect(bearerKey(`Bearer ${KEY}x`)).toBe('');
    expect(bearerKey(`Bearer ${KEY.slice(0, -1)}`)).toBe('');
    expect(bearerKey(`Bearer sk_${KEY.slice(4)}`)).toBe('');
    expect(bearerKey(`Bearer ${KEY} extra`)).toBe('');
  });
});

describe('keyScopeAllows', () => {
  it('lets read keys read and ingest keys do none of the dashboard actions', () => {
    for (const a of ['metrics.read', 'response.read', 'survey.read', 'location.read'] as const) {
      expect(keyScopeAllows('read', a)).toBe(true);
      expect(keyScopeAllows('ingest', a)).toBe(false);
    }
    for (const a of ['org.manage', 'user.invite', 'user.manage', 'location.edit', 'survey.create', 'survey.edit', 'response.exclude', 'rollups.rebuild'] as const) {
      expect(keyScopeAllows('read', a)).toBe(false);
      expect(keyScopeAllows('ingest', a)).toBe(false);
    }
  });

  it('lets cases keys work the closed loop, read keys only read cases, and neither manage the organisation', () => {
    for (const a of ['case.read', 'case.work', 'alert.manage', 'plan.manage'] as const) expect(keyScopeAllows('cases', a)).toBe(true);
    expect(keyScopeAllows('read', 'case.read')).toBe(true);
    for (const a of ['case.work', 'alert.manage', 'plan.manage', 'case.configure'] as const) expect(keyScopeAllows('read', a)).toBe(false);
    for (const a of ['case.configure', 'org.manage', 'user.manage', 'response.read', 'response.exclude', 'contact.read'] as const) expect(keyScopeAllows('cases', a)).toBe(false);
  });
});
