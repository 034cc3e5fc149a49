import { describe, expect, it } from 'vitest';
import { contactHiddenFields } from './hiddenFields.ts';
import { unsubscribeUrl, isUnsubscribeToken } from './unsubscribe.ts';
import type { AttributeDef } from './attributes.ts';

const defs: AttributeDef[] = [
  { key: 'tier', label: 'Tier', type: 'choice', choices: ['Gold'], dimension: true },
  { key: 'visits', label: 'Visits', type: 'number', choices: [], dimension: true },
  { key: 'birthday', label: 'Birthday', type: 'date', choices: [], dimension: false },
];

describe('contactHiddenFields', () => {
  it('copies the segment and the dimension attributes as text, nothing else', () => {
    expect(contactHiddenFields({ segment: 'vip', attributes: { tier: 'Gold', visits: 12.5, birthday: '1990-05-01', other: 'x' } }, defs)).toEqual({
      segment: 'vip', tier: 'Gold', visits: '12.5',
    });
  });
  it('leaves out what the contact lacks, and gives nothing for an erased contact', () => {
    expect(contactHiddenFields({ segment: null, attributes: { visits: 0 } }, defs)).toEqual({ visits: '0' });
    expect(contactHiddenFields({ segment: 'vip', attributes: { tier: 'Gold' }, erasedAt: '2026-01-01T00:00:00.000Z' }, defs)).toEqual({});
  });
});

describe('unsubscribeUrl', () => {
  it('joins the base, the token and the language', () => {
    const token = '0123456789abcdef0123456789abcdef';
    expect(unsubscribeUrl('https://nps.example.com/', token)).toBe(`https://nps.example.com/u/${token}`);
    expect(unsubscribeUrl('https://nps.example.com', token, 'fa')).toBe(`https://nps.example.com/u/${token}?lang=fa`);
    expect(isUnsubscribeToken(token)).toBe(true);
    expect(isUnsubscribeToken(token.toUpperCase())).toBe(false);
    expect(isUnsubscribeToken('x')).toBe(false);
  });
});
