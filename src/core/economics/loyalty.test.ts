import { describe, expect, it } from 'vitest';
import { LoyaltyAccumulator, parseAmount, parseCalendarDay, periodLabel, periodOf, dayLabel, transactionOf } from './loyalty.ts';

const day = (s: string) => {
  const d = parseCalendarDay(s);
  if (d === null) throw new Error(`bad day ${s}`);
  return d;
};

function acc(rows: [string, string, number][]) {
  const a = new LoyaltyAccumulator();
  for (const [c, at, amount] of rows) a.add(c, day(at), amount);
  return a;
}

describe('parseCalendarDay', () => {
  it('reads ISO dates and date-times as the date written, whatever the offset', () => {
    expect(parseCalendarDay('1970-01-01')).toBe(0);
    expect(parseCalendarDay('1970-01-02T00:00:00Z')).toBe(1);
    // 23:30 at +03:00 is 20:30 UTC, still the 1st; 00:30 at -05:00 is 05:30 UTC of the same 2nd: neither moves
    expect(parseCalendarDay('1970-01-01T23:30:00+03:00')).toBe(0);
    expect(parseCalendarDay('1970-01-02T00:30:00-05:00')).toBe(1);
    expect(parseCalendarDay('1970-01-02T23:59:59.999+14:00')).toBe(1);
    expect(parseCalendarDay('1970-01-03 10:00')).toBe(2);
    expect(parseCalendarDay(' 1970-01-03T10:00+0330 ')).toBe(2);
    // 2026-03-01: 56 years of days since 1970 (14 leap years 1972..2024) + Jan 31 + Feb 28
    expect(parseCalendarDay('2026-03-01')).toBe(56 * 365 + 14 + 31 + 28);
  });
  it('reads YYYYMMDD', () => {
    expect(parseCalendarDay('19700102')).toBe(1);
    expect(parseCalendarDay('20260301')).toBe(56 * 365 + 14 + 31 + 28);
  });
  it('refuses what is not a real date', () => {
    for (const bad of ['', '2026-02-29', '2024-13-01', '2026-3-1', '01.03.2026', '2026030', '202603011', 'yesterday', '2026-03-01T25']) {
      expect(parseCalendarDay(bad)).toBeNull();
    }
    expect(parseCalendarDay('2024-02-29')).not.toBeNull();
  });
});

describe('parseAmount', () => {
  it('reads dot and comma decimals, signs', () => {
    expect(parseAmount('12')).toBe(12);
    expect(parseAmount(' 12.50 ')).toBe(12.5);
    expect(parseAmount('12,5')).toBe(12.5);
    expect(parseAmount('-3.25')).toBe(-3.25);
    expect(parseAmount('+4')).toBe(4);
  });
  it('refuses the rest', () => {
    for (const bad of ['', 'abc', '1,000.50', '1.2.3', '12 EUR', 'NaN', 'Infinity']) expect(parseAmount(bad)).toBeNull();
  });
});

describe('periods', () => {
  it('numbers consecutive periods and names them', () => {
    expect(dayLabel(0)).toBe('1970-01-01');
    expect(periodOf('month', day('2026-12-31')) + 1).toBe(periodOf('month', day('2027-01-01')));
    expect(periodLabel('month', periodOf('month', day('2026-03-15')))).toBe('2026-03');
    expect(periodLabel('quarter', periodOf('quarter', day('2026-03-31')))).toBe('2026-Q1');
    expect(periodLabel('quarter', periodOf('quarter', day('2026-04-01')))).toBe('2026-Q2');
    expect(periodOf('quarter', day('2026-12-31')) + 1).toBe(periodOf('quarter', day('2027-01-01')));
    expect(periodLabel('year', periodOf('year', day('2026-07-01')))).toBe('2026');
    expect(periodLabel('day', periodOf('day', day('20260301')))).toBe('2026-03-01');
  });
  it('ISO weeks: Monday to Sunday, the year of their Thursday', () => {
    // 2026-01-01 is a Thursday: week 1 of 2026 is Mon 2025-12-29 .. Sun 2026-01-04
    expect(periodLabel('week', periodOf('week', day('2025-12-29')))).toBe('2026-W01');
    expect(periodLabel('week', periodOf('week', day('2026-01-04')))).toBe('2026-W01');
    expect(periodLabel('week', periodOf('week', day('2026-01-05')))).toBe('2026-W02');
    expect(periodLabel('week', periodOf('week', day('2025-12-28')))).toBe('2025-W52');
    // 2021-01-01 is a Friday: it belongs to 2020-W53 (2020 has 53 weeks)
    expect(periodLabel('week', periodOf('week', day('2021-01-01')))).toBe('2020-W53');
    expect(periodLabel('week', periodOf('week', day('2021-01-03')))).toBe('2020-W53');
    expect(periodLabel('week', periodOf('week', day('2021-01-04')))).toBe('2021-W01');
    expect(periodOf('week', day('2020-12-31')) + 1).toBe(periodOf('week', day('2021-01-04')));
    // 1970-01-04 was a Sunday, 1970-01-05 a Monday
    expect(periodOf('week', 3) + 1).toBe(periodOf('week', 4));
    expect(periodLabel('week', periodOf('week', 3))).toBe('1970-W01');
  });
});

describe('LoyaltyAccumulator.summary', () => {
  it('nothing added', () => {
    expect(new LoyaltyAccumulator().summary('month')).toEqual({
      customers: 0, transactions: 0, revenue: 0, top20_revenue_share: null, repeat_customer_rate: null, retention: [],
    });
  });

  it('one customer, one purchase: 100% of revenue, no repeat, no period with a next one', () => {
    expect(acc([['a', '2026-03-01', 40]]).summary('month')).toEqual({
      customers: 1, transactions: 1, revenue: 40, top20_revenue_share: 1, repeat_customer_rate: 0, retention: [],
    });
  });

  it('all on one day: two purchases of the same customer that day are not a repeat', () => {
    const s = acc([['a', '2026-03-01T09:00', 10], ['a', '2026-03-01T18:00', 5], ['b', '20260301', 25]]).summary('day');
    // top 20% of 2 customers = ceil(0.4) = 1 customer: b with 25 of 40
    expect(s).toEqual({ customers: 2, transactions: 3, revenue: 40, top20_revenue_share: 25 / 40, repeat_customer_rate: 0, retention: [] });
  });

  it('an example worked by hand (month)', () => {
    const rows: [string, string, number][] = [
      ['a', '2026-01-05', 100], ['a', '2026-02-10', 50], ['a', '2026-04-01', 30],
      ['b', '2026-01-20', 20], ['b', '2026-01-21', 20],
      ['c', '2026-02-01', 10], ['c', '2026-03-01', 10], ['c', '2026-04-30', 10],
      ['d', '2026-03-15', 5],
      ['e', '2026-04-02', 45],
    ];
    const s = acc(rows).summary('month');
    // revenue per customer: a 180, b 40, c 30, d 5, e 45 = 300; top ceil(5/5) = 1: a
    expect(s.customers).toBe(5);
    expect(s.transactions).toBe(10);
    expect(s.revenue).toBe(300);
    expect(s.top20_revenue_share).toBe(180 / 300);
    // two different days: a, b (20th and 21st), c = 3 of 5
    expect(s.repeat_customer_rate).toBe(3 / 5);
    // Jan: a, b; Feb: a, c; Mar: c, d; Apr: a, c, e (last, not listed)
    // Jan -> Feb: a; Feb -> Mar: c; Mar -> Apr: c
    expect(s.retention).toEqual([
      { period: '2026-01', active: 2, retained: 1, rate: 0.5 },
      { period: '2026-02', active: 2, retained: 1, rate: 0.5 },
      { period: '2026-03', active: 2, retained: 1, rate: 0.5 },
    ]);
    // quarters: Q1 a b c d; Q2 a c e (last); Q1 -> Q2: a, c
    expect(acc(rows).summary('quarter').retention).toEqual([{ period: '2026-Q1', active: 4, retained: 2, rate: 0.5 }]);
    expect(acc(rows).summary('year').retention).toEqual([]);
  });

  it('a period with nobody active in the middle is not listed; the one before it retains nobody', () => {
    const s = acc([['a', '2026-01-10', 1], ['b', '2026-01-11', 1], ['a', '2026-03-10', 1], ['a', '2026-04-10', 1], ['b', '2026-04-11', 1]]).summary('month');
    // Jan: a b -> Feb: nobody; Mar: a -> Apr: a; Apr last
    expect(s.retention).toEqual([
      { period: '2026-01', active: 2, retained: 0, rate: 0 },
      { period: '2026-03', active: 1, retained: 1, rate: 1 },
    ]);
  });

  it('ISO weeks across the new year', () => {
    // x: Sun 2025-12-28 (2025-W52) and Mon 2025-12-29 (2026-W01); y: Thu 2026-01-01 (2026-W01), Mon 2026-01-05 (W02)
    const s = acc([['x', '2025-12-28', 1], ['x', '2025-12-29', 1], ['y', '2026-01-01', 1], ['y', '2026-01-05', 1]]).summary('week');
    expect(s.retention).toEqual([
      { period: '2025-W52', active: 1, retained: 1, rate: 1 },
      { period: '2026-W01', active: 2, retained: 1, rate: 0.5 },
    ]);
    expect(s.repeat_customer_rate).toBe(1);
  });

  it('offsets do not move a purchase to another day or month', () => {
    // 23:30 at -05:00 on Jan 31 is Feb 1 in UTC: still January as written
    const s = acc([['a', '2026-01-31T23:30:00-05:00', 1], ['a', '2026-02-01T01:00:00+05:00', 1]]).summary('month');
    expect(s.retention).toEqual([{ period: '2026-01', active: 1, retained: 1, rate: 1 }]);
    expect(s.repeat_customer_rate).toBe(1);
  });

  it('ties at the 20% cut: any of the tied customers gives the same share', () => {
    // 6 customers: ceil(6/5) = 2 top customers; revenues 50, 30, 30, 30, 10, 0 = 150; top two 50 + 30 = 80
    const s = acc([['a', '2026-01-01', 50], ['b', '2026-01-01', 30], ['c', '2026-01-01', 30], ['d', '2026-01-01', 30], ['e', '2026-01-01', 10], ['f', '2026-01-01', 0]]).summary('month');
    expect(s.top20_revenue_share).toBe(80 / 150);
  });

  it('the 20% cut counts customers exactly (15 customers: 3, not 4)', () => {
    const rows: [string, string, number][] = Array.from({ length: 15 }, (_, i) => [`c${i + 1}`, '2026-01-01', i + 1]);
    // revenues 1..15 = 120; top 3: 15 + 14 + 13 = 42
    expect(acc(rows).summary('month').top20_revenue_share).toBe(42 / 120);
    // 5 customers: 1; 11 customers: 3 (ceil 2.2)
    expect(acc(rows.slice(0, 5)).summary('month').top20_revenue_share).toBe(5 / 15);
    expect(acc(rows.slice(0, 11)).summary('month').top20_revenue_share).toBe((11 + 10 + 9) / 66);
  });

  it('sums amounts without drift, refunds included', () => {
    const a = new LoyaltyAccumulator();
    for (let i = 0; i < 10; i++) a.add('a', 0, 0.1);
    a.add('b', 0, 5);
    a.add('b', 0, -1);
    const s = a.summary('day');
    expect(s.revenue).toBe(5);
    // top 1 of 2: b with 4 of 5 (a has 1.0)
    expect(s.top20_revenue_share).toBe(4 / 5);
  });

  it('no positive revenue: no share', () => {
    expect(acc([['a', '2026-01-01', 0]]).summary('month').top20_revenue_share).toBeNull();
  });
});

describe('LoyaltyAccumulator.lorenz', () => {
  it('every customer, sorted ascending, from the origin', () => {
    const a = acc([['a', '2026-01-01', 60], ['b', '2026-01-01', 10], ['c', '2026-01-01', 30], ['d', '2026-01-01', 0]]);
    expect(a.lorenz()).toEqual([
      { customers: 0, revenue: 0 },
      { customers: 0.25, revenue: 0 },
      { customers: 0.5, revenue: 0.1 },
      { customers: 0.75, revenue: 0.4 },
      { customers: 1, revenue: 1 },
    ]);
  });
  it('over 100 customers: every 1%', () => {
    // 200 customers: 199 with 0, one with 10: flat then the last point jumps
    const a = new LoyaltyAccumulator();
    for (let i = 0; i < 199; i++) a.add(`z${i}`, 0, 0);
    a.add('rich', 0, 10);
    const points = a.lorenz();
    expect(points).toHaveLength(101);
    expect(points[50]).toEqual({ customers: 0.5, revenue: 0 });
    expect(points[99]).toEqual({ customers: 0.99, revenue: 0 });
    expect(points[100]).toEqual({ customers: 1, revenue: 1 });
  });
  it('empty without revenue', () => {
    expect(new LoyaltyAccumulator().lorenz()).toEqual([]);
  });
});

describe('LoyaltyAccumulator.cohorts', () => {
  it('customers by first-purchase month, active in month +k', () => {
    const a = acc([
      ['a', '2026-01-05', 1], ['a', '2026-02-10', 1], ['a', '2026-04-01', 1],
      ['b', '2026-01-20', 1],
      ['c', '2026-02-01', 1], ['c', '2026-03-01', 1],
      ['d', '2026-03-15', 1], ['d', '2026-03-16', 1],
    ]);
    // Jan: a, b; Feb: a (+1); Mar: nobody of Jan; Apr: a (+3). Feb cohort: c; Mar: c (+1). Mar cohort: d.
    expect(a.cohorts()).toEqual([
      { cohort: '2026-01', size: 2, active: [2, 1, 0, 1], share: [1, 0.5, 0, 0.5] },
      { cohort: '2026-02', size: 1, active: [1, 1, 0], share: [1, 1, 0] },
      { cohort: '2026-03', size: 1, active: [1, 0], share: [1, 0] },
    ]);
  });
  it('across the new year', () => {
    expect(acc([['a', '2025-12-31', 1], ['a', '2026-01-01', 1]]).cohorts()).toEqual([{ cohort: '2025-12', size: 1, active: [1, 1], share: [1, 1] }]);
  });
});

describe('LoyaltyAccumulator.valueByNpsGroup', () => {
  it('revenue per customer of each group, customers without an answer as unknown', () => {
    const a = acc([['p1', '2026-01-01', 100], ['p1', '2026-02-01', 50], ['p2', '2026-01-01', 90], ['n1', '2026-01-01', 40], ['d1', '2026-01-01', 10], ['x', '2026-01-01', 7]]);
    const groups = new Map([['p1', 'promoter'], ['p2', 'promoter'], ['n1', 'passive'], ['d1', 'detractor'], ['nobody', 'detractor']] as const);
    expect(a.valueByNpsGroup(groups)).toEqual([
      { group: 'promoter', customers: 2, revenue: 240, revenuePerCustomer: 120 },
      { group: 'passive', customers: 1, revenue: 40, revenuePerCustomer: 40 },
      { group: 'detractor', customers: 1, revenue: 10, revenuePerCustomer: 10 },
      { group: 'unknown', customers: 1, revenue: 7, revenuePerCustomer: 7 },
    ]);
  });
  it('a group without customers has no value', () => {
    expect(acc([['a', '2026-01-01', 5]]).valueByNpsGroup(new Map())[0]).toEqual({ group: 'promoter', customers: 0, revenue: 0, revenuePerCustomer: null });
  });
});

describe('revenueByCustomer', () => {
  it('per customer', () => {
    expect([...acc([['a', '2026-01-01', 1.5], ['a', '2026-01-02', 2.25], ['b', '2026-01-01', 4]]).revenueByCustomer()]).toEqual([['a', 3.75], ['b', 4]]);
  });
});

describe('transactionOf', () => {
  it('reads the canonical cells', () => {
    expect(transactionOf({ customer_id: ' C1 ', at: '20260301', amount: '12,50' })).toEqual({ customer: 'C1', day: 56 * 365 + 14 + 31 + 28, amount: 12.5 });
    expect(transactionOf({ customer_id: 42, at: 19700102, amount: 3 })).toEqual({ customer: '42', day: 1, amount: 3 });
    expect(transactionOf({ customer_id: 'a', at: new Date(Date.UTC(1970, 0, 3)), amount: '1' })).toEqual({ customer: 'a', day: 2, amount: 1 });
  });
  it('names the refused cell', () => {
    expect(transactionOf({ customer_id: '', at: '2026-01-01', amount: '1' })).toBe('customer_id: empty');
    expect(transactionOf({ customer_id: null, at: '2026-01-01', amount: '1' })).toBe('customer_id: empty');
    expect(transactionOf({ customer_id: 'a', at: '01/02/2026', amount: '1' })).toBe('at: "01/02/2026" is not an ISO 8601 date or YYYYMMDD');
    expect(transactionOf({ customer_id: 'a', at: undefined, amount: '1' })).toBe('at: "" is not an ISO 8601 date or YYYYMMDD');
    expect(transactionOf({ customer_id: 'a', at: '2026-01-01', amount: 'ten' })).toBe('amount: "ten" is not a number');
    expect(transactionOf({ customer_id: 'a', at: '2026-01-01', amount: null })).toBe('amount: "" is not a number');
  });
});
