import { describe, expect, it } from 'vitest';
import { whatIf, type WhatIfAssumptions } from './whatIf.ts';

const base: WhatIfAssumptions = {
  customers: 2000, retentionPoints: 5, revenuePerRetainedCustomer: 300, detractorsToPassives: 40, passiveValue: 250, detractorValue: 100,
  acquisitionCost: 50, acquisitionToRetention: 5,
};

describe('whatIf', () => {
  it('the numbers, worked by hand', () => {
    const r = whatIf(base);
    // 2000 × 5 / 100 = 100 customers kept; × 300 = 30 000
    expect(r.extraCustomers).toBe(100);
    expect(r.extraRevenueRetention).toBe(30000);
    // 40 × (250 − 100) = 6000
    expect(r.extraRevenueDetractors).toBe(6000);
    // keeping costs 50 / 5 = 10 instead of 50: 100 × 40 = 4000
    expect(r.saving).toBe(4000);
    expect(r.totalGain).toBe(40000);
  });

  it('nothing assumed, nothing gained', () => {
    const r = whatIf({ ...base, retentionPoints: 0, detractorsToPassives: 0 });
    expect([r.extraCustomers, r.extraRevenueRetention, r.extraRevenueDetractors, r.saving, r.totalGain]).toEqual([0, 0, 0, 0, 0]);
  });

  it('detractors worth more than passives make the change cost revenue', () => {
    expect(whatIf({ ...base, passiveValue: 80 }).extraRevenueDetractors).toBe(40 * -20);
  });

  it('acquisition as costly as retention: no saving', () => {
    expect(whatIf({ ...base, acquisitionToRetention: 1 }).saving).toBe(0);
  });

  it('formulas as parts carrying the same values', () => {
    const r = whatIf(base);
    expect(r.formulas.detractors).toEqual([
      { kind: 'term', term: 'extraRevenueDetractors', value: 6000 }, { kind: 'op', op: '=' }, { kind: 'term', term: 'detractorsToPassives', value: 40 },
      { kind: 'op', op: '×' }, { kind: 'open' }, { kind: 'term', term: 'passiveValue', value: 250 }, { kind: 'op', op: '−' },
      { kind: 'term', term: 'detractorValue', value: 100 }, { kind: 'close' },
    ]);
    expect(r.formulas.extraCustomers).toEqual([
      { kind: 'term', term: 'extraCustomers', value: 100 }, { kind: 'op', op: '=' }, { kind: 'term', term: 'customers', value: 2000 },
      { kind: 'op', op: '×' }, { kind: 'term', term: 'retentionPoints', value: 5 }, { kind: 'op', op: '÷' }, { kind: 'number', value: 100 },
    ]);
    expect(r.formulas.retention.at(-1)).toEqual({ kind: 'term', term: 'revenuePerRetainedCustomer', value: 300 });
    expect(r.formulas.saving[0]).toEqual({ kind: 'term', term: 'saving', value: 4000 });
    expect(r.formulas.total[0]).toEqual({ kind: 'term', term: 'totalGain', value: 40000 });
  });
});
