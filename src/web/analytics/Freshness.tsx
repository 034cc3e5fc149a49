/**
 * The rollups' state (GET /analytics/freshness): dashboards read the rollups plus the changes still
 * queued for the background fold, so their numbers are always up to date, during a rebuild too (it
 * is only mentioned).
 */
import { useI18n } from '../i18n.tsx';
import { useLoad } from '../components/useLoad.ts';

interface FreshnessAnswer {
  rollups: string;
  lagSeconds: number;
}

export function Freshness() {
  const { t, num } = useI18n();
  const { data } = useLoad<FreshnessAnswer>('/analytics/freshness');
  // Reserve the line's space from the start so the header does not move when the answer arrives.
  let text = '\u00a0';
  if (data?.rollups === 'rebuilding') text = t('an.fresh.rebuilding');
  else if (data) text = data.rollups === 'transactional' || data.lagSeconds <= 0 ? t('an.fresh.upToDate') : t('an.fresh.lag', { s: num(data.lagSeconds, 0) });
  return <p className="an-freshness muted" aria-live="polite">{text}</p>;
}
