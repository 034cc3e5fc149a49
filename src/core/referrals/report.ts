/**
 * @module The referral report (docs/store-economics.md "Bring a friend" referrals): the funnel codes issued ->
 * link visits -> referred customers -> converted (bought on or after the referral) -> their revenue, per
 * location of the promoter's answer and in total, from the rows the database reads. Pure.
 */

/** One referred customer (attributed by src/db/referrals/report.ts: the first code wins). */
export interface ReferralRow {
  code: string;
  /** The promoter's answer's location; null when it had none. */
  locationId: string | null;
  referredAt: Date;
  /** Their first purchase on or after referredAt (within the window), or null. */
  firstPurchaseAt: Date | null;
  /** Their purchases on or after referredAt (within the window). */
  revenue: number;
}

export interface LocationCount {
  locationId: string | null;
  n: number;
}

export interface ReferralFunnel {
  issued: number;
  visits: number;
  referred: number;
  converted: number;
  revenue: number;
  /** converted / referred, null without referred customers. */
  conversion: number | null;
}

export interface ReferralReport {
  locations: Array<ReferralFunnel & { locationId: string | null }>;
  totals: ReferralFunnel;
}

/** Money to the cent (sums of numeric(14,2) amounts read as floats). */
const cents = (x: number) => Math.round(x * 100) / 100;

const empty = (): Omit<ReferralFunnel, 'conversion'> => ({ issued: 0, visits: 0, referred: 0, converted: 0, revenue: 0 });

const withConversion = (f: Omit<ReferralFunnel, 'conversion'>): ReferralFunnel => ({
  ...f, revenue: cents(f.revenue), conversion: f.referred > 0 ? f.converted / f.referred : null,
});

/**
 * The funnel per location (every location with any count, in `order`'s order, then the ones it does not
 * name, then "no location") and the totals over them.
 */
export function referralReport(issued: readonly LocationCount[], visits: readonly LocationCount[], referrals: readonly ReferralRow[], order: readonly string[] = []): ReferralReport {
  const by = new Map<string | null, Omit<ReferralFunnel, 'conversion'>>();
  const at = (id: string | null) => {
    let f = by.get(id);
    if (!f) by.set(id, (f = empty()));
    return f;
  };
  for (const c of issued) at(c.locationId).issued += c.n;
  for (const c of visits) at(c.locationId).visits += c.n;
  for (const r of referrals) {
    const f = at(r.locationId);
    f.referred++;
    if (r.firstPurchaseAt) f.converted++;
    f.revenue += r.revenue;
  }
  const rank = new Map(order.map((id, i) => [id, i]));
  const place = (id: string | null) => (id === null ? Infinity : (rank.get(id) ?? order.length));
  const ids = [...by.keys()].sort((a, b) => place(a) - place(b));
  const totals = empty();
  for (const f of by.values()) {
    totals.issued += f.issued;
    totals.visits += f.visits;
    totals.referred += f.referred;
    totals.converted += f.converted;
    totals.revenue += f.revenue;
  }
  return { locations: ids.map((id) => ({ locationId: id, ...withConversion(by.get(id)!) })), totals: withConversion(totals) };
}

/** The latest referrals, newest first (ties: by code), at most `limit`. */
export function latestReferrals(referrals: readonly ReferralRow[], limit: number): ReferralRow[] {
  return [...referrals]
    .sort((a, b) => b.referredAt.getTime() - a.referredAt.getTime() || a.code.localeCompare(b.code))
    .slice(0, limit);
}
