import { describe, expect, it } from 'vitest';
import { latestReferrals, referralReport, type ReferralRow } from './report.ts';

const d = (s: string) => new Date(s);
const row = (code: string, locationId: string | null, referredAt: string, firstPurchaseAt: string | null, revenue: number): ReferralRow => ({
  code, locationId, referredAt: d(referredAt), firstPurchaseAt: firstPurchaseAt ? d(firstPurchaseAt) : null, revenue,
});

describe('referralReport', () => {
  it('counts the funnel per location and in total', () => {
    const referrals = [
      row('AAAAAAAA', 'a', '2026-03-01T10:00:00Z', '2026-03-02T10:00:00Z', 100.1),
      row('AAAAAAAA', 'a', '2026-03-03T10:00:00Z', null, 0),
      row('BBBBBBBB', 'b', '2026-03-04T10:00:00Z', '2026-03-04T11:00:00Z', 50.2),
    ];
    const report = referralReport(
      [{ locationId: 'a', n: 3 }, { locationId: 'b', n: 1 }, { locationId: null, n: 2 }],
      [{ locationId: 'a', n: 10 }, { locationId: 'c', n: 4 }],
      referrals,
      ['b', 'a'],
    );
    expect(report.locations).toEqual([
      // b: 1 issued, 0 visits, 1 referred, 1 converted (1/1), 50.2
      { locationId: 'b', issued: 1, visits: 0, referred: 1, converted: 1, revenue: 50.2, conversion: 1 },
      // a: 3 issued, 10 visits, 2 referred, 1 converted (1/2), 100.1
      { locationId: 'a', issued: 3, visits: 10, referred: 2, converted: 1, revenue: 100.1, conversion: 0.5 },
      // c is not in the order: after the named ones; no location last
      { locationId: 'c', issued: 0, visits: 4, referred: 0, converted: 0, revenue: 0, conversion: null },
      { locationId: null, issued: 2, visits: 0, referred: 0, converted: 0, revenue: 0, conversion: null },
    ]);
    // 3+1+2 = 6 issued, 10+4 = 14 visits, 3 referred, 2 converted (2/3), 100.1 + 50.2 = 150.3
    expect(report.totals).toEqual({ issued: 6, visits: 14, referred: 3, converted: 2, revenue: 150.3, conversion: 2 / 3 });
  });

  it('is all zeros without data', () => {
    expect(referralReport([], [], [])).toEqual({
      locations: [], totals: { issued: 0, visits: 0, referred: 0, converted: 0, revenue: 0, conversion: null },
    });
  });

  it('sums money to the cent', () => {
    const r = referralReport([], [], [row('A', 'x', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 0.1), row('B', 'x', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 0.2)]);
    expect(r.totals.revenue).toBe(0.3);
  });
});

describe('latestReferrals', () => {
  it('lists the newest first, then by code, cut at the limit', () => {
    const rows = [
      row('CCCCCCCC', 'a', '2026-03-01T10:00:00Z', null, 0),
      row('BBBBBBBB', 'a', '2026-03-05T10:00:00Z', null, 0),
      row('AAAAAAAA', 'a', '2026-03-05T10:00:00Z', null, 0),
      row('DDDDDDDD', 'a', '2026-03-02T10:00:00Z', null, 0),
    ];
    expect(latestReferrals(rows, 3).map((r) => r.code)).toEqual(['AAAAAAAA', 'BBBBBBBB', 'DDDDDDDD']);
  });
});
