import { describe, expect, it } from 'vitest';
import { nextEscalation } from './escalation.ts';

const region = { userId: 'u-region', locationId: 'l-region' };
const country = { userId: 'u-country', locationId: 'l-country' };

describe('nextEscalation', () => {
  it('climbs one rung per breach, then reaches the top once, then stops', () => {
    const ladder = [region, country];
    expect(nextEscalation(0, ladder, 'u-store')).toEqual({ kind: 'manager', level: 1, userId: 'u-region', locationId: 'l-region' });
    expect(nextEscalation(1, ladder, 'u-region')).toEqual({ kind: 'manager', level: 2, userId: 'u-country', locationId: 'l-country' });
    expect(nextEscalation(2, ladder, 'u-country')).toEqual({ kind: 'top', level: 3 });
    expect(nextEscalation(3, ladder, 'u-country')).toBeNull();
  });

  it('passes over a rung whose manager already owns the case', () => {
    expect(nextEscalation(0, [region, country], 'u-region')).toEqual({ kind: 'manager', level: 2, userId: 'u-country', locationId: 'l-country' });
    expect(nextEscalation(0, [region], 'u-region')).toEqual({ kind: 'top', level: 2 });
  });

  it('with no manager above (or no location) goes straight to the top', () => {
    expect(nextEscalation(0, [], 'u-store')).toEqual({ kind: 'top', level: 1 });
    expect(nextEscalation(0, [], null)).toEqual({ kind: 'top', level: 1 });
    expect(nextEscalation(1, [], null)).toBeNull();
  });

  it('a case owned by a team (no user) escalates to the first rung', () => {
    expect(nextEscalation(0, [region], null)).toEqual({ kind: 'manager', level: 1, userId: 'u-region', locationId: 'l-region' });
  });
});
