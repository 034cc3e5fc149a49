/**
 * The rollups' state (GET /analytics/freshness): dashboards read the rollups plus the changes still
 * queued for the background fold, so their numbers are always up to date, during a rebuild too (it
 * is only mentioned). "Up to date" is said only while the page's own data and this check both loaded:
 * with the server unreachable the line says so instead.
 */
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n.tsx';
import { useLoad } from '../components/useLoad.ts';
import type { FreshnessAnswer } from '../../core/api/analytics.ts';

/**
 * @param failed - the page's data failed to load (its figures are not shown)
 * @param refreshKey - the page's data request: the check is repeated whenever it changes
 */
export function Freshness({ failed = false, refreshKey }: { failed?: boolean; refreshKey?: string }) {
  const { t, num } = useI18n();
  const { data, error, reload } = useLoad<FreshnessAnswer>('/analytics/freshness');
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else void reload();
  }, [refreshKey, failed, reload]);
  // Reserve the line's space from the start so the header does not move when the answer arrives.
  let text = '\u00a0';
  if (failed || error) text = t('an.fresh.unknown');
  else if (data?.rollups === 'rebuilding') text = t('an.fresh.rebuilding');
  else if (data) text = data.rollups === 'transactional' || data.lagSeconds <= 0 ? t('an.fresh.upToDate') : t('an.fresh.lag', { s: num(data.lagSeconds, 0) });
  return <p className="an-freshness muted" aria-live="polite" data-testid="freshness">{text}</p>;
}
