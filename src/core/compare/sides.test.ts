import { describe, expect, it } from 'vitest';
import { checkSideLocation, resolveOverlap, sideSegments, subtractHistogram, type SideSelection } from './sides.ts';

const REGION = '/c/north/';
const STORE = '/c/north/a/';
const OTHER = '/c/south/c/';
const side = (x: Partial<SideSelection>): SideSelection => ({ segments: [], ...x });

describe('sideSegments', () => {
  const gold = { key: 'segment', value: 'gold' };
  const first = { key: 'customer_type', value: 'first_time' };
  it('keeps the shared dimension and adds the side one (both apply)', () => {
    expect(sideSegments(gold, first, 'aDim')).toEqual([gold, first]);
    expect(sideSegments(undefined, first, 'aDim')).toEqual([first]);
    expect(sideSegments(gold, undefined, 'aDim')).toEqual([gold]);
    expect(sideSegments(gold, { ...gold }, 'aDim')).toEqual([gold]);
  });
  it('refuses another value of the shared key, naming the field', () => {
    expect(() => sideSegments(gold, { key: 'segment', value: 'silver' }, 'bDim')).toThrow(/^bDim: segment:silver contradicts the shared filter dim=segment:gold/);
  });
});

describe('checkSideLocation', () => {
  it('accepts the shared location itself and places below it', () => {
    expect(() => checkSideLocation(REGION, { path: REGION, name: 'North' }, 'aLocation')).not.toThrow();
    expect(() => checkSideLocation(REGION, { path: STORE, name: 'Store A' }, 'aLocation')).not.toThrow();
    expect(() => checkSideLocation(undefined, { path: OTHER, name: 'Store C' }, 'aLocation')).not.toThrow();
  });
  it('refuses a location outside the shared one (or above it), naming the parameter and the location', () => {
    expect(() => checkSideLocation(REGION, { path: OTHER, name: 'Store C' }, 'bLocation', 'North')).toThrow(/^bLocation: "Store C" is outside the shared location filter \(North\)/);
    expect(() => checkSideLocation(STORE, { path: REGION, name: 'North' }, 'aLocation')).toThrow(/^aLocation: "North"/);
  });
});

describe('resolveOverlap', () => {
  it('leaves sides that differ without overlap on some axis independent', () => {
    expect(resolveOverlap(side({ from: '2026-01-01', to: '2026-01-31' }), side({ from: '2026-02-01', to: '2026-02-28' }))).toEqual({ restOf: null });
    expect(resolveOverlap(side({ locationPath: STORE }), side({ locationPath: OTHER }))).toEqual({ restOf: null });
    expect(resolveOverlap(side({ segments: [{ key: 's', value: 'x' }] }), side({ segments: [{ key: 's', value: 'y' }] }))).toEqual({ restOf: null });
    // A store against its own region, but in two separate months: no answer is on both sides.
    expect(resolveOverlap(side({ locationPath: STORE, to: '2026-01-31' }), side({ locationPath: REGION, from: '2026-02-01' }))).toEqual({ restOf: null });
  });
  it('compares a location with the rest of its ancestor, on either side', () => {
    expect(resolveOverlap(side({ locationPath: STORE }), side({ locationPath: REGION }))).toEqual({ restOf: 'b' });
    expect(resolveOverlap(side({ locationPath: REGION }), side({ locationPath: STORE }))).toEqual({ restOf: 'a' });
    // No location on a side means everything the caller sees: the store lies inside it.
    expect(resolveOverlap(side({}), side({ locationPath: STORE }))).toEqual({ restOf: 'a' });
  });
  it('refuses overlapping periods, including open ends', () => {
    expect(() => resolveOverlap(side({ from: '2026-01-01', to: '2026-01-31' }), side({ from: '2026-01-31', to: '2026-02-28' }))).toThrow(/^bFrom: the periods overlap \(A 2026-01-01..2026-01-31, B 2026-01-31..2026-02-28\)/);
    expect(() => resolveOverlap(side({ from: '2026-01-01' }), side({ to: '2026-01-01' }))).toThrow(/periods overlap/);
  });
  it('refuses segments that can hold the same customer', () => {
    const gold = { key: 'segment', value: 'gold' };
    const first = { key: 'customer_type', value: 'first_time' };
    expect(() => resolveOverlap(side({ segments: [gold] }), side({ segments: [first] }))).toThrow(/^bDim: the segments overlap \(A segment:gold, B customer_type:first_time\)/);
    expect(() => resolveOverlap(side({ segments: [gold, first] }), side({ segments: [gold] }))).toThrow(/segments overlap/);
  });
  it('refuses two identical sides', () => {
    expect(() => resolveOverlap(side({ locationPath: STORE }), side({ locationPath: STORE }))).toThrow(/^b: A and B select the same answers/);
  });
});

describe('subtractHistogram', () => {
  it('takes the part out of the whole score by score', () => {
    // Region {10: 5, 6: 3, 8: 2} minus its store {10: 2, 6: 3} = {10: 3, 8: 2}.
    expect(subtractHistogram({ 10: 5, 6: 3, 8: 2 }, { 10: 2, 6: 3 })).toEqual({ 10: 3, 8: 2 });
  });
  it('refuses a part that is not inside the whole', () => {
    expect(() => subtractHistogram({ 10: 1 }, { 10: 2 })).toThrow(/not inside the whole/);
  });
});
