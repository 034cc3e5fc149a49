/** How the Support page writes durations, shares and the time buckets (pure over the i18n functions). */
import type { useI18n } from '../i18n.tsx';
import { SUPPORT_TIME_BUCKETS } from '../../core/support/dashboardKpis.ts';

type I18n = ReturnType<typeof useI18n>;
type Fmt = Pick<I18n, 't' | 'num' | 'pct'>;

/** Seconds in the unit that reads best: seconds under a minute, minutes under two hours, hours under two days, then days. */
export function duration(i18n: Fmt, seconds: number | null): string {
  if (seconds === null) return i18n.t('sp.noValue');
  if (seconds < 60) return i18n.t('sp.dur.s', { n: i18n.num(seconds, 0) });
  if (seconds < 7200) return i18n.t('sp.dur.min', { n: i18n.num(seconds / 60, 0) });
  if (seconds < 172_800) return i18n.t('sp.dur.h', { n: i18n.num(seconds / 3600, 1) });
  return i18n.t('sp.dur.d', { n: i18n.num(seconds / 86_400, 1) });
}

/** A share 0..1 as a percentage. */
export function share(i18n: Fmt, value: number | null): string {
  return value === null ? i18n.t('sp.noValue') : i18n.pct(value * 100, 1);
}

const BUCKET_KEYS = ['sp.bucket.lt15m', 'sp.bucket.15m1h', 'sp.bucket.1h4h', 'sp.bucket.4h24h', 'sp.bucket.1d3d', 'sp.bucket.gt3d'] as const;

/** The label of the time bucket starting at `lower` seconds (one of SUPPORT_TIME_BUCKETS' ranges). */
export function bucketLabel(i18n: Pick<I18n, 't'>, lower: number): string {
  const i = lower === 0 ? 0 : (SUPPORT_TIME_BUCKETS as readonly number[]).indexOf(lower) + 1;
  return i18n.t(BUCKET_KEYS[i] ?? BUCKET_KEYS[0]);
}
