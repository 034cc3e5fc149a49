import { describe, expect, it } from 'vitest';
import {
  addSums, EMPTY_SUMS, funnelFigures, funnelTrend, hoursOfDay, hoursOfDayWindow, isCheckoutSection, median, ratio, readFunnel, type FunnelFigures, type FunnelSums,
} from './funnel.ts';

const sums = (s: Partial<FunnelSums>): FunnelSums => ({ ...EMPTY_SUMS, ...s });
const figures = (f: Partial<FunnelFigures>): FunnelFigures => ({
  passersBy: null, visitors: null, transactions: null, revenue: null, captureRate: null, conversion: null, averageCheck: null, ...f,
});

describe('ratio', () => {
  it('divides, and gives null (not 0 or Infinity) for a zero or missing denominator', () => {
    expect(ratio(3, 4)).toBe(0.75);
    expect(ratio(3, 0)).toBeNull();
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(null, 4)).toBeNull();
    expect(ratio(3, null)).toBeNull();
  });
});

describe('funnelFigures', () => {
  it('pairs capture with the hours where passers-by were measured, never all visitors with some passers-by', () => {
    // Hour 1: 1000 passing, 200 entered. Hour 2: counter without passers-by, 300 entered.
    // Capture = 200 / 1000 = 0.2 (not 500 / 1000 = 0.5). Sales: 50 + 60 receipts, 2500 + 3500 revenue.
    const f = funnelFigures(sums({
      footfallHours: 2, passersByHours: 1, passersBy: 1000, capturedVisitors: 200, visitors: 500,
      salesHours: 2, transactions: 110, revenue: 6000, convertedVisitors: 500, convertedTransactions: 110,
    }));
    expect(f).toEqual({ passersBy: 1000, visitors: 500, transactions: 110, revenue: 6000, captureRate: 0.2, conversion: 0.22, averageCheck: 6000 / 110 });
  });

  it('leaves conversion to the hours with both footfall and sales', () => {
    // 400 visitors in hours with sales data (40 receipts), 100 visitors on a day without sales data,
    // 30 receipts in hours without a counter: conversion = 40 / 400 = 0.1; average check over all 70 receipts.
    const f = funnelFigures(sums({
      footfallHours: 5, visitors: 500, salesHours: 4, transactions: 70, revenue: 1400, convertedVisitors: 400, convertedTransactions: 40,
    }));
    expect(f.conversion).toBe(0.1);
    expect(f.averageCheck).toBe(20);
    expect(f.captureRate).toBeNull();
    expect(f.passersBy).toBeNull();
  });

  it('gives null everywhere for a store without footfall or sales', () => {
    expect(funnelFigures(EMPTY_SUMS)).toEqual(figures({}));
  });

  it('keeps a measured zero apart from not measured: 0 visitors of 0 passers-by is no rate, 0 of 100 is 0', () => {
    expect(funnelFigures(sums({ footfallHours: 1, passersByHours: 1 })).captureRate).toBeNull();
    expect(funnelFigures(sums({ footfallHours: 1, passersByHours: 1, passersBy: 100 })).captureRate).toBe(0);
    expect(funnelFigures(sums({ footfallHours: 1, visitors: 0 })).visitors).toBe(0);
  });

  it('sums field by field', () => {
    const a = sums({ footfallHours: 1, visitors: 10, revenue: 5.5 });
    const b = sums({ footfallHours: 2, visitors: 7, revenue: 1.25, transactions: 3 });
    expect(addSums(a, b)).toEqual(sums({ footfallHours: 3, visitors: 17, revenue: 6.75, transactions: 3 }));
  });
});

describe('funnelTrend', () => {
  it('gives points for the rates and percent for the counts and the average check', () => {
    const now = figures({ visitors: 1200, transactions: 300, revenue: 9000, captureRate: 0.25, conversion: 0.25, averageCheck: 30 });
    const before = figures({ visitors: 1000, transactions: 200, revenue: 5000, captureRate: 0.2, conversion: 0.2, averageCheck: 25 });
    const t = funnelTrend(now, before);
    expect(t.visitors).toBeCloseTo(20, 10); // (1200 - 1000) / 1000
    expect(t.transactions).toBeCloseTo(50, 10);
    expect(t.revenue).toBeCloseTo(80, 10);
    expect(t.averageCheck).toBeCloseTo(20, 10); // (30 - 25) / 25
    expect(t.captureRate).toBeCloseTo(5, 10); // 25% - 20%
    expect(t.conversion).toBeCloseTo(5, 10);
  });

  it('is null where the previous period has nothing or zero', () => {
    const t = funnelTrend(figures({ visitors: 10, conversion: 0.1 }), figures({ visitors: 0 }));
    expect(t).toEqual({ visitors: null, transactions: null, revenue: null, averageCheck: null, captureRate: null, conversion: null });
  });
});

describe('median', () => {
  it('takes the middle value, the mean of the middle two, and skips nulls', () => {
    expect(median([0.3, 0.1, 0.2])).toBe(0.2);
    expect(median([0.4, null, 0.1, 0.2, 0.3])).toBeCloseTo(0.25, 10);
    expect(median([null])).toBeNull();
    expect(median([])).toBeNull();
  });
});

describe('readFunnel', () => {
  const m = { captureRate: 0.2, conversion: 0.25 };
  it('reads low capture (under 0.8 x median: 0.15 < 0.16) as the shop window and access', () => {
    expect(readFunnel(figures({ visitors: 500, captureRate: 0.15, conversion: 0.25 }), m)).toEqual({ findings: ['low_capture'], unread: null });
  });
  it('reads low conversion (0.19 < 0.2) and both', () => {
    expect(readFunnel(figures({ visitors: 500, captureRate: 0.16, conversion: 0.19 }), m)).toEqual({ findings: ['low_conversion'], unread: null });
    expect(readFunnel(figures({ visitors: 500, captureRate: 0.1, conversion: 0.1 }), m)).toEqual({ findings: ['low_capture', 'low_conversion'], unread: null });
  });
  it('finds nothing at exactly 0.8 x median or above', () => {
    expect(readFunnel(figures({ visitors: 100, captureRate: 0.16, conversion: 0.2 }), m)).toEqual({ findings: [], unread: null });
  });
  it('does not read a store with under 100 visitors or without figures', () => {
    expect(readFunnel(figures({ visitors: 99, conversion: 0.01 }), m)).toEqual({ findings: [], unread: 'few_visitors' });
    expect(readFunnel(figures({}), m)).toEqual({ findings: [], unread: 'no_data' });
    expect(readFunnel(figures({ visitors: 500 }), m)).toEqual({ findings: [], unread: 'no_data' });
  });
  it('cannot call a rate low without a median', () => {
    expect(readFunnel(figures({ visitors: 500, captureRate: 0.01, conversion: 0.01 }), { captureRate: null, conversion: null })).toEqual({ findings: [], unread: null });
  });
});

describe('isCheckoutSection', () => {
  it('matches checkout, касса and صندوق in any language of the name', () => {
    expect(isCheckoutSection('Checkout')).toBe(true);
    expect(isCheckoutSection({ en: 'At the till' })).toBe(true);
    expect(isCheckoutSection({ ru: 'Работа кассира' })).toBe(true);
    expect(isCheckoutSection({ ru: 'Касса' })).toBe(true);
    expect(isCheckoutSection({ fa: 'صندوق پرداخت' })).toBe(true);
    expect(isCheckoutSection({ en: 'Still life display', ru: 'Витрина' })).toBe(false);
    expect(isCheckoutSection(null)).toBe(false);
  });
});

describe('hoursOfDay', () => {
  it('gives 24 hours, conversion over the pairs and staff-hours per store-day', () => {
    // 2 stores x 3 days with shifts = 6 store-days; at 10:00 there were 15 staff-hours (e.g. 2 full shifts a
    // store-day and a half hour on three of them): 15 / 6 = 2.5 staff on shift.
    const rows = hoursOfDay([{ hour: 10, visitors: 400, transactions: 90, convertedVisitors: 300, convertedTransactions: 60, staffHours: 15 }], 6);
    expect(rows).toHaveLength(24);
    expect(rows[10]).toEqual({ hour: 10, visitors: 400, transactions: 90, conversion: 0.2, staffOnShift: 2.5 });
    expect(rows[3]).toEqual({ hour: 3, visitors: 0, transactions: 0, conversion: null, staffOnShift: 0 });
  });
  it('has no staff figure without a shift file', () => {
    const rows = hoursOfDay([{ hour: 9, visitors: 10, transactions: 1, convertedVisitors: 10, convertedTransactions: 1, staffHours: 0 }], 0);
    expect(rows[9]).toEqual({ hour: 9, visitors: 10, transactions: 1, conversion: 0.1, staffOnShift: null });
  });
});

describe('hoursOfDayWindow', () => {
  it('keeps a window of at most 31 days and cuts a longer one to its last 31 days', () => {
    expect(hoursOfDayWindow('2026-03-01', '2026-03-31')).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(hoursOfDayWindow('2026-03-10', '2026-03-11')).toEqual({ from: '2026-03-10', to: '2026-03-11' });
    // 2025-01-01..2025-12-31: 31 days ending 31 December start on 1 December.
    expect(hoursOfDayWindow('2025-01-01', '2025-12-31')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    // Across a month end: 2 March back 30 days is 31 January (2026: February has 28 days).
    expect(hoursOfDayWindow('2025-06-01', '2026-03-02')).toEqual({ from: '2026-01-31', to: '2026-03-02' });
  });
});
