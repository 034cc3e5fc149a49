import { describe, expect, it } from 'vitest';
import {
  CARD_SHARE, PASSER_COUNTER_STORES, generateStoreEconomics, hourShare, plannedStaff, serviceFactor, shiftsFromCounts,
  type DemoStoreDay,
} from './storeEconomics.ts';
import { DECLINING_STORE, IMPROVING_STORE, demoStores } from './structure.ts';

const NOW = new Date('2026-06-15T09:30:00Z'); // 12:30 in Moscow
const moscowHour = (d: Date) => (d.getUTCHours() + 3) % 24;

describe('the hourly rhythm and staffing rules', () => {
  it('shares the day by hour: 13 % at 18:00 on a weekday, 4 % at 10:00 at a weekend', () => {
    expect(hourShare(18, false)).toBeCloseTo(0.13, 10);
    expect(hourShare(10, true)).toBeCloseTo(0.04, 10);
    let total = 0;
    for (let h = 10; h < 22; h++) total += hourShare(h, false);
    expect(total).toBeCloseTo(1, 10);
  });

  it('loses conversion above 12 visitors per person on shift, 4 % per extra visitor, at most 55 %', () => {
    expect(serviceFactor(24, 2)).toBe(1); // 12 per person
    expect(serviceFactor(40, 2)).toBeCloseTo(0.68, 10); // 20 per person: 1 - 0.04 * 8
    expect(serviceFactor(100, 2)).toBe(0.45); // 50 per person: floored
    expect(serviceFactor(5, 0)).toBe(1);
  });

  it('plans 2 to 6 people per hour', () => {
    expect(plannedStaff(43, 22)).toBe(2); // 1.95
    expect(plannedStaff(43, 10)).toBe(4); // 4.3
    expect(plannedStaff(5, 10)).toBe(2);
    expect(plannedStaff(100, 10)).toBe(6);
  });

  it('turns staff per hour into shifts, the last to come leaving first, long ones split', () => {
    expect(shiftsFromCounts([2, 3, 4, 4, 3, 2], 10)).toEqual([[10, 16], [10, 16], [11, 15], [12, 14]]);
    expect(shiftsFromCounts([2, 2, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2], 10)).toEqual([[10, 16], [10, 16], [12, 14], [16, 22], [16, 22]]);
  });
});

describe('generateStoreEconomics', () => {
  const contacts = [
    ...Array.from({ length: 30 }, (_, i) => ({ key: `cust-${i + 1}`, store: 'MSK-01', group: 'promoter' as const })),
    ...Array.from({ length: 30 }, (_, i) => ({ key: `cust-${i + 31}`, store: 'MSK-01', group: 'detractor' as const })),
  ];
  const referrals = [
    { customerKey: 'cust-ref-1', code: 'ABCD2345', store: 'SPB-01', day: '2026-06-10' },
    { customerKey: 'cust-ref-1', code: null, store: 'SPB-01', day: '2026-06-12' },
  ];
  const days: DemoStoreDay[] = [...generateStoreEconomics({ seed: 5, now: NOW, days: 70, contacts, referrals, cardHolders: 3000 })];
  const footfall = days.flatMap((d) => d.footfall);
  const transactions = days.flatMap((d) => d.transactions);
  const shifts = days.flatMap((d) => d.shifts);

  it('is deterministic for a seed', () => {
    const again = [...generateStoreEconomics({ seed: 5, now: NOW, days: 3, contacts, cardHolders: 100 })];
    expect([...generateStoreEconomics({ seed: 5, now: NOW, days: 3, contacts, cardHolders: 100 })]).toEqual(again);
  });

  it('counts every store every opening hour before now, passers-by only where a counter measures them', () => {
    const stores = demoStores().map((s) => s.key);
    expect(days).toHaveLength(70 * stores.length);
    // 69 whole days of 12 hours, plus today's 10:00 and 11:00 (12:30 now)
    expect(footfall).toHaveLength(stores.length * (69 * 12 + 2));
    expect(footfall.every((f) => moscowHour(f.hour) >= 10 && moscowHour(f.hour) < 22 && f.hour.getTime() + 3_600_000 <= NOW.getTime())).toBe(true);
    expect(new Set(footfall.filter((f) => f.passersBy !== null).map((f) => f.store))).toEqual(new Set(PASSER_COUNTER_STORES));
    expect(footfall.every((f) => f.passersBy === null || f.passersBy >= f.visitors)).toBe(true);
  });

  it('sells in opening hours, never more buyers than visitors, unique receipts, about a third with a card', () => {
    expect(transactions.every((t) => moscowHour(t.at) >= 10 && moscowHour(t.at) < 22 && t.at <= NOW && t.amount > 0 && t.items >= 1)).toBe(true);
    const visitors = new Map(footfall.map((f) => [`${f.store}|${f.hour.getTime()}`, f.visitors]));
    const buyers = new Map<string, number>();
    for (const t of transactions) {
      const k = `${t.store}|${Math.floor(t.at.getTime() / 3_600_000) * 3_600_000}`;
      buyers.set(k, (buyers.get(k) ?? 0) + 1);
    }
    expect([...buyers].every(([k, n]) => n <= visitors.get(k)!)).toBe(true);
    expect(new Set(transactions.map((t) => `${t.store}|${t.receiptId}`)).size).toBe(transactions.length);
    const carded = transactions.filter((t) => t.customerKey !== null).length / transactions.length;
    expect(Math.abs(carded - CARD_SHARE)).toBeLessThan(0.03);
    const check = transactions.reduce((s, t) => s + t.amount, 0) / transactions.length;
    expect(check).toBeGreaterThan(2_500);
    expect(check).toBeLessThan(4_500);
  });

  it('puts 2 to 6 people on shift in every opening hour', () => {
    const byDay = new Map<string, typeof shifts>();
    for (const s of shifts) {
      const k = `${s.store}|${s.startsAt.toISOString().slice(0, 10)}`;
      byDay.set(k, [...(byDay.get(k) ?? []), s]);
    }
    const wrong = footfall.filter((f) => {
      const on = (byDay.get(`${f.store}|${f.hour.toISOString().slice(0, 10)}`) ?? []).filter((s) => s.startsAt <= f.hour && s.endsAt > f.hour).length;
      return on < 2 || on > 6;
    });
    expect(wrong).toEqual([]);
  });

  it('gives MSK-04 many visitors but a low peak-hour conversion, and KZN-02 a rising one', () => {
    const conv = (store: string, hours: (h: number) => boolean, from = 0, to = Infinity) => {
      const inside = (d: Date) => hours(moscowHour(d)) && d.getTime() >= from && d.getTime() < to;
      const v = footfall.filter((f) => f.store === store && inside(f.hour)).reduce((s, f) => s + f.visitors, 0);
      return transactions.filter((t) => t.store === store && inside(t.at)).length / v;
    };
    const peak = (h: number) => h >= 18 && h < 21;
    const rates = demoStores().map((s) => conv(s.key, peak)).sort((a, b) => a - b);
    expect(conv(DECLINING_STORE, peak)).toBe(rates[0]);
    const visitors = (store: string) => footfall.filter((f) => f.store === store).reduce((s, f) => s + f.visitors, 0);
    expect(Math.max(...demoStores().map((s) => visitors(s.key)))).toBe(visitors(DECLINING_STORE));
    const mid = NOW.getTime() - 35 * 86_400_000;
    expect(conv(IMPROVING_STORE, () => true, mid)).toBeGreaterThan(conv(IMPROVING_STORE, () => true, 0, mid));
  });

  it('makes promoters spend more than detractors, and gives referred customers their receipts', () => {
    const spend = (keys: string[]) => transactions.filter((t) => t.customerKey && keys.includes(t.customerKey)).reduce((s, t) => s + t.amount, 0) / keys.length;
    expect(spend(contacts.slice(0, 30).map((c) => c.key))).toBeGreaterThan(2 * spend(contacts.slice(30).map((c) => c.key)));
    const referred = transactions.filter((t) => t.customerKey === 'cust-ref-1').map((t) => [t.store, t.at.toISOString().slice(0, 10), t.referralCode]);
    expect(referred).toEqual([['SPB-01', '2026-06-10', 'ABCD2345'], ['SPB-01', '2026-06-12', null]]);
  });
});
